"""Writes of certification. Views and tasks call these; they hold the rules.

- ``sessions``: exam sessions, candidates, adaptations, incidents (the supervisor's side);
- ``attempts``: starting an exam or a practice test, answers, submission, the server's timer;
- ``certificates``: issuing (``certification.issuing``) and revoking certificates."""

from .attempts import (
    attempt_close_if_due,
    attempts_overdue_submit,
    exam_answer_record,
    exam_attempt_start,
    exam_attempt_submit,
    practice_attempt_start,
)
from .certificates import certificate_issue, certificate_revoke
from .sessions import (
    candidate_adaptations_set,
    candidate_admit,
    candidate_exclude,
    candidate_join,
    candidate_printed_name_set,
    exam_session_close,
    exam_session_open,
    incident_record,
)

__all__ = [
    "attempt_close_if_due", "attempts_overdue_submit", "exam_answer_record", "exam_attempt_start",
    "exam_attempt_submit", "practice_attempt_start", "certificate_issue", "certificate_revoke",
    "candidate_adaptations_set", "candidate_admit", "candidate_exclude", "candidate_join",
    "candidate_printed_name_set", "exam_session_close", "exam_session_open", "incident_record",
]
