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

from .audio import speaks
from .constants import ANSWERABLE_STEP_KINDS, SCORED_WHEN_REQUIRED_STEP_KINDS, TRIES_PER_STEP, ProgressStatus
from .grading import Grade, InvalidAnswer, grade_step, recorded_grade
from .records import Answer, AnswerRetry, Enrolment, LessonProgress
from .selectors import attempt_score, lesson_enrolment_exists, lesson_step_ids, step_counts_in_score
from .voicing import synthesis_enabled, voices_touch

# Time between two taps that still counts as learning (longer gaps are a break).
MAX_COUNTED_GAP = timedelta(minutes=3)


@dataclass
class AnswerOutcome:
    """What the player shows after an answer: ``grade`` is this try's (``answer`` is the first try,
    which counts in the score), and how many tries are left (None: as many as the learner needs)."""

    answer: Answer
    grade: Grade
    progress: LessonProgress
    tries_left: int | None = 0

    @property
    def is_final(self):
        """Nothing more to find: right, or no try left. The right answer may be shown."""
        return self.grade.is_correct or self.tries_left == 0


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


def _tries_left(step, tries):
    allowed = TRIES_PER_STEP.get(step.block_type, 1)
    return None if allowed is None else max(0, allowed - tries)


def _answered_outcome(answer, step, progress):
    """The state of a step already answered: its last try, and the tries left."""
    last = answer.retries.order_by("-created_at", "-pk").first() or answer
    grade = recorded_grade(step, payload=last.payload, is_correct=last.is_correct)
    tries = 1 + answer.retries.count()
    return AnswerOutcome(answer, grade, progress, 0 if last.is_correct else _tries_left(step, tries))


def _retry(*, answer, step, grade, client_uuid, progress):
    """A later try at a step first answered wrong, while tries are left: graded and kept, the score
    unchanged."""
    outcome = _answered_outcome(answer, step, progress)
    if outcome.is_final:
        return outcome
    AnswerRetry.objects.create(answer=answer, learner=answer.learner, payload=grade.answer,
                               is_correct=grade.is_correct, client_uuid=client_uuid)
    left = None if outcome.tries_left is None else outcome.tries_left - 1
    return AnswerOutcome(answer, grade, progress, 0 if grade.is_correct else left)


def _first_try(*, learner, lesson, step, grade, client_uuid, progress):
    answer = Answer.objects.create(
        learner=learner, lesson=lesson, lesson_key=lesson.translation_key, step_id=step.id,
        step_kind=step.block_type, attempt=progress.attempt, payload=grade.answer,
        is_correct=grade.is_correct, counts_in_score=step_counts_in_score(step), client_uuid=client_uuid,
    )
    _progress_touch(progress, lesson, step)
    return AnswerOutcome(answer, grade, progress, 0 if grade.is_correct else _tries_left(step, 1))


def lesson_answer_record(*, learner, lesson, step_id, payload, client_uuid) -> AnswerOutcome:
    """Grade and store a learner's answer. The first try at a step in an attempt (in any language)
    is what counts in the score; a step first answered wrong may be tried again (TRIES_PER_STEP).
    Replaying a ``client_uuid`` returns what that post recorded, unchanged."""
    _require_enrolment(learner, lesson)
    step = _find_step(lesson, step_id)
    if step.block_type not in ANSWERABLE_STEP_KINDS:
        raise InvalidAnswer(_("This step has no question to answer."))
    replay = _replay_of(client_uuid, learner, lesson, step)
    if replay is not None:
        return replay
    grade = grade_step(step, payload)
    try:
        with transaction.atomic():
            progress = _locked_progress(learner, lesson)
            earlier = Answer.objects.filter(
                learner=learner, lesson_key=lesson.translation_key, attempt=progress.attempt, step_id=step.id
            ).first()
            if earlier is not None:
                return _retry(answer=earlier, step=step, grade=grade, client_uuid=client_uuid, progress=progress)
            return _first_try(learner=learner, lesson=lesson, step=step, grade=grade, client_uuid=client_uuid,
                              progress=progress)
    except IntegrityError:
        # The same post arrived twice at once: the other request stored it.
        return _replay_of(client_uuid, learner, lesson, step)


def lesson_answer_preview(*, lesson, step_id, payload) -> Grade:
    """Grade an answer in the editor's preview: nothing is written."""
    step = _find_step(lesson, step_id)
    if step.block_type not in ANSWERABLE_STEP_KINDS:
        raise InvalidAnswer(_("This step has no question to answer."))
    return grade_step(step, payload)


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


def _replay_of(client_uuid, learner, lesson, step):
    """The outcome a post with this ``client_uuid`` already had (a first try or a later one), or None."""
    answer = Answer.objects.filter(client_uuid=client_uuid).first()
    retry = None
    if answer is None:
        retry = AnswerRetry.objects.filter(client_uuid=client_uuid).select_related("answer").first()
        if retry is None:
            return None
        answer = retry.answer
    _require_same_step(answer, learner, lesson, step)
    progress = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    outcome = _answered_outcome(answer, step, progress)
    shown = retry or answer
    outcome.grade = recorded_grade(step, payload=shown.payload, is_correct=shown.is_correct)
    return outcome


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


# --- Voices ---------------------------------------------------------------------------------------


def voices_request(texts, language) -> list:
    """Texts outside lessons (a glossary's words) that should be heard in ``language``: their voices
    are kept by the cleaning, and those that have none are made by the worker (in the embedded mode,
    a background thread) after the commit. Returns the texts that have no voice yet."""
    missing = voices_touch(texts, language)
    if missing and synthesis_enabled() and speaks(language):
        from .tasks import task_enqueue, voices_synthesize_texts

        transaction.on_commit(lambda: task_enqueue(voices_synthesize_texts, missing, language))
    return missing
