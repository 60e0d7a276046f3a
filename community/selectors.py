"""Reads of community sessions. Staff-visible lists start from a ``…_readable_by(user)`` selector:
managers and trainers read every session of their centres; a référent reads the sessions they host
and, of the centre's learners, only those who came to one of them."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.utils import timezone
from wagtail.models import Locale

from centres.constants import Role
from centres.models import Membership
from centres.selectors import centres_readable_by
from core.languages import content_language_shown
from courses.constants import ProgressStatus
from courses.models import Competence, CoursePage, LessonPage, LessonProgress
from courses.selectors import completed_lesson_keys

from .constants import CENTRE_WIDE_ROLES, HOST_ROLES, REFERENT_COURSE_SLUG, RegistrationStatus
from .models import CheckIn, CommunitySession, Notice, Registration, SessionTopic, SkillSignOff

# --- Scoping: what a host or a member of staff may read ---------------------------------------------


def host_centres(user):
    """The centres where ``user`` may plan sessions (référent, trainer or manager)."""
    return centres_readable_by(user, roles=HOST_ROLES)


def sessions_readable_by(user):
    """Every session of the centres ``user`` trains at or manages, and the sessions they host where they
    are a référent."""
    if not user.is_authenticated:
        return CommunitySession.objects.none()
    centre_wide = centres_readable_by(user, roles=CENTRE_WIDE_ROLES)
    own = Q(host=user, centre__in=centres_readable_by(user, roles=(Role.REFERENT,)))
    return CommunitySession.objects.filter(Q(centre__in=centre_wide) | own)


def sessions_editable_by(user):
    """The sessions ``user`` may change, cancel and check people in to: their own (while they still hold
    a host role at the centre), and every session of a centre they train at or manage."""
    return sessions_readable_by(user)


def attendees_readable_by(user):
    """The learners whose progress ``user`` may read: for a référent, those checked in at one of their
    sessions (still learners of that centre); for a trainer or manager, every learner of their centres."""
    users = get_user_model().objects
    if not user.is_authenticated:
        return users.none()
    staff_centres = centres_readable_by(user, roles=CENTRE_WIDE_ROLES)
    came = CheckIn.objects.filter(session__host=user, session__centre__in=host_centres(user))
    learners = Membership.objects.filter(role=Role.LEARNER).filter(
        Q(centre__in=staff_centres) | Q(user__in=came.values("learner_id"), centre__in=came.values("session__centre"))
    )
    return users.filter(pk__in=learners.values("user_id"))


def centre_learners(*, centre):
    """The active learners of ``centre`` (walk-ins are picked from them)."""
    memberships = Membership.objects.filter(centre=centre, role=Role.LEARNER, user__is_active=True)
    return get_user_model().objects.filter(pk__in=memberships.values("user_id")).select_related("learner_profile")


def referents_of(*, centre):
    return get_user_model().objects.filter(
        memberships__centre=centre, memberships__role=Role.REFERENT
    ).order_by("display_name", "username")


# --- Learners' side ---------------------------------------------------------------------------------


def learner_centres(learner):
    return centres_readable_by(learner, roles=(Role.LEARNER,))


def upcoming_for_learner(*, learner, language="", lesson_key=None):
    """The sessions of the learner's centres still to come (not cancelled), optionally spoken in
    ``language`` or covering the lesson ``lesson_key``; soonest first."""
    sessions = CommunitySession.objects.filter(
        centre__in=learner_centres(learner), cancelled_at__isnull=True, starts_at__gt=timezone.now()
    )
    if language:
        sessions = sessions.filter(languages__contains=f",{language},")
    if lesson_key:
        sessions = sessions.filter(topics__lesson_key=lesson_key)
    return sessions.select_related("host", "centre").order_by("starts_at")


def registrations_of(*, learner, sessions):
    """{session id: registration} of the learner in these sessions (cancelled ones included)."""
    rows = Registration.objects.filter(learner=learner, session__in=[s.pk for s in sessions])
    return {row.session_id: row for row in rows}


def session_for_learner(*, learner, session_id):
    """A session of one of the learner's centres, or None (a session elsewhere is never found)."""
    return CommunitySession.objects.filter(pk=session_id, centre__in=learner_centres(learner)).first()


def waiting_position(*, registration):
    """1 for the first learner waiting, and so on."""
    ahead = Registration.objects.filter(
        session_id=registration.session_id, status=RegistrationStatus.WAITING, position__lt=registration.position
    ).count()
    return ahead + 1


# --- Topics, in the language shown ------------------------------------------------------------------


def lessons_by_key(keys):
    """{translation key: lesson page} for these lessons, each in the language shown if translated,
    else in the default language."""
    keys = set(keys)
    if not keys:
        return {}
    shown = content_language_shown()
    default = Locale.get_default().language_code
    pages = LessonPage.objects.live().filter(translation_key__in=keys, locale__language_code__in={shown, default})
    chosen = {}
    for page in pages.select_related("locale").defer_streamfields():
        if page.translation_key not in chosen or page.locale.language_code == shown:
            chosen[page.translation_key] = page
    return chosen


def topics_by_session(sessions):
    """{session id: [lesson pages]} for these sessions, in the language shown."""
    topics = list(SessionTopic.objects.filter(session__in=[s.pk for s in sessions]))
    lessons = lessons_by_key(t.lesson_key for t in topics)
    by_session = defaultdict(list)
    for topic in topics:
        if topic.lesson_key in lessons:
            by_session[topic.session_id].append(lessons[topic.lesson_key])
    return by_session


def topic_choices():
    """(translation key, title) of every live lesson, in the language shown, in tree order."""
    default = Locale.get_default()
    lessons = LessonPage.objects.live().filter(locale=default).defer_streamfields().order_by("path")
    shown = lessons_by_key([lesson.translation_key for lesson in lessons])
    return [(str(lesson.translation_key), shown.get(lesson.translation_key, lesson).title) for lesson in lessons]


# --- One session, staff side ------------------------------------------------------------------------


def session_people(*, session):
    """The registered learners (seat holders first, then the waiting list) and who was checked in."""
    registrations = list(
        Registration.objects.filter(session=session).exclude(status=RegistrationStatus.CANCELLED)
        .select_related("learner__learner_profile").order_by("status", "position", "created_at")
    )
    check_ins = {c.learner_id: c for c in CheckIn.objects.filter(session=session).select_related("learner")}
    return registrations, check_ins


def session_competences():
    return Competence.objects.order_by("code")


def sign_offs_of_session(*, session):
    return SkillSignOff.objects.filter(session=session).select_related("learner", "competence").order_by("created_at")


# --- Lists and hours --------------------------------------------------------------------------------


def sessions_listed(queryset):
    """Sessions with their host and the number of people checked in."""
    return queryset.select_related("host", "centre").annotate(attended=Count("check_ins", distinct=True))


def hours_by_host(*, centre):
    """[(host, sessions held, hours given, attendees)] at ``centre``: past sessions not cancelled."""
    held = CommunitySession.objects.filter(centre=centre, cancelled_at__isnull=True, starts_at__lte=timezone.now())
    rows = held.values("host").annotate(
        sessions=Count("pk", distinct=True), minutes=Sum("duration_minutes"),
    ).order_by()
    attendees = dict(held.values("host").annotate(n=Count("check_ins")).values_list("host", "n").order_by())
    hosts = get_user_model().objects.in_bulk([row["host"] for row in rows])
    table = [
        (hosts[row["host"]], row["sessions"], round((row["minutes"] or 0) / 60, 1), attendees.get(row["host"], 0))
        for row in rows
    ]
    return sorted(table, key=lambda item: item[0].shown_name.lower())


def hours_given(sessions):
    """Hours of the past, not cancelled sessions among ``sessions``."""
    now = timezone.now()
    minutes = sum(s.duration_minutes for s in sessions if s.starts_at <= now and not s.is_cancelled)
    return round(minutes / 60, 1)


# --- A learner's own records ------------------------------------------------------------------------


def sign_offs_of_learner(*, learner):
    return SkillSignOff.objects.filter(learner=learner).select_related("competence", "session", "signed_by").order_by(
        "-created_at"
    )


def notices_unshown(*, learner):
    return Notice.objects.filter(learner=learner, shown_at__isnull=True).select_related("session").order_by(
        "created_at"
    )


# --- Becoming a référent ----------------------------------------------------------------------------


def referent_course_lesson_keys():
    """The translation keys of the live lessons of « Devenir référent » (any language)."""
    courses = list(CoursePage.objects.live().filter(slug=REFERENT_COURSE_SLUG).only("path", "depth"))
    if not courses:
        return set()
    paths = Q()
    for course in courses:
        paths |= Q(path__startswith=course.path, depth=course.depth + 1)
    return set(LessonPage.objects.live().filter(paths).values_list("translation_key", flat=True))


def referent_course_completed(*, learner) -> bool:
    keys = referent_course_lesson_keys()
    return bool(keys) and completed_lesson_keys(learner=learner, lesson_keys=keys) == keys


def referent_candidates(*, centre):
    """The learners of ``centre`` who completed « Devenir référent » and are not référents there yet."""
    keys = referent_course_lesson_keys()
    if not keys:
        return []
    learners = centre_learners(centre=centre).exclude(pk__in=referents_of(centre=centre).values("pk"))
    done = LessonProgress.objects.filter(
        lesson_key__in=keys, status=ProgressStatus.COMPLETED, learner__in=learners
    ).values("learner").annotate(n=Count("lesson_key", distinct=True)).filter(n=len(keys)).values("learner")
    return list(learners.filter(pk__in=done).order_by("display_name"))


def centre_people(*, centre):
    """Everyone with a membership of ``centre`` (for the manager's référent pages)."""
    return get_user_model().objects.filter(memberships__centre=centre).distinct()


def competences_signed_off_for(learner, competence_ids):
    """The competences, among ``competence_ids``, a référent signed off for ``learner`` (any session)."""
    return set(SkillSignOff.objects.filter(learner=learner, competence_id__in=competence_ids)
               .values_list("competence_id", flat=True))


# --- For the centre's dashboards and funders' report --------------------------------------------------


def session_figures(*, centres, starts_at, ends_before) -> dict:
    """Sessions held at ``centres`` in the period (started, not cancelled): how many, the people checked in
    (each counted once) and check-ins in all, the hosts who ran them and the hours they gave."""
    held = CommunitySession.objects.filter(centre__in=centres, cancelled_at__isnull=True, starts_at__gte=starts_at,
                                           starts_at__lt=min(ends_before, timezone.now()))
    totals = held.aggregate(sessions=Count("pk"), minutes=Sum("duration_minutes"), hosts=Count("host", distinct=True))
    check_ins = CheckIn.objects.filter(session__in=held)
    return {
        "sessions": totals["sessions"], "attendees": check_ins.values("learner").distinct().count(),
        "check_ins": check_ins.count(), "referents": totals["hosts"],
        "referent_hours": round((totals["minutes"] or 0) / 60, 1),
    }


def learner_community_activity(*, learner, centre) -> dict:
    """The sessions of ``centre`` a learner came to, and the skills signed off for them there."""
    attended = CheckIn.objects.filter(learner=learner, session__centre=centre).select_related(
        "session", "session__host")
    return {
        "sessions": [check_in.session for check_in in attended.order_by("-session__starts_at")],
        "sign_offs": list(sign_offs_of_learner(learner=learner).filter(session__centre=centre)),
    }
