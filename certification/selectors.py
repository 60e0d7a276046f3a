"""Reads of certification. Staff-visible lists start from a ``…_readable_by(user)`` selector."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from centres.constants import Role
from centres.selectors import centres_readable_by
from core.sign_offs import competences_signed_off
from courses.models import LessonPage
from courses.selectors import completed_lesson_keys

from .models import (
    Certificate,
    CertificationLevel,
    ExamAttempt,
    ExamSession,
    LevelLesson,
    QuestionBank,
    SessionCandidate,
)
from .questions import Pool

# --- Eligibility -------------------------------------------------------------------------------


def level_lessons_missing(*, learner, level) -> list[LessonPage]:
    """The lessons of ``level`` the learner has not completed yet, in any language (the one place
    that reads lesson progress: adapt it here if progress is keyed differently)."""
    keys = set(LevelLesson.objects.filter(level=level).values_list("lesson_key", flat=True))
    missing = keys - completed_lesson_keys(learner=learner, lesson_keys=keys)
    if not missing:
        return []
    lessons = LessonPage.objects.filter(translation_key__in=missing, locale=Locale.get_default())
    return list(lessons.defer_streamfields())


def level_sign_offs_missing(*, learner, level) -> list:
    """The competences of ``level`` that need a référent's sign-off the learner does not have yet."""
    required = [lc.competence for lc in level.competences.filter(sign_off_required=True).select_related("competence")]
    signed = competences_signed_off(learner=learner, competence_ids=[c.pk for c in required])
    return [competence for competence in required if competence.pk not in signed]


def retake_allowed_from(*, learner, level):
    """When the learner may sit ``level`` again after a failed exam (None: now)."""
    last_fail = ExamAttempt.objects.filter(
        learner=learner, level=level, is_practice=False, passed=False
    ).order_by("-submitted_at").values_list("submitted_at", flat=True).first()
    if last_fail is None:
        return None
    allowed = last_fail + timedelta(days=level.retake_delay_days)
    return allowed if allowed > timezone.now() else None


def level_certificate_held(*, learner, level) -> bool:
    return Certificate.objects.filter(learner=learner, level=level, revoked_at__isnull=True).exists()


# --- Question banks -----------------------------------------------------------------------------


def _banks(competence, language):
    return list(QuestionBank.objects.filter(competence=competence, locale__language_code=language))


def question_pools(*, level, language) -> tuple[list[Pool], str]:
    """For each competence of ``level``: the questions of its banks in ``language``, or in the
    site's first language where there are not enough of them. Also says which language was used
    first (the candidate's, when every competence has enough questions in it)."""
    pools, used = [], language
    for row in level.competences.select_related("competence").order_by("sort_order", "pk"):
        children = [child for bank in _banks(row.competence, language) for child in bank.questions]
        if len(children) < row.questions_drawn and language != settings.LANGUAGE_CODE:
            used = settings.LANGUAGE_CODE
            children = [c for bank in _banks(row.competence, settings.LANGUAGE_CODE) for c in bank.questions]
        pools.append(Pool(competence=row.competence, drawn=row.questions_drawn, children=children))
    return pools, used


# --- Attempts --------------------------------------------------------------------------------------


def attempt_in_progress(*, learner, practice=False):
    return ExamAttempt.objects.filter(learner=learner, is_practice=practice, submitted_at__isnull=True).first()


def attempt_answered_ids(*, attempt) -> set[str]:
    return {str(q) for q in attempt.answers.values_list("question_id", flat=True)}


def levels_listed():
    """The certification levels, in their order (each one's practice test is open to every learner)."""
    return CertificationLevel.objects.order_by("rank", "name")


def attempt_of(*, learner, attempt_id):
    """The learner's own attempt (None for anyone else's)."""
    return ExamAttempt.objects.filter(pk=attempt_id, learner=learner).select_related(
        "level", "candidate__session").first()


def certificate_of_attempt(*, attempt):
    return Certificate.objects.filter(attempt=attempt).first()


def practice_results(*, learner):
    return ExamAttempt.objects.filter(
        learner=learner, is_practice=True, submitted_at__isnull=False
    ).select_related("level").order_by("-submitted_at")


def attempts_overdue():
    """Attempts whose deadline passed while nobody was there to submit them (a tablet went away)."""
    return ExamAttempt.objects.filter(submitted_at__isnull=True, deadline__lte=timezone.now())


# --- Sessions --------------------------------------------------------------------------------------


def exam_sessions_readable_by(user):
    """The exam sessions of the centres ``user`` staffs."""
    return ExamSession.objects.filter(centre__in=centres_readable_by(user))


def session_by_access_code(*, code, learner):
    """The open session with this code at a centre where ``learner`` learns (None otherwise)."""
    now = timezone.now()
    return ExamSession.objects.filter(
        access_code=code, closed_at__isnull=True, opens_at__lte=now, closes_at__gte=now,
        centre__memberships__user=learner, centre__memberships__role=Role.LEARNER,
    ).select_related("level", "centre").first()


def centre_exam_sessions(*, user, centre):
    """A centre's exam sessions for its staff, newest first, with how many candidates joined each."""
    return exam_sessions_readable_by(user).filter(centre=centre).select_related("level", "supervisor").annotate(
        candidate_count=Count("candidates")
    ).order_by("-opens_at")


def exam_session_for_staff(*, user, centre, session_id):
    """One exam session of ``centre``, if ``user`` staffs it (None otherwise)."""
    return exam_sessions_readable_by(user).filter(centre=centre, pk=session_id).select_related(
        "level", "centre").first()


def session_candidates(*, session):
    """The supervisor screen's rows: each candidate, their attempt and how many answers it holds."""
    return SessionCandidate.objects.filter(session=session).select_related("learner", "attempt").annotate(
        answered=Count("attempt__answers")
    ).order_by("joined_at", "pk")


def session_incidents(*, session):
    return session.incidents.select_related("candidate__learner", "recorded_by").order_by("-recorded_at")


def candidacy_of(*, learner, session_id):
    """The learner's own place in an exam session (None if they never joined it)."""
    return SessionCandidate.objects.filter(learner=learner, session_id=session_id).select_related(
        "session__level", "session__centre", "attempt").first()


def candidacies_current(*, learner):
    """The sessions the learner joined that are still open, for the exam home page."""
    now = timezone.now()
    return SessionCandidate.objects.filter(
        learner=learner, session__closed_at__isnull=True, session__closes_at__gte=now,
    ).select_related("session__level", "attempt").order_by("-joined_at")


# --- Certificates ------------------------------------------------------------------------------------


def certificates_readable_by(user):
    """The certificates ``user`` may read: their own, and those issued at the centres they staff."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(Q(learner=user) | Q(centre__in=centres_readable_by(user)))


def certificates_revocable_by(user):
    """Only a manager of the centre where a certificate was issued revokes it."""
    return Certificate.objects.filter(centre__in=centres_readable_by(user, roles=(Role.MANAGER,)))


def learner_certificate_list(*, learner):
    return Certificate.objects.filter(learner=learner).order_by("-issued_at")


def centre_certificate_list(*, user, centre):
    return certificates_readable_by(user).filter(centre=centre).order_by("-issued_at")


def certificate_by_code(*, code):
    return Certificate.objects.filter(code=code).first()


def certificate_by_credential_id(*, credential_id: str):
    try:
        value = uuid.UUID(credential_id.removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return Certificate.objects.filter(uuid=value).first()
