"""Signing in away from a centre's tile screen: by scanning a learner card, or at home with a learner code.
Either way the learner still taps their picture password (or types their PIN): the card or code only says
whose secret to check."""

import time

from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .constants import PICTOGRAMS, SecretKind
from .forms import LearnerCodeForm, PicturePasswordForm, PinForm
from .models import LearnerProfile, LearnerSecret
from .ratelimit import client_address, rate_limited
from .services import SignInLocked, learner_card_resolve, learner_secret_check

ATTEMPTS_PER_ADDRESS = 60
ATTEMPT_WINDOW = 10 * 60
HOME_SESSION_KEY = "home_sign_in"
HOME_STEP_SECONDS = 10 * 60


def _too_many_attempts(request) -> bool:
    address = client_address(request)
    return rate_limited(f"away-ip:{address}", limit=ATTEMPTS_PER_ADDRESS, window_seconds=ATTEMPT_WINDOW)


def _too_many_response(request, template, context):
    context["error"] = _("Too many tries from this connection. Wait a few minutes.")
    return render(request, template, context, status=429)


def _sign_in(request, learner):
    request.session.pop(HOME_SESSION_KEY, None)
    login(request, learner, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("courses:my_path")


def _secret_screen(request, learner, *, kind, picture_url, pin_url, back_url):
    """The picture-password (or PIN) screen of one learner; checks the secret against that learner only."""
    form = (PicturePasswordForm if kind == SecretKind.PICTURE else PinForm)(request.POST or None)
    context = {
        "learner": learner, "form": form, "kind": kind, "pictograms": PICTOGRAMS,
        "picture_url": picture_url, "pin_url": pin_url, "back_url": back_url,
    }
    if request.method != "POST":
        return render(request, "accounts/cards/sign_in.html", context)
    if _too_many_attempts(request):
        return _too_many_response(request, "accounts/cards/sign_in.html", context)
    if form.is_valid():
        value = form.cleaned_data["pictures" if kind == SecretKind.PICTURE else "pin"]
        try:
            if learner_secret_check(user=learner, kind=kind, value=value):
                return _sign_in(request, learner)
        except SignInLocked as locked:
            return render(request, "accounts/cards/locked.html", {**context, "until": locked.until}, status=423)
        context["error"] = _("That is not right. Try again.")
    return render(request, "accounts/cards/sign_in.html", context, status=400)


@never_cache
def card_sign_in(request, token, kind=SecretKind.PICTURE):
    """The address in a card's QR code: it remembers the card's learner in this browser and moves
    on to an address without the token (so the token stays out of history and server logs), where
    the pictures are asked. A reissued or unknown card is refused and shows nothing of anyone."""
    learner = learner_card_resolve(token=token)
    if learner is None:
        return render(request, "accounts/cards/invalid.html", status=404)
    _remember_learner(request, learner)
    return redirect("cards:home_pin" if kind == SecretKind.PIN or _only_pin(learner) else "cards:home_picture")


def _remember_learner(request, learner):
    request.session[HOME_SESSION_KEY] = {"id": learner.pk, "at": time.time()}


def _only_pin(learner):
    kinds = set(LearnerSecret.objects.filter(user=learner).values_list("kind", flat=True))
    return SecretKind.PICTURE not in kinds and SecretKind.PIN in kinds


def _learner_by_code(code):
    profile = LearnerProfile.objects.filter(learner_code=code, user__is_active=True).select_related("user").first()
    return profile.user if profile else None


def _home_learner(request):
    """The learner whose code was typed in this browser a moment ago, or None."""
    step = request.session.get(HOME_SESSION_KEY) or {}
    if not step or time.time() - step.get("at", 0) > HOME_STEP_SECONDS:
        return None
    profile = LearnerProfile.objects.filter(user_id=step.get("id"), user__is_active=True).select_related("user")
    profile = profile.first()
    return profile.user if profile else None


@never_cache
def home_code(request):
    """At home: type the learner code, then tap the pictures. An unknown code names no one."""
    if request.method != "POST":
        request.session.pop(HOME_SESSION_KEY, None)
        return render(request, "accounts/cards/home_code.html", {"form": LearnerCodeForm()})
    form = LearnerCodeForm(request.POST)
    if _too_many_attempts(request):
        return _too_many_response(request, "accounts/cards/home_code.html", {"form": form})
    learner = _learner_by_code(form.cleaned_data["code"]) if form.is_valid() else None
    if learner is None:
        if form.is_valid():
            form.add_error("code", _("We do not know this code. Check it and try again."))
        return render(request, "accounts/cards/home_code.html", {"form": form}, status=400)
    _remember_learner(request, learner)
    return redirect("cards:home_pin" if _only_pin(learner) else "cards:home_picture")


@never_cache
def home_secret(request, kind=SecretKind.PICTURE):
    learner = _home_learner(request)
    if learner is None:
        return redirect("cards:home")
    return _secret_screen(
        request, learner, kind=kind,
        picture_url=reverse("cards:home_picture"), pin_url=reverse("cards:home_pin"), back_url=reverse("cards:home"),
    )
