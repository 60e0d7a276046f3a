"""Managers (Wagtail's "Moderators" group) upload, edit and delete H5P packages, as trainers do: they
write the catalogue's courses too (issue 14)."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="h5p", model="h5ppackage")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type_id=content_type.pk, codename=f"{action}_h5ppackage",
            defaults={"name": f"Can {action} H5P activity"},
        )
        moderators.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.remove(*moderators.permissions.filter(content_type__app_label="h5p"))


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0002_editors_manage_packages"),
        ("wagtailcore", "0002_initial_data"),  # creates the Moderators group
    ]

    operations = [migrations.RunPython(grant, revoke)]
