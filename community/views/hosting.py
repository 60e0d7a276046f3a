"""The hosts' side (référents, trainers, managers): their sessions, planning one, a session's people,
cancelling it, and the notes and skill sign-offs after it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from centres.selectors import centres_readable_by
from core.once import first_submission, once_token
from courses.models import Competence, CoursePage

from .. import selectors, services
from ..constants import CENTRE_WIDE_ROLES
from ..exceptions import CommunityRefused
from ..forms import SessionNotesForm, SessionPlanForm, SignOffForm


def host_centre_or_403(user, centre_id):
    centre = selectors.host_centres(user).filter(pk=centre_id).first()
    if centre is None:
        raise PermissionDenied(_("Only a référent, a trainer or a manager of this centre can do this."))
    return centre


def session_or_404(user, session_id):
    """A session ``user`` may run (their own, or any of a centre they staff); 404 for any other."""
    return get_object_or_404(selectors.sessions_editable_by(user).select_related("centre", "host"), pk=session_id)


def is_centre_wide(user, centre):
    return centres_readable_by(user, roles=CENTRE_WIDE_ROLES).filter(pk=centre.pk).exists()


@login_required
@never_cache
def host_home(request):
    """Straight to the sessions of the host's centre; a choice when they host at several."""
    centres = list(selectors.host_centres(request.user).order_by("name"))
    if not centres:
        raise PermissionDenied(_("Only référents, trainers and managers of a centre host sessions."))
    if len(centres) == 1:
        return redirect("community:host_sessions", centre_id=centres[0].pk)
    return render(request, "community/host_home.html", {"centres": centres})


@login_required
@never_cache
def host_sessions(request, centre_id):
    """Upcoming and past sessions: a référent's own, every one of the centre for its staff."""
    centre = host_centre_or_403(request.user, centre_id)
    listed = list(selectors.sessions_listed(selectors.sessions_readable_by(request.user).filter(centre=centre)))
    now = timezone.now()
    upcoming = [s for s in listed if s.ends_at > now]
    past = sorted((s for s in listed if s.ends_at <= now), key=lambda s: s.starts_at, reverse=True)
    centre_wide = is_centre_wide(request.user, centre)
    attendees = [] if centre_wide else selectors.attendees_readable_by(request.user).filter(
        memberships__centre=centre).distinct().order_by("display_name")
    return render(request, "community/host_sessions.html", {
        "centre": centre, "upcoming": upcoming, "past": past, "hours": selectors.hours_given(past),
        "attended": sum(s.attended for s in past), "centre_wide": centre_wide, "attendees": attendees,
    })


@login_required
@never_cache
def session_plan(request, centre_id):
    centre = host_centre_or_403(request.user, centre_id)
    form = SessionPlanForm(request.POST or None, topic_choices=selectors.topic_choices())
    if request.method == "POST" and form.is_valid():
        if not first_submission(request):
            return redirect("community:host_sessions", centre_id=centre.pk)
        try:
            made = services.session_plan(centre=centre, host=request.user, plan=form.plan())
        except CommunityRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("Session planned.") if len(made) == 1 else _(
                "%(n)s weekly sessions planned.") % {"n": len(made)})
            return redirect("community:session_detail", session_id=made[0].pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "community/session_plan.html", {"centre": centre, "form": form, "once": once_token()},
                  status=status)


@login_required
@never_cache
def session_edit(request, session_id):
    """Change a session to come: its host, or the centre's staff (any other référent gets a 404)."""
    session = session_or_404(request.user, session_id)
    form = SessionPlanForm(request.POST or None, topic_choices=selectors.topic_choices(), editing=True,
                           initial=SessionPlanForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(session=session, by=request.user, plan=form.plan())
        except CommunityRefused as refused:
            form.refuse(refused)
        else:
            messages.success(request, _("Session changed."))
            return redirect("community:session_detail", session_id=session.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "community/session_plan.html", {"centre": session.centre, "form": form,
                                                          "session": session}, status=status)


@login_required
@never_cache
def session_detail(request, session_id):
    session = session_or_404(request.user, session_id)
    registrations, check_ins = selectors.session_people(session=session)
    registered_ids = {r.learner_id for r in registrations}
    walk_ins = [c for c in check_ins.values() if c.learner_id not in registered_ids]
    return render(request, "community/session_detail.html", {
        "session": session, "registrations": registrations, "check_ins": check_ins, "walk_ins": walk_ins,
        "topics": selectors.topics_by_session([session]).get(session.pk, []),
        "started": session.starts_at <= timezone.now(),
    })


@require_POST
@login_required
def session_cancel(request, session_id):
    session = session_or_404(request.user, session_id)
    try:
        told = services.session_cancel(session=session, by=request.user)
    except CommunityRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Session cancelled; %(n)s people were told.") % {"n": told})
    return redirect("community:session_detail", session_id=session.pk)


def _topic_choices(session):
    lessons = selectors.topics_by_session([session]).get(session.pk, [])
    return [(str(lesson.translation_key), lesson.title) for lesson in lessons]


def _attendees(session):
    _registrations, check_ins = selectors.session_people(session=session)
    return sorted((c.learner for c in check_ins.values()), key=lambda person: person.shown_name.lower())


def _notes_post(request, session, form):
    if form.is_valid():
        try:
            services.session_notes_save(session=session, by=request.user, notes=form.cleaned_data["notes"],
                                        covered_keys=form.cleaned_data["covered"])
        except CommunityRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, _("Notes saved."))
            return True
    return False


def _sign_off_post(request, session, form, attendees):
    if form.is_valid():
        data = form.cleaned_data
        learner = next((p for p in attendees if p.pk == data["learner"]), None)
        try:
            services.skill_sign_off(session=session, by=request.user, learner=learner,
                                    competence=Competence.objects.filter(pk=data["competence"]).first(),
                                    evidence=data["evidence"])
        except CommunityRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(request, _("Skill signed off for %(name)s.") % {"name": learner.shown_name})
            return True
    return False


@login_required
@never_cache
def session_review(request, session_id):
    """After the session: notes, the topics actually covered, and skill sign-offs for attendees."""
    session = session_or_404(request.user, session_id)
    attendees = _attendees(session)
    action = request.POST.get("action") if request.method == "POST" else None
    covered = [str(t.lesson_key) for t in session.topics.filter(covered=True)]
    notes_form = SessionNotesForm(request.POST if action == "notes" else None, topic_choices=_topic_choices(session),
                                  initial={"notes": session.notes, "covered": covered})
    sign_off_form = SignOffForm(request.POST if action == "sign_off" else None, attendees=attendees,
                                competences=selectors.session_competences())
    done = (action == "notes" and _notes_post(request, session, notes_form)) or (
        action == "sign_off" and _sign_off_post(request, session, sign_off_form, attendees))
    if done:
        return redirect("community:session_review", session_id=session.pk)
    return render(request, "community/session_review.html", {
        "session": session, "notes_form": notes_form, "sign_off_form": sign_off_form, "attendees": attendees,
        "sign_offs": selectors.sign_offs_of_session(session=session),
    }, status=400 if action else 200)


@login_required
@never_cache
def attendee_progress(request, learner_id):
    """The lesson progress of one learner: for a référent, only someone who came to one of their
    sessions; for staff, any learner of their centres."""
    learner = get_object_or_404(selectors.attendees_readable_by(request.user), pk=learner_id)
    return render(request, "community/attendee_progress.html", {
        "learner": learner, "courses": CoursePage.followed_by(learner),
        "sign_offs": selectors.sign_offs_of_learner(learner=learner),
    })

