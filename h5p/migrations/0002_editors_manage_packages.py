"""Trainers (Wagtail's "Editors" group) upload, edit and delete H5P packages, as they do images."""

from django.db import migrations

ACTIONS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="h5p", model="h5ppackage")
    editors = Group.objects.filter(name="Editors").first()
    for action, label in ACTIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_h5ppackage", defaults={"name": f"{label} H5P activity"}
        )
        if editors is not None:
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),  # creates the Editors group
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
