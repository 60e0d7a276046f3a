"""Planning a session (once or every week), cancelling it, and the host's notes afterwards."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import LessonPage

from .. import selectors
from ..constants import (
    MAX_CAPACITY,
    MAX_DURATION_MINUTES,
    MAX_WEEKLY_REPEATS,
    MIN_CAPACITY,
    MIN_DURATION_MINUTES,
    SESSION_LANGUAGE_NAMES,
    NoticeKind,
    PlaceKind,
    RegistrationStatus,
)
from ..exceptions import CommunityRefused
from ..models import CommunitySession, Registration, SessionTopic
from ..notifications import learner_notify
from ._access import editable_or_403
from .registrations import waiting_promote

TITLE_MAX_LENGTH = 120
PLACE_MAX_LENGTH = 160
NOTES_MAX_LENGTH = 4000


@dataclass
class SessionPlan:
    """What a host fills in to plan a session."""

    title: str
    starts_at: object
    ends_at: object
    capacity: int
    languages: list
    place_kind: str = PlaceKind.CENTRE
    place_name: str = ""
    childcare: bool = False
    step_free: bool = False
    lesson_keys: list = field(default_factory=list)
    weeks: int = 1


def _check_time(plan):
    if plan.starts_at <= timezone.now():
        raise CommunityRefused(_("A session cannot start in the past. Choose a later date or time."), "date")
    if plan.ends_at <= plan.starts_at:
        raise CommunityRefused(_("The session must end after it starts."), "ends_at")
    minutes = (plan.ends_at - plan.starts_at).total_seconds() / 60
    if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise CommunityRefused(_("A session lasts between %(least)s minutes and %(most)s hours.") % {
            "least": MIN_DURATION_MINUTES, "most": MAX_DURATION_MINUTES // 60}, "ends_at")
    return int(minutes)


def _check_plan(plan):
    if not plan.title.strip() or len(plan.title.strip()) > TITLE_MAX_LENGTH:
        raise CommunityRefused(_("Give the session a title (at most %(n)s characters).") % {"n": TITLE_MAX_LENGTH},
                               "title")
    if not MIN_CAPACITY <= plan.capacity <= MAX_CAPACITY:
        raise CommunityRefused(_("A session has between %(least)s and %(most)s seats.") % {
            "least": MIN_CAPACITY, "most": MAX_CAPACITY}, "capacity")
    if not plan.languages or any(code not in SESSION_LANGUAGE_NAMES for code in plan.languages):
        raise CommunityRefused(_("Choose at least one language spoken in the session."), "languages")
    if plan.place_kind not in PlaceKind.values:
        raise CommunityRefused(_("Choose where the session takes place."), "place_kind")
    name = plan.place_name.strip()
    if plan.place_kind == PlaceKind.PUBLIC and not name or len(name) > PLACE_MAX_LENGTH:
        raise CommunityRefused(_("Name the public place (a library, a café…)."), "place_name")
    if not 1 <= plan.weeks <= MAX_WEEKLY_REPEATS:
        raise CommunityRefused(_("A session repeats for at most %(n)s weeks.") % {"n": MAX_WEEKLY_REPEATS}, "weeks")
    return _check_time(plan)


def _lessons(keys):
    keys = {str(key) for key in keys}
    found = {str(k): pk for k, pk in LessonPage.objects.live().filter(translation_key__in=keys)
             .values_list("translation_key", "pk")}
    if set(found) != keys:
        raise CommunityRefused(_("One of the topics is not a lesson of the catalogue."), "topics")
    return found


def _week_later(starts_at, weeks):
    """The same local time ``weeks`` later (across a change of summer time)."""
    local = timezone.localtime(starts_at).replace(tzinfo=None) + timedelta(weeks=weeks)
    return timezone.make_aware(local)


@transaction.atomic
def session_plan(*, centre, host, plan: SessionPlan) -> list[CommunitySession]:
    """Plan a session at ``centre`` hosted by ``host`` (a référent, trainer or manager there), and its
    weekly repetitions; returns the sessions made. Raises CommunityRefused with a message for the host."""
    if not selectors.host_centres(host).filter(pk=centre.pk).exists():
        raise PermissionDenied(_("Only a référent, a trainer or a manager of this centre can plan a session."))
    minutes = _check_plan(plan)
    lessons = _lessons(plan.lesson_keys)
    series = uuid.uuid4() if plan.weeks > 1 else None
    made = []
    for week in range(plan.weeks):
        session = CommunitySession.objects.create(
            centre=centre, host=host, title=plan.title.strip(), place_kind=plan.place_kind,
            place_name=plan.place_name.strip() if plan.place_kind == PlaceKind.PUBLIC else "",
            starts_at=_week_later(plan.starts_at, week), duration_minutes=minutes, capacity=plan.capacity,
            languages="," + ",".join(dict.fromkeys(plan.languages)) + ",", childcare=plan.childcare,
            step_free=plan.step_free, series=series,
        )
        SessionTopic.objects.bulk_create(
            [SessionTopic(session=session, lesson_key=key, lesson_id=pk) for key, pk in lessons.items()]
        )
        made.append(session)
    return made


def _topics_set(session, lessons):
    session.topics.exclude(lesson_key__in=list(lessons)).delete()
    known = {str(key) for key in session.topics.values_list("lesson_key", flat=True)}
    SessionTopic.objects.bulk_create([SessionTopic(session=session, lesson_key=key, lesson_id=pk)
                                      for key, pk in lessons.items() if key not in known])


@transaction.atomic
def session_update(*, session, by, plan: SessionPlan) -> CommunitySession:
    """Change a session to come (its host or the centre's staff). Seats never go below those taken; more
    seats go to the learners waiting, in order."""
    editable_or_403(by, session)
    session = CommunitySession.objects.select_for_update().get(pk=session.pk)
    if session.is_cancelled or session.starts_at <= timezone.now():
        raise CommunityRefused(_("Only a session to come can be changed."))
    plan.weeks = 1
    minutes = _check_plan(plan)
    if plan.capacity < session.registered_count:
        raise CommunityRefused(_("%(n)s people are registered: keep at least %(n)s seats.") % {
            "n": session.registered_count}, "capacity")
    lessons = _lessons(plan.lesson_keys)
    session.title, session.place_kind, session.capacity = plan.title.strip(), plan.place_kind, plan.capacity
    session.place_name = plan.place_name.strip() if plan.place_kind == PlaceKind.PUBLIC else ""
    session.starts_at, session.duration_minutes = plan.starts_at, minutes
    session.languages = "," + ",".join(dict.fromkeys(plan.languages)) + ","
    session.childcare, session.step_free = plan.childcare, plan.step_free
    session.save()
    _topics_set(session, lessons)
    waiting_promote(session)
    return session


def session_cancel(*, session, by) -> int:
    """Cancel a session to come; everyone registered or waiting is told. Returns how many were told."""
    editable_or_403(by, session)
    with transaction.atomic():
        session = CommunitySession.objects.select_for_update().get(pk=session.pk)
        if session.is_cancelled:
            raise CommunityRefused(_("This session is already cancelled."))
        if session.starts_at <= timezone.now():
            raise CommunityRefused(_("This session has already started: it can no longer be cancelled."))
        session.cancelled_at = timezone.now()
        session.save(update_fields=["cancelled_at"])
        people = list(Registration.objects.filter(session=session).exclude(
            status=RegistrationStatus.CANCELLED).select_related("learner"))
    for registration in people:
        learner_notify(learner=registration.learner, session=session, kind=NoticeKind.CANCELLED)
    return len(people)


def session_notes_save(*, session, by, notes, covered_keys) -> CommunitySession:
    """The host's notes after a session and the topics actually covered (among those planned)."""
    editable_or_403(by, session)
    notes = (notes or "").strip()
    if len(notes) > NOTES_MAX_LENGTH:
        raise CommunityRefused(_("Notes are at most %(n)s characters.") % {"n": NOTES_MAX_LENGTH}, "notes")
    covered = {str(key) for key in covered_keys}
    planned = {str(key) for key in session.topics.values_list("lesson_key", flat=True)}
    if not covered <= planned:
        raise CommunityRefused(_("One of the topics is not a topic of this session."), "covered")
    with transaction.atomic():
        session.notes = notes
        session.save(update_fields=["notes"])
        session.topics.update(covered=False)
        session.topics.filter(lesson_key__in=covered).update(covered=True)
    return session
