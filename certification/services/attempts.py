"""Exam and practice attempts: the questions drawn and frozen at the start, answers recorded once
and graded by the server, the server's deadline, and a submission that happens exactly once."""

import secrets
from datetime import timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from courses.grading import InvalidAnswer

from .. import selectors
from ..constants import CandidateStatus
from ..exceptions import ExamRefused
from ..models import ExamAnswer, ExamAttempt, SessionCandidate
from ..questions import BankTooSmall, pool_draw, question_grade
from ..tasks import certificate_issue_task

_RANDOM = secrets.SystemRandom()


# --- Starting ------------------------------------------------------------------------------------


def attempt_deadline(*, started_at, level, extra_time_percent=0):
    """The end of the exam: the level's duration, plus the candidate's extra time."""
    return started_at + timedelta(minutes=level.duration_minutes) * (1 + extra_time_percent / 100)


def _questions_drawn(level, language):
    pools, used = selectors.question_pools(level=level, language=language)
    try:
        questions = [question for pool in pools for question in pool_draw(pool)]
    except BankTooSmall as error:
        raise ExamRefused(error.message) from None
    _RANDOM.shuffle(questions)
    return questions, used


def _attempt_create(*, learner, level, candidate=None, extra_time_percent=0):
    questions, language = _questions_drawn(level, learner.preferred_language)
    now = timezone.now()
    try:
        with transaction.atomic():
            return ExamAttempt.objects.create(
                learner=learner, level=level, candidate=candidate, is_practice=candidate is None,
                language=language, questions=questions, started_at=now,
                deadline=attempt_deadline(started_at=now, level=level, extra_time_percent=extra_time_percent),
            )
    except IntegrityError:
        raise ExamRefused(_("You already have an exam in progress. Finish it first.")) from None


def _exam_refusal(candidate):
    """Why this candidate cannot start the exam now, or None."""
    session, learner, level = candidate.session, candidate.learner, candidate.session.level
    now = timezone.now()
    if candidate.status == CandidateStatus.EXCLUDED:
        return _("The supervisor excluded you from this session.")
    if candidate.status != CandidateStatus.ADMITTED:
        return _("Wait until the supervisor admits you.")
    if session.closed_at is not None or not session.opens_at <= now <= session.closes_at:
        return _("This exam session is not open.")
    if selectors.level_certificate_held(learner=learner, level=level):
        return _("You already hold this certificate.")
    missing = selectors.level_lessons_missing(learner=learner, level=level)
    if missing:
        return _("Complete these lessons first: %(lessons)s.") % {"lessons": ", ".join(p.title for p in missing)}
    unsigned = selectors.level_sign_offs_missing(learner=learner, level=level)
    if unsigned:
        return _("A référent has not yet seen you do this in a session: %(competences)s.") % {
            "competences": ", ".join(c.name for c in unsigned)}
    retake = selectors.retake_allowed_from(learner=learner, level=level)
    if retake is not None:
        return _("You can sit this exam again from %(date)s.") % {"date": formats.date_format(retake, "j F Y")}
    return None


def exam_attempt_start(*, learner, session) -> ExamAttempt:
    """Start the learner's exam in ``session``, or resume it (on any tablet) with the time already
    used counted. The questions are drawn now, per competence, and frozen."""
    candidate = SessionCandidate.objects.filter(session=session, learner=learner).select_related(
        "session__level", "session__centre", "learner").first()
    if candidate is None:
        raise ExamRefused(_("Join the session with its code first."))
    existing = ExamAttempt.objects.filter(candidate=candidate).first()
    if existing is not None:
        return attempt_close_if_due(existing)
    refusal = _exam_refusal(candidate)
    if refusal:
        raise ExamRefused(refusal)
    return _attempt_create(learner=learner, level=session.level, candidate=candidate,
                           extra_time_percent=candidate.extra_time_percent)


def practice_attempt_start(*, learner, level) -> ExamAttempt:
    """A practice test in the exam's format (no session, no certificate): resumed if one is running."""
    existing = selectors.attempt_in_progress(learner=learner, practice=True)
    if existing is not None:
        existing = attempt_close_if_due(existing)
        if existing.in_progress and existing.level_id == level.pk:
            return existing
        exam_attempt_submit(attempt=existing)
    return _attempt_create(learner=learner, level=level)


# --- Answering -----------------------------------------------------------------------------------


def _drawn_question(attempt, question_id):
    for question in attempt.questions:
        if question["id"] == str(question_id):
            return question
    raise ExamRefused(_("This question is not part of your exam."))


def _replayed(answer, attempt, question_id):
    if answer.attempt_id != attempt.pk or str(answer.question_id) != str(question_id):
        raise ExamRefused(_("This answer was already sent for another question. Reload the page."))
    return answer


def _time_up():
    return ExamRefused(_("Time is up: this answer arrived after the end of the exam and was not recorded."))


def _answer_store(attempt, question, grade, client_uuid):
    """Store the first answer to a question, under the attempt's lock; None if the time is up."""
    with transaction.atomic():
        locked = ExamAttempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.submitted_at is not None:
            raise ExamRefused(_("This exam was already handed in."))
        if timezone.now() > locked.deadline:
            return None
        earlier = ExamAnswer.objects.filter(attempt=locked, question_id=question["id"]).first()
        if earlier is not None:
            return earlier
        return ExamAnswer.objects.create(
            attempt=locked, question_id=question["id"], payload=grade.answer,
            is_correct=grade.is_correct, client_uuid=client_uuid,
        )


def exam_answer_record(*, attempt, question_id, payload, client_uuid) -> ExamAnswer:
    """Grade and store an answer to a drawn question. The first answer to a question is final; a
    replayed ``client_uuid`` returns it unchanged. After the deadline nothing is recorded and the
    attempt is handed in. The caller never learns whether the answer was right."""
    replay = ExamAnswer.objects.filter(client_uuid=client_uuid).first()
    if replay is not None:
        return _replayed(replay, attempt, question_id)
    question = _drawn_question(attempt, question_id)
    if attempt.submitted_at is None and timezone.now() > attempt.deadline:
        exam_attempt_submit(attempt=attempt)
        raise _time_up()
    try:
        grade = question_grade(question, payload)
    except InvalidAnswer as error:
        raise ExamRefused(error.message) from None
    try:
        answer = _answer_store(attempt, question, grade, client_uuid)
    except IntegrityError:
        # The same answer arrived twice at once: the other request stored it.
        answer = ExamAnswer.objects.filter(attempt=attempt, question_id=question["id"]).first()
    if answer is None:
        exam_attempt_submit(attempt=attempt)
        raise _time_up()
    return answer


# --- Submitting ------------------------------------------------------------------------------------


def _competence_scores(attempt):
    right = {str(q) for q in attempt.answers.filter(is_correct=True).values_list("question_id", flat=True)}
    scores = {}
    for question in attempt.questions:
        row = scores.setdefault(question["competence"], {"name": question["competence_name"], "right": 0, "total": 0})
        row["total"] += 1
        row["right"] += question["id"] in right
    for row in scores.values():
        row["score"] = row["right"] / row["total"]
    return scores


def _passes(level, scores):
    right, total = sum(r["right"] for r in scores.values()), sum(r["total"] for r in scores.values())
    overall = right * 100 >= level.pass_mark * total
    return overall and all(r["right"] * 100 >= level.competence_pass_mark * r["total"] for r in scores.values())


def _grade(attempt, *, void):
    scores = _competence_scores(attempt)
    total = sum(r["total"] for r in scores.values())
    attempt.competence_scores = scores
    attempt.score = sum(r["right"] for r in scores.values()) / total if total else 0.0
    attempt.passed = not void and total > 0 and _passes(attempt.level, scores)


def exam_attempt_submit(*, attempt, void=False) -> ExamAttempt:
    """Hand in an attempt: grade it per competence and overall, once. A second call (another tab,
    the sweep of overdue attempts) returns the result already recorded. ``void`` (a candidate
    excluded) records the result as failed. A passed exam has its certificate issued by the worker."""
    with transaction.atomic():
        locked = ExamAttempt.objects.select_for_update().select_related("level").get(pk=attempt.pk)
        if locked.submitted_at is not None:
            return locked
        _grade(locked, void=void)
        locked.submitted_at = min(timezone.now(), locked.deadline)
        locked.save(update_fields=["competence_scores", "score", "passed", "submitted_at"])
        if locked.passed and not locked.is_practice:
            transaction.on_commit(partial(certificate_issue_task.delay, locked.pk))
    return locked


def attempt_close_if_due(attempt) -> ExamAttempt:
    """The attempt, handed in first if its deadline passed (the server's timer)."""
    if attempt.submitted_at is None and timezone.now() > attempt.deadline:
        return exam_attempt_submit(attempt=attempt)
    return attempt


def attempts_overdue_submit() -> int:
    """Hand in every attempt whose deadline passed with nobody there (run from beat)."""
    attempts = list(selectors.attempts_overdue())
    for attempt in attempts:
        exam_attempt_submit(attempt=attempt)
    return len(attempts)


def attempt_deadline_adapt(*, candidate):
    """After the supervisor changes a candidate's extra time, move the running attempt's deadline."""
    attempt = ExamAttempt.objects.filter(candidate=candidate, submitted_at__isnull=True).first()
    if attempt is None:
        return None
    attempt.deadline = attempt_deadline(
        started_at=attempt.started_at, level=candidate.session.level, extra_time_percent=candidate.extra_time_percent
    )
    attempt.save(update_fields=["deadline"])
    return attempt
