"""The manager's side: every session and référent of the centre, hours given per host, and making a
learner who completed « Devenir référent » a référent (or taking the role back)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from centres.constants import Role
from centres.permissions import staffed_centre_or_403

from .. import selectors, services
from ..exceptions import CommunityRefused


@login_required
@never_cache
def referents(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id, roles=(Role.MANAGER,))
    return render(request, "community/referents.html", {
        "centre": centre, "referents": selectors.referents_of(centre=centre),
        "hours": selectors.hours_by_host(centre=centre), "candidates": selectors.referent_candidates(centre=centre),
    })


def _person(centre, user_id):
    return get_object_or_404(selectors.centre_people(centre=centre), pk=user_id)


def _referent_change(request, centre_id, user_id, change, done_message):
    """Grant or revoke, then back to the list with the outcome (a refusal says why)."""
    centre = staffed_centre_or_403(request.user, centre_id, roles=(Role.MANAGER,))
    person = _person(centre, user_id)
    try:
        change(centre=centre, learner=person, by=request.user)
    except CommunityRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, done_message % {"name": person.shown_name})
    return redirect("community:referents", centre_id=centre.pk)


@require_POST
@login_required
def referent_grant(request, centre_id, user_id):
    return _referent_change(request, centre_id, user_id, services.referent_grant,
                            _("%(name)s is now a référent."))


@require_POST
@login_required
def referent_revoke(request, centre_id, user_id):
    return _referent_change(request, centre_id, user_id, services.referent_revoke,
                            _("%(name)s is no longer a référent."))
