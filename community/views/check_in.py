"""The check-in screen, made for a phone held in one hand: one big tap per registered attendee, walk-ins
by their tile or with just a name. Each tap is a small JSON post carrying a UUID made on the phone and
retried until the server has it (community/static/community/check_in.js); the server records it once."""

import json
import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.constants import PICTOGRAMS

from .. import selectors, services
from ..constants import RegistrationStatus
from ..exceptions import CommunityRefused
from .hosting import session_or_404

MAX_JSON_BODY = 4 * 1024


@login_required
@never_cache
def check_in(request, session_id):
    session = session_or_404(request.user, session_id)
    registrations, check_ins = selectors.session_people(session=session)
    registered = [r for r in registrations if r.status == RegistrationStatus.REGISTERED]
    registered_ids = {r.learner_id for r in registered}
    others = [p for p in selectors.centre_learners(centre=session.centre).order_by("display_name")
              if p.pk not in registered_ids]
    return render(request, "community/check_in.html", {
        "session": session, "registered": registered, "check_ins": check_ins, "others": others,
        "present": len(check_ins),
    })


class BadTap(Exception):
    pass


def _read(request):
    if len(request.body) > MAX_JSON_BODY:
        raise BadTap
    try:
        data = json.loads(request.body)
        return data, uuid.UUID(str(data["client_uuid"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BadTap from None


def _record(request, session, data, client_uuid):
    if "display_name" in data:
        return services.walk_in_create(session=session, by=request.user, display_name=str(data["display_name"]),
                                       client_uuid=client_uuid)
    try:
        learner_id = int(data.get("learner_id"))
    except (TypeError, ValueError):
        raise BadTap from None
    learner = selectors.centre_learners(centre=session.centre).filter(pk=learner_id).first()
    return services.check_in_record(session=session, by=request.user, learner=learner, client_uuid=client_uuid)


@require_POST
def check_in_tap(request, session_id):
    """{learner_id, client_uuid} or {display_name, client_uuid} → who is now checked in."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Your session has ended. Please sign in again.")}, status=401)
    try:
        session = session_or_404(request.user, session_id)
        outcome = _record(request, session, *_read(request))
    except BadTap:
        return JsonResponse({"error": _("The tap could not be read. Please try again.")}, status=400)
    except CommunityRefused as refused:
        return JsonResponse({"error": refused.message}, status=400)
    except (PermissionDenied, Http404):
        return JsonResponse({"error": _("No such session among yours.")}, status=404)
    person = outcome.check_in.learner
    return JsonResponse({
        "learner_id": person.pk, "name": person.shown_name, "created": outcome.created,
        "walk_in": outcome.check_in.walk_in, "pictures": [str(PICTOGRAMS[key]) for key in outcome.pictures],
        "present": session.check_ins.count(),
    })
