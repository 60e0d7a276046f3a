"""Trainers and managers write the catalogue's courses, and nothing else of the page tree (issue 14):
Wagtail's "Editors" (trainers) and "Moderators" (managers) groups lose their permissions on the tree's
root and get them on each language's catalogue instead (a catalogue made later gets them when it is
created: courses/signals.py). Publishing a page outside a catalogue is then refused to them."""

from django.db import migrations

# As courses.constants.CATALOGUE_PAGE_PERMISSIONS has them.
CATALOGUE_PAGE_PERMISSIONS = {
    "Editors": ("add_page", "change_page", "publish_page"),
    "Moderators": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}


def page_permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    found, _ = Permission.objects.get_or_create(content_type_id=page_type.pk, codename=codename,
                                                defaults={"name": codename.replace("_", " ")})
    return found


def to_the_catalogues(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    CatalogueIndexPage = apps.get_model("courses", "CatalogueIndexPage")
    roots = Page.objects.filter(depth=1)
    catalogues = list(CatalogueIndexPage.objects.values_list("pk", flat=True))
    for group in Group.objects.filter(name__in=CATALOGUE_PAGE_PERMISSIONS):
        GroupPagePermission.objects.filter(group=group, page__in=roots).delete()
        for codename in CATALOGUE_PAGE_PERMISSIONS[group.name]:
            permission = page_permission(apps, codename)
            for page_id in catalogues:
                GroupPagePermission.objects.get_or_create(group_id=group.pk, page_id=page_id, permission_id=permission.pk)


def back_to_the_root(apps, schema_editor):
    """Going back: the groups' permissions at the root, as Wagtail's defaults and 0006 had them."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    CatalogueIndexPage = apps.get_model("courses", "CatalogueIndexPage")
    root = Page.objects.filter(depth=1).first()
    for group in Group.objects.filter(name__in=CATALOGUE_PAGE_PERMISSIONS):
        GroupPagePermission.objects.filter(
            group=group, page_id__in=CatalogueIndexPage.objects.values_list("pk", flat=True)).delete()
        if root is not None:
            for codename in CATALOGUE_PAGE_PERMISSIONS[group.name]:
                GroupPagePermission.objects.get_or_create(
                    group_id=group.pk, page_id=root.pk, permission_id=page_permission(apps, codename).pk)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_question_fields_in_trainer_order"),
        ("courses", "0006_trainers_publish_without_moderation"),
    ]

    operations = [migrations.RunPython(to_the_catalogues, back_to_the_root)]
