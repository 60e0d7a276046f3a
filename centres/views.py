"""Shared tablets: the tile screen, picture-password / PIN sign-in, and enrolling tablets."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.constants import PICTOGRAMS, SecretKind
from accounts.ratelimit import client_address, rate_limited
from accounts.services import SignInLocked, learner_secret_check

from . import selectors, services
from .constants import Role
from .forms import DeviceEnrolForm, PicturePasswordForm, PinForm
from .models import EnrolledDevice
from .permissions import staffed_centre_or_403

ATTEMPTS_PER_DEVICE = 60
ATTEMPTS_PER_ADDRESS = 120
ATTEMPT_WINDOW = 10 * 60


def sign_in_start(request):
    """Where sign-in starts: the tile screen on an enrolled tablet, the sign-in form elsewhere."""
    if services.device_from_cookie(request.COOKIES.get(services.DEVICE_COOKIE)) is not None:
        return redirect("centres:tiles")
    login_url = reverse("accounts:login")
    next_url = request.GET.get("next", "")
    return redirect(f"{login_url}?{urlencode({'next': next_url})}" if next_url else login_url)


def _device_or_refuse(request):
    device = services.device_from_cookie(request.COOKIES.get(services.DEVICE_COOKIE))
    if device is None:
        raise PermissionDenied(_("This tablet is not enrolled at a centre. Ask a manager to enrol it."))
    return device


@never_cache
def tiles(request):
    """The learners of the tablet's centre, as big tiles; filter by cohort and first letter."""
    device = _device_or_refuse(request)
    cohort_id = request.GET.get("cohort") if request.GET.get("cohort", "").isdigit() else None
    letter = request.GET.get("letter", "")[:1] or None
    learners = selectors.centre_learner_tiles(centre=device.centre, cohort_id=cohort_id, letter=letter)
    everyone = selectors.centre_learner_tiles(centre=device.centre).select_related(None)
    everyone = everyone.only("display_name", "username")
    letters = sorted({(u.display_name or u.username)[:1].upper() for u in everyone})
    return render(request, "centres/tiles.html", {
        "device": device, "learners": learners if device.centre.show_learner_tiles else [],
        "cohorts": selectors.centre_cohorts(centre=device.centre), "letters": letters,
        "cohort_id": cohort_id, "letter": letter,
    })


def _sign_in(request, learner):
    """Sign in; on an enrolled tablet the session gets the tablet's rules (see centres.signals)."""
    login(request, learner, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("courses:my_path")


def _too_many_attempts(request, device):
    return rate_limited(f"device:{device.pk}", limit=ATTEMPTS_PER_DEVICE, window_seconds=ATTEMPT_WINDOW) or (
        rate_limited(f"ip:{client_address(request)}", limit=ATTEMPTS_PER_ADDRESS, window_seconds=ATTEMPT_WINDOW)
    )


@never_cache
def learner_sign_in(request, user_id, kind=SecretKind.PICTURE):
    """The picture-password (or PIN) screen of the learner whose tile was tapped."""
    device = _device_or_refuse(request)
    learner = selectors.centre_learner_get(centre=device.centre, user_id=user_id)
    if learner is None:
        raise Http404
    form_class = PicturePasswordForm if kind == SecretKind.PICTURE else PinForm
    form = form_class(request.POST or None)
    context = {
        "device": device, "learner": learner, "form": form, "kind": kind, "pictograms": PICTOGRAMS,
        "back_url": reverse("centres:tiles"),
        "picture_url": reverse("centres:sign_in_picture", args=[learner.pk]),
        "pin_url": reverse("centres:sign_in_pin", args=[learner.pk]),
    }
    if request.method == "POST" and form.is_valid():
        if _too_many_attempts(request, device):
            context["error"] = _("Too many tries on this tablet. Wait a few minutes.")
            return render(request, "accounts/cards/sign_in.html", context, status=429)
        value = form.cleaned_data["pictures" if kind == SecretKind.PICTURE else "pin"]
        try:
            if learner_secret_check(user=learner, kind=kind, value=value):
                return _sign_in(request, learner)
        except SignInLocked as locked:
            return render(request, "accounts/cards/locked.html", {**context, "until": locked.until}, status=423)
        context["error"] = _("That is not right. Try again.")
    return render(request, "accounts/cards/sign_in.html", context, status=400 if request.method == "POST" else 200)



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
    current = services.device_from_cookie(request.COOKIES.get(services.DEVICE_COOKIE))
    return render(request, "centres/devices.html", {
        "centre": centre, "devices": centre.devices.all(), "form": form, "current": current,
    })


@require_POST
@login_required
def device_revoke(request, centre_id, device_id):
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    device = get_object_or_404(EnrolledDevice, centre=centre, pk=device_id)
    services.device_revoke(device=device)
    messages.success(request, _("The tablet « %(name)s » can no longer sign learners in.") % {"name": device.name})
    return redirect("centres:devices", centre_id=centre.pk)
