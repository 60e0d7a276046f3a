"""Reads about centres: the learners a shared tablet shows as tiles."""

from django.contrib.auth import get_user_model

from .constants import STAFF_ROLES, Role
from .models import Cohort, Membership


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


def centres_staffed_by(*, user, roles=STAFF_ROLES):
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, role__in=roles).select_related("centre")
