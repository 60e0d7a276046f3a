"""Issuing a certificate for a passed exam, exactly once, in steps that a worker killed half-way
can resume: the row (under the one-certificate-per-attempt constraint), then the signed
credential, then the PDF. Running it again completes what is missing and changes nothing else."""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from .codes import verification_code_new
from .constants import AuditAction
from .credentials import credential_sign
from .documents import certificate_pdf
from .models import Certificate, CertificateAuditEntry, ExamAttempt
from .names import printed_name_or_fallback

logger = logging.getLogger(__name__)
CODE_TRIES = 5


class NotIssuable(ValueError):
    """The attempt did not earn a certificate (a practice test, not passed, not submitted)."""


def _competences_snapshot(attempt):
    return [
        {"code": code, "name": row["name"], "score": row["score"], "percent": round(row["score"] * 100)}
        for code, row in sorted(attempt.competence_scores.items())
    ]


def _certificate_fields(attempt) -> dict:
    candidate = attempt.candidate
    learner, session = attempt.learner, candidate.session
    profile = getattr(learner, "learner_profile", None)
    return {
        "learner": learner, "level": attempt.level, "level_name": attempt.level.name,
        "holder_name": candidate.printed_name or printed_name_or_fallback(learner.shown_name),
        "latin_name": candidate.latin_name or printed_name_or_fallback(getattr(profile, "latin_name", "")),
        "competences": _competences_snapshot(attempt), "score": attempt.score,
        "centre": session.centre, "centre_name": session.centre.name, "issued_at": timezone.now(),
    }


def _certificate_row(attempt) -> Certificate:
    """The attempt's certificate, created with a fresh code if there is none yet."""
    for _try in range(CODE_TRIES):
        existing = Certificate.objects.filter(attempt=attempt).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    attempt=attempt, code=verification_code_new(), **_certificate_fields(attempt)
                )
                CertificateAuditEntry.objects.create(certificate=certificate, action=AuditAction.ISSUED)
                return certificate
        except IntegrityError:
            # Another run created it (attempt constraint), or the code was taken: look again.
            continue
    raise IntegrityError(f"no free verification code after {CODE_TRIES} tries")


def _complete(certificate_id) -> Certificate:
    """Sign and render what is missing, holding the row so two runs do not both do it."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().select_related("level").get(pk=certificate_id)
        if not certificate.credential:
            certificate.credential = credential_sign(certificate)
            certificate.save(update_fields=["credential"])
        if not certificate.pdf:
            certificate.pdf.save(f"{certificate.uuid.hex}.pdf", ContentFile(certificate_pdf(certificate)), save=False)
            certificate.save(update_fields=["pdf"])
    return certificate


def certificate_issue(*, attempt: ExamAttempt) -> Certificate:
    """The certificate of a passed exam attempt: created the first time, completed if a previous
    run stopped half-way, returned unchanged afterwards."""
    if attempt.is_practice or not attempt.passed or attempt.submitted_at is None:
        raise NotIssuable(f"attempt {attempt.pk} earned no certificate")
    certificate = _certificate_row(attempt)
    if certificate.is_complete:
        return certificate
    certificate = _complete(certificate.pk)
    logger.info("certificate %s issued for attempt %s", certificate.code, attempt.pk)
    return certificate
