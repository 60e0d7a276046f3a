"""Recording answers and progress: idempotent, first answer counts, completion and resume."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied

from courses import services
from courses.constants import SCORED_STEP_KINDS, ProgressStatus
from courses.grading import InvalidAnswer
from courses.models import Answer, LessonProgress
from courses.records import AnswerRetry
from tests import factories

from .conftest import right_payload, step_of, wrong_payload

pytestmark = pytest.mark.django_db


def answer(learner, lesson, step, payload, client_uuid=None):
    return services.lesson_answer_record(
        learner=learner, lesson=lesson, step_id=step.id, payload=payload,
        client_uuid=client_uuid or uuid.uuid4(),
    )


def walk(learner, lesson, wrong=()):
    """See every step and answer each question, rightly unless its kind is in ``wrong``."""
    for step in lesson.steps:
        services.lesson_step_visit(learner=learner, lesson=lesson, step_id=step.id)
        if step.block_type in services.ANSWERABLE_STEP_KINDS:
            payload = wrong_payload(step) if step.block_type in wrong else right_payload(step)
            answer(learner, lesson, step, payload)
    return LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)


def test_replayed_answer_is_recorded_once(enrolled, lesson_page):
    step, key = step_of(lesson_page, "true_false"), uuid.uuid4()
    first = answer(enrolled, lesson_page, step, {"value": True}, key)
    again = answer(enrolled, lesson_page, step, {"value": True}, key)
    assert Answer.objects.count() == 1
    assert again.answer.pk == first.answer.pk and again.grade.is_correct


def test_only_the_first_answer_of_an_attempt_counts(enrolled, lesson_page):
    step = step_of(lesson_page, "true_false")
    answer(enrolled, lesson_page, step, {"value": False})
    second = answer(enrolled, lesson_page, step, {"value": True})
    assert not second.answer.is_correct
    assert Answer.objects.filter(learner=enrolled).count() == 1


def test_client_uuid_of_another_question_is_refused(enrolled, lesson_page):
    key = uuid.uuid4()
    answer(enrolled, lesson_page, step_of(lesson_page, "true_false"), {"value": True}, key)
    with pytest.raises(InvalidAnswer):
        answer(enrolled, lesson_page, step_of(lesson_page, "typed_answer"), {"text": "x"}, key)


def test_invalid_answer_changes_nothing(enrolled, lesson_page):
    with pytest.raises(InvalidAnswer):
        answer(enrolled, lesson_page, step_of(lesson_page, "typed_answer"), {"text": "a" * 10_000})
    assert not Answer.objects.exists() and not LessonProgress.objects.exists()


def test_learner_not_enrolled_cannot_answer(learner, lesson_page):
    with pytest.raises(PermissionDenied):
        answer(learner, lesson_page, step_of(lesson_page, "true_false"), {"value": True})
    assert not Answer.objects.exists()


def test_step_of_another_lesson_is_refused(enrolled, lesson_page, course_page):
    other = factories.lesson(course_page, slug="autre", title="Autre")
    with pytest.raises(InvalidAnswer):
        answer(enrolled, lesson_page, step_of(other, "true_false"), {"value": True})


def test_all_right_completes_the_lesson(enrolled, lesson_page):
    progress = walk(enrolled, lesson_page)
    assert progress.status == ProgressStatus.COMPLETED
    assert progress.completed_at is not None and progress.best_score == 1.0


def test_below_pass_mark_is_not_completed_then_retry_completes(enrolled, lesson_page):
    progress = walk(enrolled, lesson_page, wrong={"true_false", "typed_answer"})
    assert progress.status == ProgressStatus.IN_PROGRESS
    assert progress.best_score == pytest.approx(4 / 6)
    services.lesson_restart(learner=enrolled, lesson=lesson_page)
    progress = walk(enrolled, lesson_page)
    assert progress.attempt == 2 and progress.status == ProgressStatus.COMPLETED


def test_lesson_is_not_completed_before_every_step_is_seen(enrolled, lesson_page):
    for step in lesson_page.steps:
        if step.block_type in SCORED_STEP_KINDS:
            answer(enrolled, lesson_page, step, right_payload(step))
    progress = LessonProgress.objects.get(learner=enrolled, lesson_key=lesson_page.translation_key)
    assert progress.status == ProgressStatus.IN_PROGRESS


def test_visit_remembers_the_step_to_resume_at(enrolled, lesson_page):
    third = list(lesson_page.steps)[2]
    services.lesson_step_visit(learner=enrolled, lesson=lesson_page, step_id=third.id)
    assert str(LessonProgress.objects.get(learner=enrolled).current_step_id) == third.id


def test_completion_stays_after_a_weaker_retry(enrolled, lesson_page):
    walk(enrolled, lesson_page)
    services.lesson_restart(learner=enrolled, lesson=lesson_page)
    progress = walk(enrolled, lesson_page, wrong={"true_false", "typed_answer", "single_choice"})
    assert progress.status == ProgressStatus.COMPLETED and progress.best_score == 1.0


def test_only_what_was_graded_is_stored(enrolled, lesson_page):
    step = step_of(lesson_page, "true_false")
    answer(enrolled, lesson_page, step, {"value": True, "device": "x" * 5000, "name": "Amina"})
    assert Answer.objects.get().payload == {"value": True}


# --- Second tries (issue 13): one slip no longer fails a lesson ----------------------------------


def test_a_question_first_answered_wrong_can_be_tried_again_once(enrolled, lesson_page):
    step = step_of(lesson_page, "single_choice")
    first = answer(enrolled, lesson_page, step, wrong_payload(step))
    assert not first.grade.is_correct and first.tries_left == 1 and not first.is_final
    second = answer(enrolled, lesson_page, step, right_payload(step))
    assert second.grade.is_correct and second.is_final and second.tries_left == 0
    assert not second.answer.is_correct  # the score counts the first try
    third = answer(enrolled, lesson_page, step, wrong_payload(step))
    assert third.grade.is_correct  # a third post changes nothing: the step is done
    assert AnswerRetry.objects.count() == 1 and Answer.objects.count() == 1


def test_two_wrong_tries_end_the_question(enrolled, lesson_page):
    step = step_of(lesson_page, "typed_answer")
    answer(enrolled, lesson_page, step, wrong_payload(step))
    second = answer(enrolled, lesson_page, step, wrong_payload(step))
    assert second.tries_left == 0 and second.is_final
    late = answer(enrolled, lesson_page, step, right_payload(step))
    assert not late.grade.is_correct and AnswerRetry.objects.count() == 1


def test_the_tap_step_can_be_tapped_again_as_often_as_needed(enrolled, lesson_page):
    step = step_of(lesson_page, "hotspot")
    outcomes = [answer(enrolled, lesson_page, step, {"x": 0.01, "y": 0.01}) for _ in range(4)]
    assert all(o.tries_left is None and not o.is_final for o in outcomes)
    right = answer(enrolled, lesson_page, step, right_payload(step))
    assert right.grade.is_correct and right.is_final and AnswerRetry.objects.count() == 4


def test_a_second_try_posted_twice_is_recorded_once(enrolled, lesson_page):
    step, key = step_of(lesson_page, "true_false"), uuid.uuid4()
    answer(enrolled, lesson_page, step, {"value": False})
    answer(enrolled, lesson_page, step, {"value": True}, key)
    again = answer(enrolled, lesson_page, step, {"value": True}, key)
    assert again.grade.is_correct and AnswerRetry.objects.count() == 1


def test_a_slip_then_the_right_answer_everywhere_else_still_passes(enrolled, lesson_page):
    """Six scored questions, pass mark 80 %: one wrong first try leaves 83 %."""
    step = step_of(lesson_page, "true_false")
    answer(enrolled, lesson_page, step, {"value": False})
    answer(enrolled, lesson_page, step, {"value": True})
    progress = walk(enrolled, lesson_page)
    assert progress.status == ProgressStatus.COMPLETED and round(progress.best_score * 100) == 83
