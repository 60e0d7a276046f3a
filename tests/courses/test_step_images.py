"""A step's picture with its own alt text (``StepImageBlock``), and the data migration that gave the
stored pictures one (``courses.stream_migrations``)."""

import pytest
from django.apps import apps
from wagtail.blocks.migrations.utils import apply_changes_to_raw_data

from courses.models import LessonPage
from courses.stream_migrations import LESSON_KINDS, MigrateStepImages, step_image_operations
from tests import factories

pytestmark = pytest.mark.django_db

QUESTION = {"prompt": "<p>Laquelle ?</p>", "audio": None, "competence": None,
            "feedback_correct": "Oui", "feedback_wrong": "Non"}


def old_steps(screenshot, photo):
    """Steps as the former ImageChooserBlock stored them: image ids (and no image)."""
    return [
        {"type": "image", "id": "a", "value": {"image": screenshot.pk, "text": "<p>Regarde.</p>", "audio": None}},
        {"type": "tip", "id": "b", "value": {"kind": "tip", "text": "<p>Astuce.</p>", "image": None, "audio": None}},
        {"type": "single_choice", "id": "c", "value": {**QUESTION, "image": photo.pk, "choices": [
            {"type": "item", "id": "c1", "value": {"text": "Un", "image": photo.pk, "is_correct": True}},
            {"type": "item", "id": "c2", "value": {"text": "Deux", "image": None, "is_correct": False}},
        ]}},
        {"type": "multiple_choice", "id": "d", "value": {**QUESTION, "image": None, "choices": []}},  # a draft
    ]


def migrated(raw, backwards=False):
    migration = MigrateStepImages("courses", "LessonPage", "steps", step_image_operations(LESSON_KINDS))
    migration._with_alts(apps, backwards=backwards)
    field = LessonPage.steps
    for operation, path in migration.operations_and_block_paths:
        raw = apply_changes_to_raw_data(raw, path, operation, streamfield=field)
    return raw


def test_stored_ids_become_pictures_with_the_alt_text_learners_heard_and_back():
    screenshot = factories.make_image("emails/inbox.webp")
    photo = factories.make_image("photo.jpg")
    screenshot.description = "La boîte de réception"
    screenshot.save()
    forward = migrated(old_steps(screenshot, photo))
    assert forward[0]["value"]["image"] == {"image": screenshot.pk, "alt_text": "La boîte de réception",
                                            "decorative": False}
    assert forward[1]["value"]["image"] == {"image": None, "alt_text": "", "decorative": False}
    choice = forward[2]["value"]["choices"][0]["value"]["image"]
    assert choice == {"image": photo.pk, "alt_text": "photo.jpg", "decorative": False}  # no description: title
    assert forward[2]["value"]["image"]["image"] == photo.pk and forward[3]["value"]["choices"] == []
    assert migrated(forward) == forward  # run twice, nothing changes

    lesson = factories.lesson(factories.course(), steps=[])
    LessonPage.objects.filter(pk=lesson.pk).update(steps=forward)
    steps = LessonPage.objects.get(pk=lesson.pk).steps
    assert steps[0].value["image"].contextual_alt_text == "La boîte de réception"
    assert steps[2].value["choices"][0]["image"].pk == photo.pk

    assert migrated(forward, backwards=True) == old_steps(screenshot, photo)


def test_a_frozen_exam_question_with_an_image_id_is_still_read():
    """An exam drawn before the migration froze its questions with image ids: they still show."""
    photo = factories.make_image("photo.jpg")
    block = LessonPage.steps.field.stream_block.child_blocks["image"].child_blocks["image"]
    old, new = block.bulk_to_python([photo.pk, {"image": photo.pk, "alt_text": "Une photo", "decorative": False}])
    assert old.pk == new.pk == photo.pk and new.contextual_alt_text == "Une photo"
