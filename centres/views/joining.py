"""Joining a centre without staff at hand, and the staff side of it (open/close, confirm, remove,
unlock a learner locked out after five wrong tries)."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.constants import PICTOGRAMS
from accounts.ratelimit import client_address, counter_add, counter_value
from accounts.services import sign_in_unlock
from accounts.sign_in import learner_login
from core.once import first_submission, once_token

from .. import joining, selectors, services
from ..constants import Role
from ..forms import AVATAR_COLOURS, JoinCodeForm, NewcomerForm
from ..permissions import staffed_centre_or_403

# New accounts an hour. A tablet at the reception desk cannot fill in more than about one form a
# minute; phones on the centre's wifi share its public address, so that limit is generous too.
JOINS_PER_TABLET_PER_HOUR = 60
JOINS_PER_ADDRESS_PER_HOUR = 100
JOIN_WINDOW = 3600


def _join_limit(request):
    """The counter new accounts are counted under, and its limit: the tablet, else the address."""
    device = services.request_device(request)
    if device is not None:
        return f"join:device:{device.pk}", JOINS_PER_TABLET_PER_HOUR
    return f"join:ip:{client_address(request)}", JOINS_PER_ADDRESS_PER_HOUR



@login_required
@never_cache
def join_manage(request, centre_id):
    """A manager opens joining (a fresh code), shows it as text and QR code, or closes it."""
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER,))
    if request.method == "POST":
        if request.POST.get("action") == "close":
            joining.centre_join_close(centre=centre)
        else:
            joining.centre_join_open(centre=centre)
        return redirect("centres:join_manage", centre_id=centre.pk)
    qr = None
    if centre.join_code:
        url = request.build_absolute_uri(reverse("centres:join_with_code", args=[centre.join_code]))
        qr = segno.make(url, error="m").svg_inline(scale=6, title=_("Join code"))
    return render(request, "centres/joining/manage.html", {"centre": centre, "qr": qr})


@never_cache
def join(request, code=None):
    """The newcomer's screen: the join code first (typed or from the QR), then name, colour,
    language and three pictures."""
    if code is None:
        form = JoinCodeForm(request.GET or None)
        if form.is_valid():
            if joining.centre_by_join_code(form.cleaned_data["code"]) is not None:
                return redirect("centres:join_with_code", code=form.cleaned_data["code"].strip().upper())
            form.add_error("code", _("This join code does not work. Ask at the reception desk."))
        return render(request, "centres/joining/code.html", {"form": form})
    centre = joining.centre_by_join_code(code)
    if centre is None:
        raise Http404(_("This join code does not work. Ask at the reception desk."))
    form = NewcomerForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    context = {
        "form": form, "centre": centre, "pictograms": PICTOGRAMS, "colours": AVATAR_COLOURS, "once": once_token(),
    }
    if request.method == "POST" and form.is_valid():
        if not first_submission(request):  # a second tap on « Create »: the first one made the account
            return redirect("courses:my_path" if request.user.is_authenticated else "centres:join")
        key, limit = _join_limit(request)
        if counter_value(key) >= limit:
            context["error"] = _("Too many new accounts from here. Ask at the reception desk.")
            return render(request, "centres/joining/join.html", context, status=429)
        handover = joining.newcomer_join(
            centre=centre, display_name=form.cleaned_data["display_name"],
            avatar_colour=form.cleaned_data["avatar_colour"], language=form.cleaned_data["language"],
            pictures=form.cleaned_data["pictures"],
        )
        counter_add(key, window_seconds=JOIN_WINDOW)
        learner_login(request, handover.user)
        return redirect("courses:my_path")
    return render(request, "centres/joining/join.html", context, status=400 if request.method == "POST" else 200)


def _staff_action(request, centre_id, action, done_message):
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER, Role.TRAINER))
    if not action(centre):
        raise Http404
    messages.success(request, done_message)
    return redirect("centres:learner_list", centre_id=centre.pk)


@require_POST
@login_required
def newcomer_confirm(request, centre_id, user_id):
    return _staff_action(
        request, centre_id, lambda centre: joining.newcomer_confirm(centre=centre, user_id=user_id),
        _("The learner is confirmed."),
    )


@require_POST
@login_required
def newcomer_remove(request, centre_id, user_id):
    return _staff_action(
        request, centre_id, lambda centre: joining.newcomer_remove(centre=centre, user_id=user_id),
        _("The account was removed."),
    )


@require_POST
@login_required
def learner_unlock(request, centre_id, user_id):
    def unlock(centre):
        learner = selectors.centre_learner_get(centre=centre, user_id=user_id)
        if learner is None:
            return False
        sign_in_unlock(user=learner, by=request.user)
        return True

    return _staff_action(request, centre_id, unlock, _("The learner can sign in again."))
