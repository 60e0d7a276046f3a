"""Writes of the lesson path. Views, pages and tasks call these; they hold the rules.

A learner's enrolments, progress and answers are keyed on the course or lesson in all its
languages (``translation_key``) and steps on their block id, which translations keep: a learner can
move between French and their language at any step and keep their place, answers and score."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import ANSWERABLE_STEP_KINDS, SCORED_WHEN_REQUIRED_STEP_KINDS, ProgressStatus
from .grading import Grade, InvalidAnswer, grade_step, recorded_grade
from .records import Answer, Enrolment, LessonProgress
from .selectors import attempt_score, lesson_enrolment_exists, lesson_step_ids, step_counts_in_score

# Time between two taps that still counts as learning (longer gaps are a break).
MAX_COUNTED_GAP = timedelta(minutes=3)


@dataclass
class AnswerOutcome:
    answer: Answer
    grade: Grade
    progress: LessonProgress


def enrolment_create(*, learner, course) -> Enrolment:
    """The learner starts ``course`` (in all its languages); starting it again changes nothing."""
    enrolment, _created = Enrolment.objects.get_or_create(
        learner=learner, course_key=course.translation_key, defaults={"course": course}
    )
    return enrolment


def _require_enrolment(learner, lesson):
    if not lesson_enrolment_exists(learner=learner, lesson=lesson):
        raise PermissionDenied(_("Start this course before answering its lessons."))


def _find_step(lesson, step_id):
    for step in lesson.steps:
        if str(step.id) == str(step_id):
            return step
    raise InvalidAnswer(_("This step is not part of the lesson. Reload the page."))


def _locked_progress(learner, lesson):
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(
        learner=learner, lesson_key=lesson.translation_key, defaults={"lesson": lesson}
    )
    return progress


def _earlier_grade(step, answer):
    return recorded_grade(step, payload=answer.payload, is_correct=answer.is_correct)


def lesson_answer_record(*, learner, lesson, step_id, payload, client_uuid) -> AnswerOutcome:
    """Grade and store a learner's answer. Replaying the same ``client_uuid`` (or answering a step
    already answered in this attempt, in any language) returns the first answer unchanged."""
    _require_enrolment(learner, lesson)
    step = _find_step(lesson, step_id)
    if step.block_type not in ANSWERABLE_STEP_KINDS:
        raise InvalidAnswer(_("This step has no question to answer."))
    replay = Answer.objects.filter(client_uuid=client_uuid).first()
    if replay is not None:
        return _replayed(replay, learner, lesson, step)
    grade = grade_step(step, payload)
    try:
        with transaction.atomic():
            progress = _locked_progress(learner, lesson)
            earlier = Answer.objects.filter(
                learner=learner, lesson_key=lesson.translation_key, attempt=progress.attempt, step_id=step.id
            ).first()
            if earlier is not None:
                return AnswerOutcome(earlier, _earlier_grade(step, earlier), progress)
            answer = Answer.objects.create(
                learner=learner, lesson=lesson, lesson_key=lesson.translation_key, step_id=step.id,
                step_kind=step.block_type, attempt=progress.attempt, payload=grade.answer,
                is_correct=grade.is_correct, counts_in_score=step_counts_in_score(step),
                client_uuid=client_uuid,
            )
            _progress_touch(progress, lesson, step)
    except IntegrityError:
        # The same answer arrived twice at once: the other request stored it.
        return _replayed(Answer.objects.get(client_uuid=client_uuid), learner, lesson, step)
    return AnswerOutcome(answer, grade, progress)


def lesson_step_result_record(*, learner, lesson, step_id, score, passed, client_uuid) -> Answer:
    """Record the result of a step scored elsewhere (an H5P activity, scored by the learner's
    browser): the step is seen and the lesson completed when it now qualifies. ``score`` is the
    share of points (0 to 1). Replaying a ``client_uuid`` changes nothing. Unlike a question, the
    activity may be retried inside the step: a pass after a fail in the same attempt makes the
    step right; a fail after a pass changes nothing."""
    _require_enrolment(learner, lesson)
    step = _find_step(lesson, step_id)
    if step.block_type not in SCORED_WHEN_REQUIRED_STEP_KINDS:
        raise InvalidAnswer(_("This step is not an activity with a score of its own."))
    replay = Answer.objects.filter(client_uuid=client_uuid).first()
    if replay is not None:
        _require_same_step(replay, learner, lesson, step)
        return replay
    with transaction.atomic():
        progress = _locked_progress(learner, lesson)
        answer = Answer.objects.filter(
            learner=learner, lesson_key=lesson.translation_key, attempt=progress.attempt, step_id=step.id
        ).first()
        if answer is None:
            answer = Answer.objects.create(
                learner=learner, lesson=lesson, lesson_key=lesson.translation_key, step_id=step.id,
                step_kind=step.block_type, attempt=progress.attempt, payload={"score": score},
                is_correct=passed, counts_in_score=step_counts_in_score(step), client_uuid=client_uuid,
            )
        elif passed and not answer.is_correct:
            answer.is_correct = True
            answer.payload = {"score": score}
            answer.save(update_fields=["is_correct", "payload"])
        _progress_touch(progress, lesson, step)
    return answer


def _require_same_step(answer, learner, lesson, step):
    same_question = (
        answer.learner_id == learner.pk
        and str(answer.lesson_key) == str(lesson.translation_key)
        and str(answer.step_id) == str(step.id)
    )
    if not same_question:
        raise InvalidAnswer(_("This answer was already sent for another question. Reload the page."))


def _replayed(answer, learner, lesson, step):
    _require_same_step(answer, learner, lesson, step)
    progress = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    return AnswerOutcome(answer, _earlier_grade(step, answer), progress)


def lesson_step_visit(*, learner, lesson, step_id) -> LessonProgress:
    """The learner is looking at a step: remember it for resuming (in any language), count the
    time, and complete the lesson when every step of this page was seen and the score reaches the
    pass mark."""
    _require_enrolment(learner, lesson)
    step = _find_step(lesson, step_id)
    with transaction.atomic():
        progress = _locked_progress(learner, lesson)
        _progress_touch(progress, lesson, step)
    return progress


def _progress_touch(progress, lesson, step):
    now = timezone.now()
    if progress.updated_at:
        progress.time_spent_seconds += int(min(now - progress.updated_at, MAX_COUNTED_GAP).total_seconds())
    progress.lesson = lesson  # the language used last
    progress.current_step_id = step.id
    if str(step.id) not in progress.seen_steps:
        progress.seen_steps = [*progress.seen_steps, str(step.id)]
    _progress_evaluate(progress, lesson, now)
    progress.save()


def _progress_evaluate(progress, lesson, now):
    if not set(lesson_step_ids(lesson)) <= set(progress.seen_steps):
        return
    score = attempt_score(progress=progress, lesson=lesson)
    progress.best_score = max(score, progress.best_score or 0.0)
    if score * 100 >= lesson.pass_mark and progress.status != ProgressStatus.COMPLETED:
        progress.status = ProgressStatus.COMPLETED
        progress.completed_at = now


def lesson_restart(*, learner, lesson) -> LessonProgress:
    """Start the lesson again from the first step with fresh questions; what was achieved stays."""
    _require_enrolment(learner, lesson)
    with transaction.atomic():
        progress = _locked_progress(learner, lesson)
        progress.attempt += 1
        progress.lesson = lesson
        progress.current_step_id = None
        progress.seen_steps = []
        progress.save()
    return progress
