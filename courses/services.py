"""Writes of the lesson path. Views and tasks call these; they hold the rules."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import ANSWERABLE_STEP_KINDS, SCORED_STEP_KINDS, ProgressStatus
from .grading import Grade, InvalidAnswer, grade_step
from .models import Answer, Enrolment, LessonProgress
from .selectors import lesson_enrolment_exists

# Time between two taps that still counts as learning (longer gaps are a break).
MAX_COUNTED_GAP = timedelta(minutes=3)


@dataclass
class AnswerOutcome:
    answer: Answer
    grade: Grade
    progress: LessonProgress


def enrolment_create(*, learner, course) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(learner=learner, course=course)
    return enrolment


def _require_enrolment(learner, lesson):
    if not lesson_enrolment_exists(learner=learner, lesson=lesson):
        raise PermissionDenied(_("Start this course before answering its lessons."))


def _find_step(lesson, step_id):
    for index, step in enumerate(lesson.steps):
        if str(step.id) == str(step_id):
            return index, step
    raise InvalidAnswer(_("This step is not part of the lesson. Reload the page."))


def _locked_progress(learner, lesson):
    progress, _created = LessonProgress.objects.select_for_update().get_or_create(
        learner=learner, lesson=lesson
    )
    return progress


def lesson_answer_record(*, learner, lesson, step_id, payload, client_uuid) -> AnswerOutcome:
    """Grade and store a learner's answer. Replaying the same ``client_uuid`` (or answering a step
    already answered in this attempt) returns the first answer unchanged."""
    _require_enrolment(learner, lesson)
    index, step = _find_step(lesson, step_id)
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
                learner=learner, lesson=lesson, attempt=progress.attempt, step_id=step.id
            ).first()
            if earlier is not None:
                return AnswerOutcome(earlier, grade_step(step, earlier.payload), progress)
            answer = Answer.objects.create(
                learner=learner, lesson=lesson, step_id=step.id, step_kind=step.block_type,
                attempt=progress.attempt, payload=grade.answer, is_correct=grade.is_correct,
                counts_in_score=step.block_type in SCORED_STEP_KINDS, client_uuid=client_uuid,
            )
            _progress_touch(progress, lesson, index, step)
    except IntegrityError:
        # The same answer arrived twice at once: the other request stored it.
        return _replayed(Answer.objects.get(client_uuid=client_uuid), learner, lesson, step)
    return AnswerOutcome(answer, grade, progress)


def _replayed(answer, learner, lesson, step):
    if answer.learner_id != learner.pk or answer.lesson_id != lesson.pk or str(answer.step_id) != str(step.id):
        raise InvalidAnswer(_("This answer was already sent for another question. Reload the page."))
    progress = LessonProgress.objects.get(learner=learner, lesson=lesson)
    return AnswerOutcome(answer, grade_step(step, answer.payload), progress)


def lesson_step_visit(*, learner, lesson, step_id) -> LessonProgress:
    """The learner is looking at a step: remember it for resuming, count the time, and complete
    the lesson when every step was seen and the score reaches the pass mark."""
    _require_enrolment(learner, lesson)
    index, step = _find_step(lesson, step_id)
    with transaction.atomic():
        progress = _locked_progress(learner, lesson)
        _progress_touch(progress, lesson, index, step)
    return progress


def _progress_touch(progress, lesson, index, step):
    now = timezone.now()
    if progress.updated_at:
        progress.time_spent_seconds += int(min(now - progress.updated_at, MAX_COUNTED_GAP).total_seconds())
    progress.current_step = index
    if str(step.id) not in progress.seen_steps:
        progress.seen_steps = [*progress.seen_steps, str(step.id)]
    _progress_evaluate(progress, lesson, now)
    progress.save()


def attempt_score(*, progress, lesson) -> float:
    """Share of the lesson's scored questions answered right (first answer) in this attempt."""
    scored = [s for s in lesson.steps if s.block_type in SCORED_STEP_KINDS]
    if not scored:
        return 1.0
    right = Answer.objects.filter(
        learner_id=progress.learner_id, lesson=lesson, attempt=progress.attempt,
        counts_in_score=True, is_correct=True,
    ).count()
    return min(right / len(scored), 1.0)


def _progress_evaluate(progress, lesson, now):
    step_ids = {str(s.id) for s in lesson.steps}
    if not step_ids <= set(progress.seen_steps):
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
        progress.current_step = 0
        progress.seen_steps = []
        progress.save()
    return progress
