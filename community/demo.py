"""The community part of the demo: two sessions of the demo référent to come (one tomorrow evening in
Arabic at the centre, one next week in French and Dari at a library), a few demo learners registered,
and what the reminders would send, printed. Safe to run again: a session to come with the same title is
kept as it is."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from courses.models import LessonPage

from .constants import PlaceKind
from .models import CommunitySession, Registration
from .services import registration_create, reminders_send
from .services.sessions import SessionPlan, session_plan

SESSIONS = [
    {"title": "Les e-mails, en arabe", "days": 1, "at": time(18, 30), "minutes": 90, "capacity": 8,
     "languages": ["ar", "fr"], "place_kind": PlaceKind.CENTRE, "place_name": "", "childcare": True,
     "lessons": ["adresse-e-mail", "piece-jointe"], "learners": ["farid", "amina"]},
    {"title": "Mon compte Améli, pas à pas", "days": 7, "at": time(10, 0), "minutes": 120, "capacity": 6,
     "languages": ["fr", "prs"], "place_kind": PlaceKind.PUBLIC, "place_name": "Médiathèque Couronnes, Paris 20e",
     "childcare": False, "lessons": [], "learners": ["yonas"]},
]


def _lesson_keys(slugs):
    lessons = LessonPage.objects.filter(slug__in=slugs, locale=Locale.get_default())
    return list(lessons.values_list("translation_key", flat=True))


def _plan(item):
    day = timezone.localdate() + timedelta(days=item["days"])
    starts_at = timezone.make_aware(datetime.combine(day, item["at"]))
    return SessionPlan(
        title=item["title"], starts_at=starts_at, ends_at=starts_at + timedelta(minutes=item["minutes"]),
        capacity=item["capacity"], languages=item["languages"], place_kind=item["place_kind"],
        place_name=item["place_name"], childcare=item["childcare"], step_free=True,
        lesson_keys=_lesson_keys(item["lessons"]),
    )


def _register(session, usernames):
    for user in get_user_model().objects.filter(username__in=usernames):
        if not Registration.objects.filter(session=session, learner=user).exists():
            registration_create(learner=user, session=session)


def demo_sessions_ensure(result):
    """Returns lines for the load_demo command to print."""
    host = get_user_model().objects.filter(username="referent").first()
    if host is None:
        return ["Community sessions: no « referent » account, none planned."]
    lines = []
    for item in SESSIONS:
        session = CommunitySession.objects.filter(
            centre=result.centre, title=item["title"], starts_at__gt=timezone.now(), cancelled_at__isnull=True
        ).first()
        if session is None:
            session = session_plan(centre=result.centre, host=host, plan=_plan(item))[0]
        _register(session, item["learners"])
        lines.append(f"Community session « {session.title} » on {timezone.localtime(session.starts_at):%Y-%m-%d %H:%M}"
                     f" ({session.registered_count}/{session.capacity} registered).")
    sent = reminders_send()
    lines.append(f"Reminders for tomorrow's sessions sent now: {sent} (printed above: e-mail, SMS, notice).")
    return lines
