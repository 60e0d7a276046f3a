"""The exam day, the candidate's side, on a tablet of the centre: type the session's code, wait to be
admitted, sit the exam (one question per screen, the server's timer), see the result. A practice test
runs in the same player, with no session and no certificate."""

from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..constants import CandidateStatus
from ..exceptions import ExamRefused
from ..forms import ExamJoinForm
from ..questions import questions_stream, stream_images
from .exam_api import attempt_result, attempt_state

# The waiting screen reloads itself this often until the supervisor admits the candidate.
WAITING_REFRESH_SECONDS = 4


def _join(request, form):
    try:
        candidate = services.candidate_join(
            learner=request.user, code=form.cleaned_data["code"],
            printed_name=form.cleaned_data["printed_name"], latin_name=form.cleaned_data["latin_name"],
        )
    except ExamRefused as refused:
        form.add_error(None, refused.message)
        return None
    return redirect("certification:exam_waiting", exam_session_id=candidate.session_id)


def _join_form(request):
    return ExamJoinForm(request.POST or None, initial={"printed_name": request.user.shown_name})


def _home(request, form, *, status=200, practice_error=None):
    return render(request, "certification/exam/home.html", {
        "form": form, "candidacies": selectors.candidacies_current(learner=request.user),
        "levels": selectors.levels_listed(), "practice_error": practice_error,
    }, status=status)


@login_required
@never_cache
def exam_home(request):
    """« Passer un examen »: the code of today's session, and practice tests of every level."""
    form = _join_form(request)
    if request.method == "POST" and form.is_valid():
        joined = _join(request, form)
        if joined is not None:
            return joined
    return _home(request, form, status=400 if form.errors else 200)


def _candidacy_or_404(request, exam_session_id):
    candidate = selectors.candidacy_of(learner=request.user, session_id=exam_session_id)
    if candidate is None:
        raise Http404(_("Join the session with its code first."))
    return candidate


@login_required
@never_cache
def exam_waiting(request, exam_session_id):
    """Waiting for the supervisor: the screen reloads itself until the candidate is admitted."""
    candidate = _candidacy_or_404(request, exam_session_id)
    attempt = getattr(candidate, "attempt", None)
    waiting = candidate.status == CandidateStatus.JOINED and candidate.session.closed_at is None
    return render(request, "certification/exam/waiting.html", {
        "candidate": candidate, "session": candidate.session, "attempt": attempt,
        "refresh_seconds": WAITING_REFRESH_SECONDS if waiting else None,
    })


@require_POST
@login_required
def exam_start(request, exam_session_id):
    """Start the exam, or resume it on this tablet with the time already used counted."""
    candidate = _candidacy_or_404(request, exam_session_id)
    try:
        attempt = services.exam_attempt_start(learner=request.user, session=candidate.session)
    except ExamRefused as refused:
        return render(request, "certification/exam/waiting.html", {
            "candidate": candidate, "session": candidate.session, "error": refused.message,
        }, status=400)
    return redirect("certification:exam_attempt", attempt_id=attempt.pk)


@require_POST
@login_required
def practice_start(request, level_id):
    level = get_object_or_404(selectors.levels_listed(), pk=level_id)
    try:
        attempt = services.practice_attempt_start(learner=request.user, level=level)
    except ExamRefused as refused:
        return _home(request, ExamJoinForm(initial={"printed_name": request.user.shown_name}), status=400,
                     practice_error=refused.message)
    return redirect("certification:exam_attempt", attempt_id=attempt.pk)


def _questions(attempt):
    stream = questions_stream(attempt.questions)
    prefetch_related_objects(stream_images(stream), "renditions")
    return stream


@login_required
@never_cache
def exam_attempt(request, attempt_id):
    """The exam player (questions without their key, the server's time left), or the result."""
    attempt = selectors.attempt_of(learner=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404(_("No exam here."))
    attempt = services.attempt_close_if_due(attempt)
    candidate = attempt.candidate
    context = {"attempt": attempt, "candidate": candidate, "level": attempt.level}
    if not attempt.in_progress:
        context["result"] = attempt_result(attempt)
        context["certificate"] = selectors.certificate_of_attempt(attempt=attempt)
        return render(request, "certification/exam/result.html", context)
    context.update(questions=_questions(attempt), state={
        **attempt_state(attempt, with_questions=False),
        "answer_url": reverse("certification:api_answer", args=[attempt.pk]),
        "submit_url": reverse("certification:api_submit", args=[attempt.pk]),
        "state_url": reverse("certification:api_attempt", args=[attempt.pk]) + "?questions=0",
    })
    return render(request, "certification/exam/attempt.html", context)
