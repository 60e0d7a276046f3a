"""The exam day, staff side: a trainer opens a session for the centre, then supervises it from a
tablet or a laptop: who joined, admit or exclude, adapted conditions, incidents, closing."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from centres.permissions import staffed_centre_or_403
from centres.selectors import centres_readable_by

from .. import selectors, services
from ..exceptions import ExamRefused
from ..forms import AdaptationsForm, ExamSessionOpenForm, IncidentForm

SESSIONS_SHOWN = 30


@login_required
@never_cache
def exam_sessions_home(request):
    """Straight to the exam sessions of the trainer's centre (the first one, if they staff several)."""
    centre = centres_readable_by(request.user).order_by("name").first()
    if centre is None:
        raise PermissionDenied(_("Only trainers and managers of a centre can run exam sessions."))
    return redirect("certification:exam_sessions", centre_id=centre.pk)


@login_required
@never_cache
def exam_sessions(request, centre_id):
    """The centre's exam sessions, and the form that opens a new one."""
    centre = staffed_centre_or_403(request.user, centre_id)
    form = ExamSessionOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.exam_session_open(
                centre=centre, level=form.cleaned_data["level"], supervisor=request.user,
                room=form.cleaned_data["room"], opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
            )
        except ExamRefused as refused:
            form.add_error(None, refused.message)
        else:
            return redirect("certification:exam_session", centre_id=centre.pk, exam_session_id=session.pk)
    sessions = selectors.centre_exam_sessions(user=request.user, centre=centre)[:SESSIONS_SHOWN]
    return render(request, "certification/supervisor/sessions.html",
                  {"centre": centre, "form": form, "sessions": sessions}, status=400 if form.errors else 200)


def _session_or_404(request, centre_id, exam_session_id):
    centre = staffed_centre_or_403(request.user, centre_id)
    session = selectors.exam_session_for_staff(user=request.user, centre=centre, session_id=exam_session_id)
    if session is None:
        raise Http404(_("No exam session here."))
    return session


def _candidate_or_404(session, candidate_id):
    if not str(candidate_id).isdigit():
        raise Http404(_("No such candidate in this session."))
    candidate = selectors.session_candidates(session=session).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404(_("No such candidate in this session."))
    candidate.session = session
    return candidate


def _rows(session):
    return [{"candidate": c, "form": AdaptationsForm(initial={
        "extra_time_percent": c.extra_time_percent, "read_aloud": c.read_aloud, "large_text": c.large_text,
    }, prefix=f"c{c.pk}")} for c in selectors.session_candidates(session=session)]


@login_required
@never_cache
def exam_session(request, centre_id, exam_session_id):
    """The supervisor's screen. ``?part=candidates`` is its candidates table alone, which the screen
    fetches again every few seconds to show who joined."""
    session = _session_or_404(request, centre_id, exam_session_id)
    context = {"centre": session.centre, "session": session, "rows": _rows(session)}
    if request.GET.get("part") == "candidates":
        return render(request, "certification/supervisor/_candidates.html", context)
    context.update(incidents=selectors.session_incidents(session=session), incident_form=IncidentForm())
    return render(request, "certification/supervisor/session.html", context)


def _back(session, anchor=""):
    response = redirect("certification:exam_session", centre_id=session.centre_id, exam_session_id=session.pk)
    response["Location"] += anchor
    return response


def _done(request, action, success):
    try:
        action()
    except ExamRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, success)


@require_POST
@login_required
def candidate_decide(request, centre_id, exam_session_id, candidate_id):
    """Admit or exclude one candidate (``action`` is ``admit`` or ``exclude``)."""
    session = _session_or_404(request, centre_id, exam_session_id)
    candidate = _candidate_or_404(session, candidate_id)
    name = candidate.learner.shown_name
    action = request.POST.get("action")
    if action == "admit":
        _done(request, lambda: services.candidate_admit(candidate=candidate, by=request.user),
              _("%(name)s is admitted.") % {"name": name})
    elif action == "exclude":
        _done(request, lambda: services.candidate_exclude(candidate=candidate, by=request.user,
                                                          note=request.POST.get("note", "")),
              _("%(name)s is excluded.") % {"name": name})
    else:
        messages.error(request, _("Choose to admit or to exclude."))
    return _back(session, f"#candidate-{candidate.pk}")


@require_POST
@login_required
def candidate_adapt(request, centre_id, exam_session_id, candidate_id):
    """Adapted conditions for one candidate: extra time, questions read aloud, larger text."""
    session = _session_or_404(request, centre_id, exam_session_id)
    candidate = _candidate_or_404(session, candidate_id)
    form = AdaptationsForm(request.POST, prefix=f"c{candidate.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return _back(session, f"#candidate-{candidate.pk}")
    adapt = partial(services.candidate_adaptations_set, candidate=candidate, by=request.user, **form.cleaned_data)
    _done(request, adapt,
          _("Conditions saved for %(name)s.") % {"name": candidate.learner.shown_name})
    return _back(session, f"#candidate-{candidate.pk}")


@require_POST
@login_required
def incident_add(request, centre_id, exam_session_id):
    session = _session_or_404(request, centre_id, exam_session_id)
    form = IncidentForm(request.POST)
    about = request.POST.get("candidate", "")
    candidate = _candidate_or_404(session, about) if about else None
    if not form.is_valid():
        messages.error(request, form.errors["note"][0])
        return _back(session, "#incidents")
    _done(request, lambda: services.incident_record(session=session, by=request.user,
                                                    note=form.cleaned_data["note"], candidate=candidate),
          _("The incident is recorded."))
    return _back(session, "#incidents")


@require_POST
@login_required
def session_close(request, centre_id, exam_session_id):
    """Close the session: nobody joins any more, and every exam still running is handed in."""
    session = _session_or_404(request, centre_id, exam_session_id)
    _done(request, lambda: services.exam_session_close(session=session, by=request.user),
          _("The session is closed. Every exam still running was handed in."))
    return _back(session)
