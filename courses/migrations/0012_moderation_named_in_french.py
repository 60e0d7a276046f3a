"""The moderation a centre may turn on is named in French, the trainers' language: Wagtail's default
workflow and task are called « Moderators approval », and the editor's button then read « Soumettre à
Moderators approval »."""

from django.db import migrations

ENGLISH = "Moderators approval"
FRENCH = "Relecture par un responsable"


def _rename(apps, old, new):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def in_french(apps, schema_editor):
    _rename(apps, ENGLISH, FRENCH)


def in_english(apps, schema_editor):
    _rename(apps, FRENCH, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0011_translating_with_page_rights"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(in_french, in_english)]
