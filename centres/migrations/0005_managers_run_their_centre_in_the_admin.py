"""Roles that can do their job in the admin (issue 14): Wagtail's "Moderators" group, which managers join,
may change a centre's settings and its cohorts (the admin shows each manager only the centres they
manage: centres/wagtail_hooks.py), and the trainers and managers already there join their role's group
(from now on the groups follow the memberships: centres.services.role_groups_sync)."""

from django.db import migrations

ROLE_GROUPS = {"trainer": "Editors", "manager": "Moderators"}  # as centres.constants.ROLE_GROUPS has them
MANAGER_PERMISSIONS = {
    "centre": ("view", "change"),
    "cohort": ("view", "add", "change", "delete"),
}


def permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="centres", model=model)
    found, _ = Permission.objects.get_or_create(
        content_type_id=content_type.pk, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return found


def managers_run_their_centre(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Membership = apps.get_model("centres", "Membership")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        for model, actions in MANAGER_PERMISSIONS.items():
            moderators.permissions.add(*(permission(apps, model, action) for action in actions))
    for role, name in ROLE_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            for membership in Membership.objects.filter(role=role).select_related("user"):
                membership.user.groups.add(group)


def managers_no_longer(apps, schema_editor):
    """Going back: the Moderators lose the centres' permissions; people keep their groups."""
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.remove(*moderators.permissions.filter(content_type__app_label="centres"))


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0004_field_labels"),
        ("wagtailcore", "0002_initial_data"),  # creates the Editors and Moderators groups
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(managers_run_their_centre, managers_no_longer)]
