"""Centre scoping for views: the gate a staff page passes before it reads anything of a centre.
What a user may read is decided by the ``…_readable_by`` selectors (centres/selectors.py)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .constants import STAFF_ROLES, Role
from .selectors import centres_readable_by


def staffed_centre_or_403(user, centre_id, roles=STAFF_ROLES):
    """The centre ``centre_id`` if ``user`` holds one of ``roles`` there; PermissionDenied otherwise."""
    centre = centres_readable_by(user, roles=roles).filter(pk=centre_id).first()
    if centre is None:
        if tuple(roles) == (Role.MANAGER,):
            raise PermissionDenied(_("Only a manager of this centre can do this."))
        raise PermissionDenied(_("Only a trainer or a manager of this centre can do this."))
    return centre
