"""The one flow that checks a learner's picture password or PIN, wherever they sign in: the tile screen of
a centre's tablet, a scanned card, the learner code at home. Each screen only says whose secret to check.

In order: too many failed tries from this tablet (or address)? Then the form, then the secret against
this learner only, with their lockout. Only failures count against the tablet or address, so a class
signing in correctly is never stopped."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import ratelimit
from .constants import PICTOGRAMS, PIN_LENGTH, SecretKind
from .forms import SECRET_FORMS
from .services import SignInLocked, learner_secret_check

# Failed tries (wrong secrets, unknown learner codes) per tablet, or per address away from tablets.
FAILURES_PER_CLIENT = 60
FAILURE_WINDOW = 10 * 60
# The learner chosen by card or code in this browser, before their secret (see views/cards.py).
PENDING_LEARNER_KEY = "home_sign_in"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass(frozen=True)
class SignInOutcome:
    """What one try gave: signed in, or the status and message to show (423 carries the lock's end)."""

    status: int
    error: str = ""
    until: datetime | None = None

    @property
    def signed_in(self) -> bool:
        return self.status == 302


def too_many_failures(request) -> bool:
    return ratelimit.counter_value(_failure_key(request)) >= FAILURES_PER_CLIENT


def failure_count(request) -> None:
    """Count a failed try (a wrong secret, an unknown learner code) against this tablet or address."""
    ratelimit.counter_add(_failure_key(request), window_seconds=FAILURE_WINDOW)


def _failure_key(request) -> str:
    return f"sign-in-failures:{ratelimit.sign_in_client(request)}"


def too_many_message() -> str:
    return _("Too many tries. Please wait a little.")


def learner_login(request, learner) -> None:
    """Open the learner's session. On an enrolled tablet it gets the tablet's rules (centres.signals)."""
    request.session.pop(PENDING_LEARNER_KEY, None)
    login(request, learner, backend=MODEL_BACKEND)


def secret_try(request, *, learner, kind, form) -> SignInOutcome:
    """Check the secret posted in ``form`` (a bound PicturePasswordForm or PinForm) for ``learner``."""
    if too_many_failures(request):
        return SignInOutcome(status=429, error=too_many_message())
    if not form.is_valid():
        return SignInOutcome(status=400)  # the form says why, next to the field
    try:
        right = learner_secret_check(user=learner, kind=kind, value=form.cleaned_data[SECRET_FORMS[kind][1]])
    except SignInLocked as locked:
        failure_count(request)
        return SignInOutcome(status=423, until=locked.until)
    if not right:
        failure_count(request)
        return SignInOutcome(status=400, error=_("That is not right. Try again."))
    learner_login(request, learner)
    return SignInOutcome(status=302)


def secret_screen(request, *, learner, kind, picture_url, pin_url, back_url):
    """The picture-password (or PIN) screen of one learner, and what a post to it does."""
    if kind not in SECRET_FORMS:
        kind = SecretKind.PICTURE
    form = SECRET_FORMS[kind][0](request.POST if request.method == "POST" else None)
    context = {
        "learner": learner, "form": form, "kind": kind, "pictograms": PICTOGRAMS, "pin_length": PIN_LENGTH,
        "picture_url": picture_url, "pin_url": pin_url, "back_url": back_url,
    }
    if request.method != "POST":
        return render(request, "accounts/cards/sign_in.html", context)
    outcome = secret_try(request, learner=learner, kind=kind, form=form)
    if outcome.signed_in:
        return redirect("courses:my_path")
    if outcome.status == 423:
        return render(request, "accounts/cards/locked.html", {**context, "until": outcome.until}, status=423)
    return render(request, "accounts/cards/sign_in.html", {**context, "error": outcome.error}, status=outcome.status)
