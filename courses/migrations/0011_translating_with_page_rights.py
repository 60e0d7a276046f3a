"""Trainers and managers translate the catalogue's courses (issue 14): Wagtail's "Editors" (trainers)
and "Moderators" (managers) groups get wagtail-localize's « submit translation » permission. What they
may translate stays what their page permissions allow (the catalogues, 0008): the translate and update
screens check those too (courses/translation_views.py).

Permissions are found by content type id and codename, never by comparing ContentType objects: the
models of a migration state are not those of another (going back through 0008 once failed on that)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def submit_translation_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # wagtail-localize hangs its permission on a content type of its own (its migration 0006).
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    found, _ = Permission.objects.get_or_create(
        content_type_id=content_type.pk, codename="submit_translation", defaults={"name": "Can submit translations"})
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = submit_translation_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission.pk)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = submit_translation_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(permission.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_voices"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
