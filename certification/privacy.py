"""What « My data » exports and erasure does with a learner's certification records. Registered in
``apps.py``.

- Exam and practice attempts are exported with their results, not the questions drawn (with their
  right answers, they are the question banks', not the learner's); the answers given are exported.
- On erasure, the answers given, the names a candidate asked to be printed and the supervisor's
  notes about them are cleared; a certificate stays verifiable with the name printed on it (the
  design's rule) but is detached from the account and the attempt, so nothing links the name to
  the anonymous progress that is kept."""

from accounts.privacy import ERASE_DETACH, personal_data_register


def _label(obj):
    return None if obj is None else {"id": obj.pk, "label": str(obj)}


def attempt_summary(attempt):
    return {
        "level": _label(attempt.level), "is_practice": attempt.is_practice, "language": attempt.language,
        "questions": len(attempt.questions or []), "started_at": attempt.started_at,
        "submitted_at": attempt.submitted_at, "competence_scores": attempt.competence_scores,
        "score": attempt.score, "passed": attempt.passed,
    }


def register():
    personal_data_register("certification.examattempt", lookup="learner", summary=attempt_summary)
    personal_data_register("certification.examanswer", lookup="attempt__learner")
    personal_data_register("certification.sessioncandidate", lookup="learner", cleared=("printed_name", "latin_name"))
    personal_data_register("certification.examincident", lookup="candidate__learner", cleared=("note",))
    personal_data_register("certification.certificate", lookup="learner", on_erasure=ERASE_DETACH,
                           detached=("learner", "attempt"))
