"""A learner's data, seen by the staff of their centre: the export (trainers and managers), asking for
erasure on a learner's behalf, and confirming erasure (managers only). Never across centres."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import privacy
from accounts.views.privacy import export_response

from .. import selectors
from ..constants import STAFF_ROLES, Role
from ..models import Membership
from ..permissions import staffed_centre_or_403

logger = logging.getLogger("passerelle.privacy")



def _centre_learner_ids(centre):
    return Membership.objects.filter(centre=centre, role=Role.LEARNER).values("user_id")


def _learner_or_404(request, centre, user_id):
    """A learner of ``centre`` that the signed-in staff member may read."""
    learner = (
        selectors.learners_readable_by(request.user)
        .filter(pk=user_id, pk__in=_centre_learner_ids(centre)).first()
    )
    if learner is None:
        raise Http404
    return learner


@login_required
@never_cache
def learner_export(request, centre_id, user_id):
    centre = staffed_centre_or_403(request.user, centre_id, STAFF_ROLES)
    learner = _learner_or_404(request, centre, user_id)
    data = privacy.learner_data_export(user=learner)
    logger.info("data of learner %s shown to %s", learner.pk, request.user.pk)
    return render(request, "centres/privacy/learner_export.html", {
        "centre": centre, "learner": learner, "subject": learner, "data": data,
        "sections": privacy.export_sections(data),
        "erasure_request": privacy.erasure_request_pending(user=learner),
    })


@login_required
@never_cache
def learner_export_json(request, centre_id, user_id):
    centre = staffed_centre_or_403(request.user, centre_id, STAFF_ROLES)
    learner = _learner_or_404(request, centre, user_id)
    logger.info("data of learner %s downloaded by %s", learner.pk, request.user.pk)
    return export_response(
        privacy.learner_data_export(user=learner), filename=f"passerelle-learner-{learner.pk}.json"
    )


@require_POST
@login_required
def erasure_request_for(request, centre_id, user_id):
    """A trainer asks for erasure on the learner's behalf; a manager still confirms it."""
    centre = staffed_centre_or_403(request.user, centre_id, STAFF_ROLES)
    learner = _learner_or_404(request, centre, user_id)
    privacy.erasure_request_create(user=learner, by=request.user)
    messages.success(request, _("Erasure requested. A manager of the centre will confirm it."))
    return redirect("centres:learner_export", centre_id=centre.pk, user_id=learner.pk)


@login_required
@never_cache
def erasure_requests(request, centre_id):
    """A manager's list of the centre's learners who asked to be erased."""
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    pending = privacy.erasure_requests_pending_for(user_ids=_centre_learner_ids(centre))
    return render(request, "centres/privacy/erasure_requests.html", {"centre": centre, "requests": pending})


@require_POST
@login_required
def erasure_confirm(request, centre_id, request_id):
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    pending = privacy.erasure_requests_pending_for(user_ids=_centre_learner_ids(centre)).filter(pk=request_id).first()
    if pending is None:
        raise Http404
    privacy.learner_erase(user=pending.user, by=request.user)
    messages.success(request, _("The account is erased. Its progress only counts in the centre's figures now."))
    return redirect("centres:erasure_requests", centre_id=centre.pk)
