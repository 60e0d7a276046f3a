"""The database itself refuses what the rules forbid, whatever code writes to it. A learner's
records are keyed on the lesson or course in all its languages: one row whatever the language."""

import uuid

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from courses.constants import ProgressStatus
from courses.models import Answer, Enrolment, LessonProgress
from tests import factories

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def learner_and_lesson():
    course = factories.course()
    return factories.UserFactory(), factories.lesson(course)


def arabic(page):
    """The published Arabic translation of ``page`` (same translation key, same step ids)."""
    locale, _created = Locale.objects.get_or_create(language_code="ar")
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    translated.save_revision().publish()
    return translated


def refused(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(**kwargs)


def test_one_progress_row_per_learner_and_lesson_in_all_its_languages(learner_and_lesson):
    learner, lesson = learner_and_lesson
    LessonProgress.objects.create(learner=learner, lesson=lesson)
    refused(learner=learner, lesson=lesson)
    arabic(lesson.get_parent().specific)
    refused(learner=learner, lesson=arabic(lesson))
    refused(learner=learner, lesson=None, lesson_key=lesson.translation_key)
    assert LessonProgress.objects.count() == 1


def test_progress_and_answers_name_their_lesson(learner_and_lesson):
    learner, lesson = learner_and_lesson
    refused(learner=learner, lesson=None, lesson_key=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            learner=learner, lesson=None, lesson_key=None, step_id=uuid.uuid4(), step_kind="true_false",
            payload={}, is_correct=True, client_uuid=uuid.uuid4(),
        )


@pytest.mark.parametrize("score", [-0.01, 1.01, 100.0])
def test_best_score_stays_between_0_and_1(learner_and_lesson, score):
    learner, lesson = learner_and_lesson
    refused(learner=learner, lesson=lesson, best_score=score)
    progress = LessonProgress.objects.create(learner=learner, lesson=lesson, best_score=0.5)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.filter(pk=progress.pk).update(best_score=score)
    for edge in (0.0, 1.0):
        LessonProgress.objects.filter(pk=progress.pk).update(best_score=edge)


def test_completed_progress_has_a_date(learner_and_lesson):
    learner, lesson = learner_and_lesson
    refused(learner=learner, lesson=lesson, status=ProgressStatus.COMPLETED, completed_at=None)
    LessonProgress.objects.create(
        learner=learner, lesson=lesson, status=ProgressStatus.COMPLETED, completed_at=timezone.now()
    )


def test_an_answer_is_stored_once_per_client_uuid_and_once_per_step(learner_and_lesson):
    learner, lesson = learner_and_lesson
    step = lesson.steps[5]
    fields = {"learner": learner, "lesson": lesson, "step_id": step.id, "step_kind": step.block_type,
              "payload": {"value": True}, "is_correct": True}
    client_uuid = uuid.uuid4()
    Answer.objects.create(client_uuid=client_uuid, **fields)
    other_step = {**fields, "step_id": lesson.steps[6].id}
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(client_uuid=client_uuid, **other_step)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(client_uuid=uuid.uuid4(), **fields)
    arabic(lesson.get_parent().specific)
    with pytest.raises(IntegrityError), transaction.atomic():  # the same step, in Arabic
        Answer.objects.create(client_uuid=uuid.uuid4(), **{**fields, "lesson": arabic(lesson)})
    Answer.objects.create(client_uuid=uuid.uuid4(), **{**fields, "attempt": 2})
    assert Answer.objects.count() == 2


def test_one_enrolment_per_learner_and_course_in_all_its_languages(learner_and_lesson):
    learner, lesson = learner_and_lesson
    course = lesson.get_parent().specific
    Enrolment.objects.create(learner=learner, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(learner=learner, course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(learner=learner, course=arabic(course))
    assert Enrolment.objects.count() == 1
