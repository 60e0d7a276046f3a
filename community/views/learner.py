"""The learners' side: the sessions of their centre to come, filtered by language and topic, and
registering or cancelling in one tap."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..constants import SESSION_LANGUAGE_NAMES, RegistrationStatus
from ..exceptions import CommunityRefused
from ..forms import PhoneForm
from ..models import PhoneContact


def _lesson_key(value):
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _rows(sessions, learner, topics):
    registrations = selectors.registrations_of(learner=learner, sessions=sessions)
    rows = []
    for session in sessions:
        registration = registrations.get(session.pk)
        if registration is not None and registration.status == RegistrationStatus.CANCELLED:
            registration = None
        rows.append({"session": session, "topics": topics.get(session.pk, []), "registration": registration})
    return rows


def _filters(sessions, topics):
    languages = sorted({code for s in sessions for code in s.language_codes})
    lessons = {lesson.translation_key: lesson for items in topics for lesson in items}
    return (
        [(code, SESSION_LANGUAGE_NAMES.get(code, code)) for code in languages],
        sorted(lessons.values(), key=lambda lesson: lesson.title),
    )


@login_required
@never_cache
def sessions(request):
    language = request.GET.get("language", "")
    language = language if language in SESSION_LANGUAGE_NAMES else ""
    lesson_key = _lesson_key(request.GET.get("topic"))
    every = list(selectors.upcoming_for_learner(learner=request.user))
    shown = every if not (language or lesson_key) else list(
        selectors.upcoming_for_learner(learner=request.user, language=language, lesson_key=lesson_key))
    topics = selectors.topics_by_session(every)  # the shown sessions are among them
    rows = _rows(shown, request.user, topics)
    language_filters, topic_filters = _filters(every, topics.values())
    contact = PhoneContact.objects.filter(learner=request.user).first()
    return render(request, "community/sessions.html", {
        "rows": rows, "language": language, "topic": str(lesson_key or ""), "language_filters": language_filters,
        "topic_filters": topic_filters, "phone_form": PhoneForm(initial={"number": contact.number if contact else ""}),
    })


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("community:sessions")


def _learner_session(request, session_id):
    session = selectors.session_for_learner(learner=request.user, session_id=session_id)
    if session is None:
        raise Http404(_("No such session at your centre."))
    return session


@require_POST
@login_required
def register(request, session_id):
    session = _learner_session(request, session_id)
    try:
        registration = services.registration_create(learner=request.user, session=session)
    except CommunityRefused as refused:
        messages.error(request, refused.message)
    else:
        if registration.status == RegistrationStatus.WAITING:
            messages.info(request, _("The session is full: you are on the waiting list. If a seat frees up, "
                                     "it is yours and we tell you."))
        else:
            messages.success(request, _("You are registered. See you there!"))
    return _back(request)


@require_POST
@login_required
def unregister(request, session_id):
    session = _learner_session(request, session_id)
    try:
        services.registration_cancel(learner=request.user, session=session)
    except CommunityRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return _back(request)


@require_POST
@login_required
def phone_set(request):
    """A learner gives (or removes) a number for SMS reminders."""
    form = PhoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["number"][0])
    else:
        services.phone_contact_set(learner=request.user, number=form.cleaned_data["number"])
        if form.cleaned_data["number"]:
            messages.success(request, _("You will get a text message the day before each session."))
        else:
            messages.success(request, _("No more text messages."))
    return redirect("community:sessions")
