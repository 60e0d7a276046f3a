"""The answer a tablet posts is recorded once, even when the same post arrives several times at
once (a retry over a weak connection, a double tap) on several web workers."""

import threading
import uuid

import pytest
from django.db import connection
from wagtail.models import Locale

from courses.models import Answer, LessonProgress
from courses.records import AnswerRetry
from courses.services import lesson_answer_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THREADS = 8


def step_of(lesson, kind):
    return next(step for step in lesson.steps if step.block_type == kind)


def right_choice(step):
    return next(str(c.id) for c in step.value["choices"].bound_blocks if c.value["is_correct"])


def post_at_once(learner, lesson, step, payload, client_uuids):
    """Call the service from one thread per client UUID, all released at the same moment."""
    barrier = threading.Barrier(len(client_uuids))
    outcomes, errors = [], []

    def post(client_uuid):
        try:
            barrier.wait(timeout=10)
            outcome = lesson_answer_record(
                learner=learner, lesson=lesson, step_id=step.id, payload=payload, client_uuid=client_uuid
            )
            outcomes.append(outcome)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(u,)) for u in client_uuids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert len(outcomes) == len(client_uuids)
    return outcomes


def test_same_answer_posted_at_once_is_recorded_once(enrolled_lesson):
    learner, lesson = enrolled_lesson
    step = step_of(lesson, "single_choice")
    client_uuid = uuid.uuid4()

    outcomes = post_at_once(learner, lesson, step, {"choice": right_choice(step)}, [client_uuid] * THREADS)

    answer = Answer.objects.get()
    assert answer.client_uuid == client_uuid
    assert answer.is_correct
    assert {o.answer.pk for o in outcomes} == {answer.pk}
    assert all(o.grade.is_correct for o in outcomes)
    assert LessonProgress.objects.filter(learner=learner, lesson=lesson).count() == 1


def test_two_answers_to_one_step_at_once_keep_the_first(enrolled_lesson):
    learner, lesson = enrolled_lesson
    step = step_of(lesson, "true_false")

    outcomes = post_at_once(learner, lesson, step, {"value": True}, [uuid.uuid4() for _ in range(THREADS)])

    answer = Answer.objects.get(learner=learner, lesson=lesson, step_id=step.id)
    assert Answer.objects.count() == 1
    assert {o.answer.pk for o in outcomes} == {answer.pk}
    assert LessonProgress.objects.get(learner=learner, lesson=lesson).attempt == 1


def test_one_step_answered_at_once_in_french_and_in_arabic_keeps_one_answer(enrolled_lesson):
    """Two tablets (or two tabs) of one learner, one on the French lesson, one on the Arabic."""
    learner, lesson = enrolled_lesson
    locale, _created = Locale.objects.get_or_create(language_code="ar")
    lesson.get_parent().specific.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    arabic = lesson.copy_for_translation(locale).specific
    arabic.save_revision().publish()
    step = step_of(lesson, "true_false")
    barrier = threading.Barrier(THREADS)
    outcomes, errors = [], []

    def post(page, value):
        try:
            barrier.wait(timeout=10)
            outcomes.append(lesson_answer_record(
                learner=learner, lesson=page, step_id=step.id, payload={"value": value}, client_uuid=uuid.uuid4()
            ))
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(arabic if i % 2 else lesson, bool(i % 2))) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    answer = Answer.objects.get()
    assert {o.answer.pk for o in outcomes} == {answer.pk}
    # One first try, which every outcome reports as what counts; the others became the one second try a
    # question allows, or were turned away once no try was left (nothing more recorded).
    assert {o.answer.is_correct for o in outcomes} == {answer.is_correct}
    assert AnswerRetry.objects.filter(answer=answer).count() <= 1
    assert LessonProgress.objects.filter(learner=learner).count() == 1


def test_answers_to_different_steps_at_once_are_all_recorded(enrolled_lesson):
    learner, lesson = enrolled_lesson
    steps = [step_of(lesson, kind) for kind in ("single_choice", "true_false", "typed_answer")]
    payloads = [{"choice": right_choice(steps[0])}, {"value": True}, {"text": "amina@exemple.fr"}]
    barrier = threading.Barrier(len(steps))
    errors = []

    def post(step, payload):
        try:
            barrier.wait(timeout=10)
            lesson_answer_record(
                learner=learner, lesson=lesson, step_id=step.id, payload=payload, client_uuid=uuid.uuid4()
            )
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=pair) for pair in zip(steps, payloads, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    assert Answer.objects.filter(learner=learner, lesson=lesson, is_correct=True).count() == 3
    progress = LessonProgress.objects.get(learner=learner, lesson=lesson)
    assert {str(s.id) for s in steps} <= set(progress.seen_steps)
