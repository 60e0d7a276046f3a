"""Background work of certification: issuing certificates and closing attempts nobody submitted.
Each task is safe to run twice (``acks_late``: a task whose worker died is delivered again; the
beat sweep ``certificates_complete_pending`` finishes any certificate whose task was lost). A worker
that dies on a task does not have it requeued at once, so a task that kills its worker cannot loop."""

from celery import shared_task
from django.db import DatabaseError

from .issuing import NotIssuable, certificate_issue
from .models import Certificate, ExamAttempt

ISSUE_MAX_RETRIES = 8


@shared_task(
    bind=True, acks_late=True, autoretry_for=(DatabaseError, OSError),
    retry_backoff=2, retry_backoff_max=300, retry_jitter=True, max_retries=ISSUE_MAX_RETRIES,
)
def certificate_issue_task(self, attempt_id):
    """Issue (or finish issuing) the certificate of a passed attempt; returns its code."""
    attempt = ExamAttempt.objects.select_related("learner", "level", "candidate__session__centre").filter(
        pk=attempt_id
    ).first()
    if attempt is None:
        return None
    try:
        return certificate_issue(attempt=attempt).code
    except NotIssuable:
        return None


@shared_task(acks_late=True)
def certificates_complete_pending():
    """Enqueue every passed exam whose certificate is missing or half-made (a safety net for a
    task lost with its broker; run it from beat every few minutes)."""
    complete = Certificate.objects.filter(attempt__isnull=False).exclude(pdf="").exclude(credential="")
    attempt_ids = list(ExamAttempt.objects.filter(is_practice=False, passed=True).exclude(
        certificate__in=complete
    ).values_list("pk", flat=True))
    for attempt_id in attempt_ids:
        certificate_issue_task.delay(attempt_id)
    return len(attempt_ids)
