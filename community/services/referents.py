"""A manager makes a learner of the centre a référent once they completed « Devenir référent », or takes
the role back. The role is a membership of the centre (centres.Membership, role ``referent``)."""

from django.db import transaction
from django.utils.translation import gettext as _

from centres.constants import Role
from centres.models import Membership
from centres.permissions import staffed_centre_or_403

from .. import selectors
from ..exceptions import CommunityRefused
from ._access import is_learner_of


@transaction.atomic
def referent_grant(*, centre, learner, by) -> Membership:
    staffed_centre_or_403(by, centre.pk, roles=(Role.MANAGER,))
    if learner is None or not is_learner_of(learner, centre):
        raise CommunityRefused(_("Only a learner of this centre can become a référent here."))
    if not selectors.referent_course_completed(learner=learner):
        raise CommunityRefused(_("%(name)s has not completed the course « Devenir référent » yet.") % {
            "name": learner.shown_name})
    membership, created = Membership.objects.get_or_create(user=learner, centre=centre, role=Role.REFERENT)
    if not created:
        raise CommunityRefused(_("%(name)s is already a référent of this centre.") % {"name": learner.shown_name})
    return membership


def referent_revoke(*, centre, learner, by) -> None:
    staffed_centre_or_403(by, centre.pk, roles=(Role.MANAGER,))
    deleted, _rows = Membership.objects.filter(user=learner, centre=centre, role=Role.REFERENT).delete()
    if not deleted:
        raise CommunityRefused(_("This person is not a référent of this centre."))
