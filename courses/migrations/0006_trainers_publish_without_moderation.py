"""Trainers publish their own lessons (issue 14): Wagtail's "Editors" group, which trainers join, may
publish pages, and the default « Moderators approval » workflow is no longer attached to the whole site
(an administrator may attach one again to a part of the tree; its managers can then approve)."""

from django.db import migrations


def trainers_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root = Page.objects.filter(depth=1).first()
    editors = Group.objects.filter(name="Editors").first()
    if root is not None and editors is not None:
        page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        publish, _created = Permission.objects.get_or_create(
            content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
        )
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    if root is not None:
        WorkflowPage.objects.filter(page=root).delete()


def moderation_again(apps, schema_editor):
    """Going back: trainers submit to moderation again, as Wagtail's defaults have it."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    root = Page.objects.filter(depth=1).first()
    GroupPagePermission.objects.filter(group__name="Editors", page=root, permission__codename="publish_page").delete()
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if root is not None and workflow is not None:
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_answer_retries"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(trainers_publish, moderation_again)]
