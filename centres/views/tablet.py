"""Shared tablets: the tile screen, picture-password / PIN sign-in, and enrolling tablets."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.constants import SecretKind
from accounts.sign_in import secret_screen

from .. import selectors, services
from ..constants import Role
from ..forms import DeviceEnrolForm
from ..permissions import staffed_centre_or_403


def sign_in_start(request):
    """Where sign-in starts: the tile screen on an enrolled tablet, the sign-in form elsewhere."""
    if services.request_device(request) is not None:
        return redirect("centres:tiles")
    login_url = reverse("accounts:login")
    next_url = request.GET.get("next", "")
    return redirect(f"{login_url}?{urlencode({'next': next_url})}" if next_url else login_url)


def _device_or_refuse(request):
    device = services.request_device(request)
    if device is None:
        raise PermissionDenied(_(
            "This tablet is not, or no longer, enrolled at a centre. A manager of the centre enrols it again "
            "in « My centre », « Tablets »."
        ))
    return device


@never_cache
def tiles(request):
    """The learners of the tablet's centre, as big tiles; filter by cohort and first letter. A centre that
    hides the tiles shows none of it: its learners type their learner code."""
    device = _device_or_refuse(request)
    if not device.centre.show_learner_tiles:
        return render(request, "centres/tiles.html", {"device": device, "learners": []})
    cohort_id = request.GET.get("cohort") if request.GET.get("cohort", "").isdigit() else None
    letter = request.GET.get("letter", "")[:1] or None
    learners = selectors.centre_learner_tiles(centre=device.centre, cohort_id=cohort_id, letter=letter)
    everyone = selectors.centre_learner_tiles(centre=device.centre).select_related(None)
    everyone = everyone.only("display_name", "username")
    letters = sorted({(u.display_name or u.username)[:1].upper() for u in everyone})
    return render(request, "centres/tiles.html", {
        "device": device, "learners": learners,
        "cohorts": selectors.centre_cohorts(centre=device.centre), "letters": letters,
        "cohort_id": cohort_id, "letter": letter,
    })


@never_cache
def learner_sign_in(request, user_id, kind=SecretKind.PICTURE):
    """The picture-password (or PIN) screen of the learner whose tile was tapped. Only a learner of the
    tablet's centre, and only when the centre shows tiles: otherwise 404, naming no one."""
    device = _device_or_refuse(request)
    if not device.centre.show_learner_tiles:
        raise Http404
    learner = selectors.centre_learner_get(centre=device.centre, user_id=user_id)
    if learner is None:
        raise Http404
    return secret_screen(
        request, learner=learner, kind=kind, back_url=reverse("centres:tiles"),
        picture_url=reverse("centres:sign_in_picture", args=[learner.pk]),
        pin_url=reverse("centres:sign_in_pin", args=[learner.pk]),
    )


@login_required
@never_cache
def devices(request, centre_id):
    """A manager's list of the centre's tablets, with enrolment of this tablet."""
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    form = DeviceEnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _device, cookie = services.device_enrol(centre=centre, name=form.cleaned_data["name"], by=request.user)
        logout(request)  # the tablet is for learners now: its next user must not find the manager signed in
        response = redirect("centres:tiles")
        response.set_cookie(
            services.DEVICE_COOKIE, cookie, max_age=services.DEVICE_COOKIE_MAX_AGE, httponly=True, samesite="Lax",
            secure=request.is_secure(),
        )
        return response
    current = services.request_device(request)
    return render(request, "centres/devices.html", {
        "centre": centre, "devices": selectors.devices_readable_by(request.user).filter(centre=centre),
        "form": form, "current": current,
    })


@require_POST
@login_required
def device_revoke(request, centre_id, device_id):
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    device = get_object_or_404(selectors.devices_readable_by(request.user), centre=centre, pk=device_id)
    services.device_revoke(device=device)
    messages.success(request, _("The tablet « %(name)s » can no longer sign learners in.") % {"name": device.name})
    return redirect("centres:devices", centre_id=centre.pk)
