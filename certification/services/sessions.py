"""Exam sessions, the supervisor's side: opening one with its access code, admitting or excluding
candidates, their adapted conditions and printed name, incidents, and closing the session."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centres.permissions import staffed_centre_or_403

from .. import selectors
from ..codes import access_code_new, access_code_parse
from ..constants import CandidateStatus
from ..exceptions import ExamRefused
from ..models import ExamAttempt, ExamIncident, ExamSession, SessionCandidate
from ..names import latin_name_clean, printed_name_clean
from .attempts import attempt_deadline_adapt, exam_attempt_submit

CODE_TRIES = 5
MAX_EXTRA_TIME_PERCENT = 200
INCIDENT_MAX_LENGTH = 500


def exam_session_open(*, centre, level, supervisor, room, opens_at, closes_at) -> ExamSession:
    """Open a session at ``centre`` (the supervisor must staff it) with a fresh access code."""
    staffed_centre_or_403(supervisor, centre.pk)
    if closes_at <= opens_at:
        raise ExamRefused(_("The session must end after it starts."))
    if closes_at <= timezone.now():
        raise ExamRefused(_("This time window is already over."))
    for _try in range(CODE_TRIES):
        try:
            with transaction.atomic():
                return ExamSession.objects.create(
                    centre=centre, level=level, supervisor=supervisor, room=room.strip()[:80],
                    access_code=access_code_new(), opens_at=opens_at, closes_at=closes_at,
                )
        except IntegrityError:
            continue
    raise ExamRefused(_("No access code could be made. Try again."))


def _names_clean(printed_name, latin_name):
    try:
        return printed_name_clean(printed_name), latin_name_clean(latin_name)
    except ValidationError as error:
        raise ExamRefused(error.messages[0]) from None


def candidate_join(*, learner, code, printed_name=None, latin_name="") -> SessionCandidate:
    """A learner types the session's code on a tablet of their centre (and, if they wish, how their
    name is printed on the certificate): they wait to be admitted. Joining again changes the name."""
    names = _names_clean(printed_name, latin_name) if printed_name is not None else None
    parsed = access_code_parse(code)
    if parsed is None:
        raise ExamRefused(_("An access code has 6 letters and digits. Check it with the supervisor."))
    session = selectors.session_by_access_code(code=parsed, learner=learner)
    if session is None:
        raise ExamRefused(_("No exam session is open with this code. Check it with the supervisor."))
    candidate, _created = SessionCandidate.objects.get_or_create(
        session=session, learner=learner,
        defaults={"printed_name": learner.shown_name[:80]},
    )
    if candidate.status == CandidateStatus.EXCLUDED:
        raise ExamRefused(_("The supervisor excluded you from this session."))
    if names is not None:
        candidate.printed_name, candidate.latin_name = names
        candidate.save(update_fields=["printed_name", "latin_name"])
    return candidate


def _supervised(candidate, by):
    staffed_centre_or_403(by, candidate.session.centre_id)


def _decide(candidate, status):
    candidate.status, candidate.decided_at = status, timezone.now()
    candidate.save(update_fields=["status", "decided_at"])
    return candidate


def candidate_admit(*, candidate, by) -> SessionCandidate:
    _supervised(candidate, by)
    if ExamAttempt.objects.filter(candidate=candidate, submitted_at__isnull=False).exists():
        raise ExamRefused(_("This candidate has already handed in their exam."))
    return _decide(candidate, CandidateStatus.ADMITTED)


def candidate_exclude(*, candidate, by, note="") -> SessionCandidate:
    """Exclude a candidate: an exam they started is handed in as failed."""
    _supervised(candidate, by)
    with transaction.atomic():
        _decide(candidate, CandidateStatus.EXCLUDED)
        running = ExamAttempt.objects.filter(candidate=candidate, submitted_at__isnull=True).first()
        if running is not None:
            exam_attempt_submit(attempt=running, void=True)
        if note:
            incident_record(session=candidate.session, by=by, note=note, candidate=candidate)
    return candidate


def candidate_adaptations_set(*, candidate, by, extra_time_percent, read_aloud, large_text) -> SessionCandidate:
    """Adapted conditions: extra time (in % of the duration; moves a running exam's deadline),
    questions read aloud, larger text."""
    _supervised(candidate, by)
    if not isinstance(extra_time_percent, int) or not 0 <= extra_time_percent <= MAX_EXTRA_TIME_PERCENT:
        raise ExamRefused(_("Extra time is between 0 and %(max)d %%.") % {"max": MAX_EXTRA_TIME_PERCENT})
    with transaction.atomic():
        candidate.extra_time_percent = extra_time_percent
        candidate.read_aloud, candidate.large_text = bool(read_aloud), bool(large_text)
        candidate.save(update_fields=["extra_time_percent", "read_aloud", "large_text"])
        attempt_deadline_adapt(candidate=candidate)
    return candidate


def candidate_printed_name_set(*, candidate, printed_name, latin_name="") -> SessionCandidate:
    """The name the certificate will print, as the candidate chose it (any script), and an optional
    Latin transliteration. Refused, with the reason, when it cannot be printed as typed."""
    name, latin = _names_clean(printed_name, latin_name)
    candidate.printed_name, candidate.latin_name = name, latin
    candidate.save(update_fields=["printed_name", "latin_name"])
    return candidate


def incident_record(*, session, by, note, candidate=None) -> ExamIncident:
    staffed_centre_or_403(by, session.centre_id)
    note = " ".join(str(note or "").split())
    if not note:
        raise ExamRefused(_("Describe what happened."))
    if len(note) > INCIDENT_MAX_LENGTH:
        raise ExamRefused(_("This note is too long: %(max)d characters at most.") % {"max": INCIDENT_MAX_LENGTH})
    return ExamIncident.objects.create(session=session, candidate=candidate, note=note, recorded_by=by)


def exam_session_close(*, session, by) -> ExamSession:
    """Close the session: nobody joins any more, and every exam still running is handed in."""
    staffed_centre_or_403(by, session.centre_id)
    with transaction.atomic():
        if session.closed_at is None:
            session.closed_at = timezone.now()
            session.save(update_fields=["closed_at"])
    for attempt in ExamAttempt.objects.filter(candidate__session=session, submitted_at__isnull=True):
        exam_attempt_submit(attempt=attempt)
    return session
