"""The exam tablet's JSON API: join a session with its code, start or resume the exam, read the
questions (never their answer key), answer, hand in. The exam-day screens call these."""

import json
import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.ratelimit import counter_add, counter_value

from .. import services
from ..exceptions import ExamRefused
from ..models import ExamSession
from ..questions import question_public
from ..selectors import attempt_answered_ids, attempt_of

MAX_JSON_BODY = 16 * 1024
JOIN_MISSES_LIMIT = 10
JOIN_MISSES_WINDOW_SECONDS = 15 * 60


def _error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def _body(request):
    if len(request.body) > MAX_JSON_BODY:
        raise ExamRefused(_("This answer is too long."))
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        raise ExamRefused(_("The answer could not be read. Please try again."))
    return data


def _uuid(data, key):
    try:
        return uuid.UUID(str(data[key]))
    except (KeyError, ValueError):
        raise ExamRefused(_("The answer could not be read. Please try again.")) from None


def _api(view):
    """Signed-in learners only; refusals come back as a translated JSON message."""

    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _error(_("Your session has ended. Please sign in again."), status=401)
        try:
            return view(request, *args, **kwargs)
        except ExamRefused as refused:
            return _error(refused.message)
        except PermissionDenied as denied:
            return _error(str(denied), status=403)

    return wrapper


def _own_attempt(request, attempt_id):
    attempt = attempt_of(learner=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    return attempt


def attempt_result(attempt):
    return {
        "score": round(attempt.score * 100), "passed": attempt.passed,
        "competences": [{"code": code, "name": row["name"], "score": round(row["score"] * 100)}
                        for code, row in attempt.competence_scores.items()],
    }


def attempt_state(attempt, *, with_questions=True):
    """What the tablet shows: the questions without their key (unless the tablet already has them),
    which were answered, time left; the result once handed in."""
    state = {
        "attempt": attempt.pk, "practice": attempt.is_practice, "submitted": not attempt.in_progress,
        "remaining_seconds": max(0, int((attempt.deadline - timezone.now()).total_seconds())),
        "answered": sorted(attempt_answered_ids(attempt=attempt)),
    }
    if attempt.in_progress and with_questions:
        state["questions"] = [question_public(q) for q in attempt.questions]
    elif not attempt.in_progress:
        state["result"] = attempt_result(attempt)
    return state


@require_POST
@_api
def session_join(request):
    key = f"exam-join:{request.user.pk}"
    if counter_value(key) >= JOIN_MISSES_LIMIT:
        return _error(_("Too many codes were tried. Ask the supervisor."), status=429)
    data = _body(request)
    try:
        candidate = services.candidate_join(
            learner=request.user, code=data.get("code", ""),
            printed_name=data.get("printed_name"), latin_name=data.get("latin_name") or "",
        )
    except ExamRefused:
        counter_add(key, window_seconds=JOIN_MISSES_WINDOW_SECONDS)
        raise
    return JsonResponse({"session": candidate.session_id, "status": candidate.status,
                         "printed_name": candidate.printed_name, "latin_name": candidate.latin_name})


@require_POST
@_api
def attempt_start(request, session_id):
    session = get_object_or_404(ExamSession.objects.select_related("level"), pk=session_id)
    attempt = services.exam_attempt_start(learner=request.user, session=session)
    return JsonResponse(attempt_state(attempt))


@require_GET
@_api
def attempt_detail(request, attempt_id):
    """The attempt's state; ``?questions=0`` leaves the questions out (the player's clock check)."""
    attempt = services.attempt_close_if_due(_own_attempt(request, attempt_id))
    return JsonResponse(attempt_state(attempt, with_questions=request.GET.get("questions") != "0"))


@require_POST
@_api
def answer_create(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    data = _body(request)
    services.exam_answer_record(
        attempt=attempt, question_id=_uuid(data, "question_id"), payload=data.get("payload"),
        client_uuid=_uuid(data, "client_uuid"),
    )
    return JsonResponse({"recorded": True, "answered": len(attempt_answered_ids(attempt=attempt))})


@require_POST
@_api
def attempt_submit(request, attempt_id):
    attempt = services.exam_attempt_submit(attempt=_own_attempt(request, attempt_id))
    return JsonResponse(attempt_state(attempt))
