"""Signing in away from a centre's tile screen: by scanning a learner card, or at home with a learner code.
Either way the learner still taps their picture password (or types their PIN): the card or code only says
whose secret to check (accounts.sign_in does the checking, as on the tile screen)."""

import time

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import sign_in
from ..constants import SecretKind
from ..forms import CardTokenForm, LearnerCodeForm
from ..models import LearnerProfile, LearnerSecret, User
from ..services import learner_card_resolve

HOME_SESSION_KEY = sign_in.PENDING_LEARNER_KEY
HOME_STEP_SECONDS = 10 * 60


def _too_many_response(request, template, context):
    context["error"] = sign_in.too_many_message()
    return render(request, template, context, status=429)


@never_cache
def card_sign_in(request):
    """The address in a card's QR code, ``/<lang>/carte/#<token>``: the token sits in the fragment, which
    a browser never sends, so it reaches no access log. The page's own script posts it; without
    JavaScript the learner types it. The card's learner is remembered in this browser and the pictures
    are asked next. A reissued or unknown card is refused and shows nothing of anyone."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = CardTokenForm(request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return render(request, "accounts/cards/card.html", {"form": form})
    if sign_in.too_many_failures(request):
        return _too_many_response(request, "accounts/cards/card.html", {"form": form})
    learner = learner_card_resolve(token=form.cleaned_data["token"]) if form.is_valid() else None
    if learner is None:
        sign_in.failure_count(request)
        return render(request, "accounts/cards/invalid.html", status=404)
    _remember_learner(request, learner)
    return redirect("accounts:home_pin" if _only_pin(learner) else "accounts:home_picture")


@never_cache
def card_old_address(request, token):
    """Cards printed before the token moved to the fragment: their address put the token in access logs,
    so it is refused without even being looked up, and the learner is sent to a trainer or their code."""
    return render(request, "accounts/cards/invalid.html", status=404)


def _remember_learner(request, learner):
    request.session[HOME_SESSION_KEY] = {"id": learner.pk, "at": time.time()}


def _only_pin(learner):
    kinds = set(LearnerSecret.objects.filter(user=learner).values_list("kind", flat=True))
    return SecretKind.PICTURE not in kinds and SecretKind.PIN in kinds


def _learner_by_code(code):
    profile = LearnerProfile.objects.filter(learner_code=code, user__is_active=True).select_related("user").first()
    return profile.user if profile else None


def _home_learner(request):
    """The learner whose code was typed (or card scanned) in this browser a moment ago, or None."""
    step = request.session.get(HOME_SESSION_KEY) or {}
    if not step or time.time() - step.get("at", 0) > HOME_STEP_SECONDS:
        return None
    return User.objects.filter(pk=step.get("id"), is_active=True).select_related("learner_profile").first()


@never_cache
def home_code(request):
    """At home: type the learner code, then tap the pictures. An unknown code names no one and counts
    as a failed try against this tablet or address."""
    if request.method != "POST":
        request.session.pop(HOME_SESSION_KEY, None)
        return render(request, "accounts/cards/home_code.html", {"form": LearnerCodeForm()})
    form = LearnerCodeForm(request.POST)
    if sign_in.too_many_failures(request):
        return _too_many_response(request, "accounts/cards/home_code.html", {"form": form})
    if not form.is_valid():
        return render(request, "accounts/cards/home_code.html", {"form": form}, status=400)
    learner = _learner_by_code(form.cleaned_data["code"])
    if learner is None:
        sign_in.failure_count(request)
        form.add_error("code", _("We do not know this code. Check it and try again."))
        return render(request, "accounts/cards/home_code.html", {"form": form}, status=400)
    _remember_learner(request, learner)
    return redirect("accounts:home_pin" if _only_pin(learner) else "accounts:home_picture")


@never_cache
def home_secret(request, kind=SecretKind.PICTURE):
    learner = _home_learner(request)
    if learner is None:
        return redirect("accounts:home_code")
    return sign_in.secret_screen(
        request, learner=learner, kind=kind,
        picture_url=reverse("accounts:home_picture"), pin_url=reverse("accounts:home_pin"),
        back_url=reverse("accounts:home_code"),
    )
