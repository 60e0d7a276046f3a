"""The JSON endpoints the lesson page (never the frame) posts to, for the signed-in learner only:
results of the player (xAPI statements) and its saved state. CSRF-protected like every post; a body
larger than allowed is refused from its declared length, before it is read."""

import json
from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from courses.models import LessonPage

from .. import selectors, services
from ..constants import MAX_STATE_BYTES, MAX_STATEMENT_BYTES
from ..statements import StatementRefused

ENVELOPE_BYTES = 1024  # the ids around a statement or a state


def _error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _json_body(request, limit):
    """The body as a dict; refused unread when it declares more than ``limit`` bytes."""
    if _declared_length(request) > limit:
        raise StatementRefused(_("What the activity sent is too large."), status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        raise StatementRefused(_("What the activity sent is too large."), status=413)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise StatementRefused(_("What the activity sent could not be read."))
    return data


def _signed_in(request):
    if not request.user.is_authenticated:
        raise StatementRefused(_("Your session has ended. Sign in again to save your results."), status=403)


def _package(pk):
    package = selectors.package_playable_get(pk=pk)
    if package is None:
        raise StatementRefused(_("This activity no longer exists. Reload the page."), status=404)
    return package


def _lesson(pk):
    try:
        page = Page.objects.live().filter(pk=int(pk)).specific().first()
    except (TypeError, ValueError):
        page = None
    if not isinstance(page, LessonPage):
        raise StatementRefused(_("This lesson no longer exists. Reload the page."), status=404)
    return page


def refusals_as_json(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except StatementRefused as refused:
            return _error(refused.message, refused.status)

    return wrapped


@require_POST
@refusals_as_json
def statements(request):
    """One xAPI statement relayed by the lesson page: {package, lesson, step, statement}."""
    _signed_in(request)
    data = _json_body(request, MAX_STATEMENT_BYTES)
    outcome = services.h5p_statement_record(
        learner=request.user, package=_package(data.get("package")), lesson=_lesson(data.get("lesson")),
        step_id=data.get("step"), statement=data.get("statement"),
    )
    if outcome.result is None:
        return JsonResponse({"stored": False}, status=202)
    status = 201 if outcome.created else 200
    return JsonResponse({"stored": True, "id": str(outcome.result.statement_id)}, status=status)


@require_http_methods(["GET", "POST"])
@refusals_as_json
def state(request, pk):
    """The learner's saved state in a package: GET it to resume, POST {"state": "…"} to save it."""
    _signed_in(request)
    package = _package(pk)
    if request.method == "GET":
        return JsonResponse({"state": selectors.state_get(learner=request.user, package=package)})
    data = _json_body(request, MAX_STATE_BYTES + ENVELOPE_BYTES)
    services.h5p_state_save(learner=request.user, package=package, data=data.get("state"))
    return JsonResponse({"saved": True})
