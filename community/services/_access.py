"""Who may act on a session (shared by the services)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from centres.constants import Role
from centres.models import Membership

from .. import selectors


def editable_or_403(user, session):
    """The session, if ``user`` may change it (its host, or staff of its centre)."""
    if not selectors.sessions_editable_by(user).filter(pk=session.pk).exists():
        raise PermissionDenied(_("Only the host of this session or the centre's staff can do this."))
    return session


def is_learner_of(user, centre) -> bool:
    return Membership.objects.filter(user=user, centre=centre, role=Role.LEARNER).exists()
