"""Centre scoping for views: the gate a staff page passes before it reads anything of a centre.
What a user may read is decided by the ``…_readable_by`` selectors (centres/selectors.py)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from .constants import STAFF_ROLES, Role
from .selectors import centres_readable_by


def learners_readable_by(user, *, prefix=""):
    """A Q over users (or over a model pointing to a user via ``prefix``) that ``user`` may read:
    themselves, and the learners of the centres they staff. Prefer the queryset selector
    ``centres.selectors.learners_readable_by`` in new code."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    own = Q(**{f"{prefix}pk": user.pk})
    return own | Q(**{
        f"{prefix}memberships__centre__in": centres_readable_by(user), f"{prefix}memberships__role": Role.LEARNER,
    })


def staffed_centre_or_403(user, centre_id, roles=STAFF_ROLES):
    """The centre ``centre_id`` if ``user`` holds one of ``roles`` there; PermissionDenied otherwise."""
    centre = centres_readable_by(user, roles=roles).filter(pk=centre_id).first()
    if centre is None:
        if tuple(roles) == (Role.MANAGER,):
            raise PermissionDenied(_("Only a manager of this centre can do this."))
        raise PermissionDenied(_("Only a trainer or a manager of this centre can do this."))
    return centre
