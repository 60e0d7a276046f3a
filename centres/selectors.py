"""Reads about centres. Scoping follows one rule, Kolibri's pattern: for each model a staff member may
see, a ``<things>_readable_by(user)`` selector returns the queryset of what that user may read, and
every staff view and admin screen starts from it (never filtering by centre by hand).

These selectors are about *staffing*: being a superuser grants nothing here (the Wagtail admin makes
its own exception for superusers)."""

from django.contrib.auth import get_user_model

from .constants import STAFF_ROLES, Role
from .models import Centre, Cohort, EnrolledDevice, Membership

# --- Scoping: what a staff member may read -----------------------------------------------------


def _memberships_of(user, roles):
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, role__in=roles)


def centres_readable_by(user, *, roles=STAFF_ROLES):
    """The centres where ``user`` holds one of ``roles`` (manager or trainer by default)."""
    return Centre.objects.filter(pk__in=_memberships_of(user, roles).values("centre_id"))


def cohorts_readable_by(user):
    """The cohorts of the centres ``user`` staffs."""
    return Cohort.objects.filter(centre__in=centres_readable_by(user))


def learners_readable_by(user):
    """The people who are learners of a centre ``user`` staffs (newcomers not yet confirmed included)."""
    memberships = Membership.objects.filter(role=Role.LEARNER, centre__in=centres_readable_by(user))
    return get_user_model().objects.filter(pk__in=memberships.values("user_id"))


def devices_readable_by(user):
    """The enrolled tablets of the centres ``user`` manages (only managers enrol and revoke tablets)."""
    return EnrolledDevice.objects.filter(centre__in=centres_readable_by(user, roles=(Role.MANAGER,)))


# --- The shared tablet ---------------------------------------------------------------------------


def centre_learner_tiles(*, centre, cohort_id=None, letter=None):
    """Active learners of ``centre`` for the tile screen, optionally one cohort or first letter."""
    memberships = Membership.objects.filter(centre=centre, role=Role.LEARNER, user__is_active=True)
    if cohort_id:
        memberships = memberships.filter(cohort_id=cohort_id)
    users = get_user_model().objects.filter(pk__in=memberships.values("user_id")).select_related("learner_profile")
    if letter:
        users = users.filter(display_name__istartswith=letter)
    return users.order_by("display_name", "username")


def centre_cohorts(*, centre):
    return Cohort.objects.filter(centre=centre).order_by("name")


def centre_learner_get(*, centre, user_id):
    """A learner of this centre, or None: a tablet never signs in someone from elsewhere."""
    return centre_learner_tiles(centre=centre).filter(pk=user_id).first()
