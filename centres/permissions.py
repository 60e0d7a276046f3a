"""Centre scoping: which people a user may see. Every selector that lists people uses these."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from .constants import STAFF_ROLES, Role
from .models import Membership


def centres_managed_by(user):
    """Ids of the centres where ``user`` is a manager or trainer."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, role__in=STAFF_ROLES).values_list("centre_id", flat=True)
    )


def learners_readable_by(user, *, prefix=""):
    """A Q over users (or over a model pointing to a user via ``prefix``) that ``user`` may read:
    themselves, and the learners of the centres they manage or train at."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    own = Q(**{f"{prefix}pk": user.pk})
    centres = centres_managed_by(user)
    if not centres:
        return own
    return own | Q(
        **{f"{prefix}memberships__centre__in": centres, f"{prefix}memberships__role": Role.LEARNER}
    )


def staffed_centre_or_403(user, centre_id, roles=STAFF_ROLES):
    """The centre ``centre_id`` if ``user`` holds one of ``roles`` there; PermissionDenied otherwise."""
    membership = Membership.objects.filter(
        user=user, role__in=roles, centre_id=centre_id
    ).select_related("centre").first() if user.is_authenticated else None
    if membership is None:
        if tuple(roles) == (Role.MANAGER,):
            raise PermissionDenied(_("Only a manager of this centre can do this."))
        raise PermissionDenied(_("Only a trainer or a manager of this centre can do this."))
    return membership.centre
