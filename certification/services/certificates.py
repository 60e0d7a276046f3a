"""Issuing and revoking certificates. Issuing lives in ``certification.issuing`` (the worker runs
it); revoking is a manager's decision, kept in the certificate's history."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import AuditAction
from ..exceptions import ExamRefused
from ..issuing import certificate_issue
from ..models import CertificateAuditEntry
from ..selectors import certificates_revocable_by

REASON_MAX_LENGTH = 1000

__all__ = ["certificate_issue", "certificate_revoke"]


def _reason_clean(reason) -> str:
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise ExamRefused(_("Say why the certificate is revoked."))
    if len(reason) > REASON_MAX_LENGTH:
        raise ExamRefused(_("The reason is too long: %(max)d characters at most.") % {"max": REASON_MAX_LENGTH})
    return reason


def certificate_revoke(*, certificate, actor, reason):
    """Revoke a certificate for ``reason``: its verification page says so from now on. Only a
    manager of the centre that issued it may; revoking it again changes nothing."""
    reason = _reason_clean(reason)
    with transaction.atomic():
        locked = certificates_revocable_by(actor).select_for_update().filter(pk=certificate.pk).first()
        if locked is None:
            raise PermissionDenied(_("Only a manager of the centre that issued this certificate can revoke it."))
        if locked.revoked_at is not None:
            return locked
        locked.revoked_at, locked.revoked_by, locked.revoke_reason = timezone.now(), actor, reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        CertificateAuditEntry.objects.create(
            certificate=locked, action=AuditAction.REVOKED, actor=actor,
            actor_name=actor.get_username(), note=reason,
        )
    return locked
