"""Reads for a centre's dashboards: its learners with their progress, one learner, the cohort matrix and
the questions most often answered wrong.

Every function runs a fixed number of queries whatever the number of learners: per-learner figures are
correlated subqueries of one SQL statement, and pages of learners are read with their progress in one
more query. The centre itself comes from ``centres.permissions.staffed_centre_or_403`` (the views' gate),
and a single learner from ``centres.selectors.learners_readable_by``."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Locale

from centres.constants import Role
from centres.models import Membership
from centres.selectors import learners_readable_by
from certification.models import Certificate
from courses.constants import DEFAULT_PASS_MARK, ProgressStatus
from courses.models import CoursePage, LessonPage, lessons_under
from courses.records import Answer, Enrolment, LessonProgress

from .constants import CELL_SYMBOLS, INACTIVE_DAYS, MISSED_QUESTIONS_SHOWN, CellStatus
from .models import Network

# --- The catalogue, as the dashboards show it -------------------------------------------------------


def catalogue_courses():
    """The live courses in the site's first language, in catalogue order (their keys name them in
    every language)."""
    return list(CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path").defer_streamfields())


def catalogue_lessons(courses):
    return list(lessons_under(courses)) if courses else []


# --- Struggling: what the progress records can tell -------------------------------------------------


def struggling_q(prefix=""):
    """Progress rows of a learner who finished an attempt below the pass mark and started again without
    passing. ``LessonProgress`` keeps the best score of finished attempts and the attempt number, not
    each attempt's score: « two attempts below the pass mark » is read as the best finished score below
    it while on a second attempt or later."""
    return (
        ~Q(**{f"{prefix}status": ProgressStatus.COMPLETED})
        & Q(**{f"{prefix}attempt__gte": 2, f"{prefix}best_score__isnull": False})
        & Q(**{f"{prefix}score_percent__lt": F(f"{prefix}pass_mark")})
    )


def _progress_with_pass_mark(queryset):
    return queryset.annotate(
        score_percent=ExpressionWrapper(F("best_score") * 100, output_field=FloatField()),
        pass_mark=Coalesce(F("lesson__pass_mark"), Value(DEFAULT_PASS_MARK), output_field=IntegerField()),
    )


def cell_status(progress, pass_mark) -> str:
    if progress is None:
        return CellStatus.NOT_STARTED
    if progress.status == ProgressStatus.COMPLETED:
        return CellStatus.COMPLETED
    if progress.attempt >= 2 and progress.best_score is not None and progress.best_score * 100 < pass_mark:
        return CellStatus.STRUGGLING
    return CellStatus.IN_PROGRESS


# --- The learners of a centre -------------------------------------------------------------------------


def _centre_learner_memberships(centre):
    return Membership.objects.filter(centre=centre, role=Role.LEARNER)


def centre_learner_rows(*, centre):
    """The learners of ``centre``, each with: cohort name, lessons completed and started, time spent,
    last activity, whether they hold a valid certificate, struggle on a lesson or are locked out. A
    queryset the list filters, sorts and pages (one SQL statement)."""
    progress = LessonProgress.objects.filter(learner=OuterRef("pk"))
    membership = _centre_learner_memberships(centre).filter(user=OuterRef("pk"))
    struggling = _progress_with_pass_mark(LessonProgress.objects.filter(learner=OuterRef("pk"))).filter(
        struggling_q()
    )
    return (
        get_user_model().objects.filter(pk__in=_centre_learner_memberships(centre).values("user_id"))
        .select_related("learner_profile", "sign_in_lock")
        .annotate(
            cohort_id=Subquery(membership.values("cohort_id")[:1]),
            cohort_name=Subquery(membership.values("cohort__name")[:1]),
            confirmed=Subquery(membership.values("confirmed")[:1]),
            lessons_completed=_count_of(progress.filter(status=ProgressStatus.COMPLETED)),
            lessons_started=_count_of(progress),
            seconds_spent=Coalesce(
                Subquery(progress.values("learner").annotate(total=Sum("time_spent_seconds")).values("total")[:1]),
                Value(0),
            ),
            last_active=Subquery(progress.order_by("-updated_at").values("updated_at")[:1]),
            is_certified=Exists(Certificate.objects.filter(learner=OuterRef("pk"), revoked_at__isnull=True)),
            is_struggling=Exists(struggling),
        )
    )


def centre_learners(*, centre):
    """The learners of ``centre`` with their cohort id, and nothing more (for the matrix)."""
    membership = _centre_learner_memberships(centre).filter(user=OuterRef("pk"))
    return get_user_model().objects.filter(
        pk__in=_centre_learner_memberships(centre).values("user_id")
    ).annotate(cohort_id=Subquery(membership.values("cohort_id")[:1])).select_related("learner_profile")


def _count_of(queryset):
    counted = queryset.order_by().values("learner").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def inactive_since():
    return timezone.now() - timedelta(days=INACTIVE_DAYS)


def inactive_q():
    """Learners with no lesson activity for ``INACTIVE_DAYS`` days (never active included)."""
    return Q(last_active__lt=inactive_since()) | Q(last_active__isnull=True)


def locked_q():
    return Q(sign_in_lock__locked_until__gt=timezone.now())


def enrolled_in_q(course_key):
    return Q(pk__in=Enrolment.objects.filter(course_key=course_key).values("learner_id"))


# --- One learner ----------------------------------------------------------------------------------------


@dataclass
class LessonLine:
    lesson: LessonPage
    status: str
    progress: LessonProgress | None = None

    @property
    def symbol(self):
        return CELL_SYMBOLS[self.status]


@dataclass
class CourseBlock:
    course: CoursePage
    lines: list = field(default_factory=list)
    enrolled: bool = False

    @property
    def completed(self):
        return sum(1 for line in self.lines if line.status == CellStatus.COMPLETED)


def centre_learner_get(*, user, centre, learner_id):
    """A learner of ``centre`` that ``user`` may read, or None (another centre's learner included)."""
    readable = learners_readable_by(user).filter(
        pk=learner_id, memberships__centre=centre, memberships__role=Role.LEARNER
    )
    return readable.select_related("learner_profile", "sign_in_lock").first()


def learner_courses(*, learner) -> list[CourseBlock]:
    """Every course of the catalogue with the learner's status in each lesson (three queries)."""
    courses = catalogue_courses()
    lessons = catalogue_lessons(courses)
    progress = {p.lesson_key: p for p in LessonProgress.objects.filter(learner=learner)}
    enrolled = set(Enrolment.objects.filter(learner=learner).values_list("course_key", flat=True))
    blocks = {course.path: CourseBlock(course, enrolled=course.translation_key in enrolled) for course in courses}
    for lesson in lessons:
        row = progress.get(lesson.translation_key)
        block = blocks.get(lesson.path[: -LessonPage.steplen])
        if block is not None:
            block.lines.append(LessonLine(lesson, cell_status(row, lesson.pass_mark), row))
    return [block for block in blocks.values() if block.enrolled or any(line.progress for line in block.lines)]


def learner_certificates(*, learner):
    return list(Certificate.objects.filter(learner=learner).order_by("-issued_at"))


# --- Questions answered wrong ---------------------------------------------------------------------------


@dataclass
class MissedQuestion:
    lesson: LessonPage | None
    prompt: str
    wrong: int
    answered: int

    @property
    def wrong_percent(self):
        return round(100 * self.wrong / self.answered) if self.answered else 0


def _prompts_of(lesson_keys) -> tuple[dict, dict]:
    lessons = {
        lesson.translation_key: lesson
        for lesson in LessonPage.objects.filter(translation_key__in=lesson_keys, locale=Locale.get_default())
    }
    prompts = {}
    for key, lesson in lessons.items():
        for item in lesson.steps.raw_data:
            prompt = (item.get("value") or {}).get("prompt") or (item.get("value") or {}).get("instruction")
            if prompt:
                prompts[(key, str(item.get("id")))] = strip_tags(prompt).strip()
    return lessons, prompts


def missed_questions(*, answers, limit=MISSED_QUESTIONS_SHOWN) -> list[MissedQuestion]:
    """The questions most often answered wrong among ``answers`` (a queryset of Answer), with how many
    answers they had: first answers of each attempt only, as graded by the server."""
    counted = (
        answers.order_by().values("lesson_key", "step_id")
        .annotate(wrong=Count("pk", filter=Q(is_correct=False)), answered=Count("pk"))
        .filter(wrong__gt=0).order_by("-wrong", "lesson_key", "step_id")[:limit]
    )
    counted = list(counted)
    lessons, prompts = _prompts_of({row["lesson_key"] for row in counted})
    return [
        MissedQuestion(
            lesson=lessons.get(row["lesson_key"]),
            prompt=prompts.get((row["lesson_key"], str(row["step_id"])), ""),
            wrong=row["wrong"], answered=row["answered"],
        )
        for row in counted
    ]


def centre_answers(*, centre):
    return Answer.objects.filter(learner__in=_centre_learner_memberships(centre).values("user_id"))


# --- The cohort matrix -----------------------------------------------------------------------------------


@dataclass
class MatrixRow:
    learner: object
    cells: list  # of CellStatus, one per lesson

    def counts(self):
        return Counter(self.cells)


def matrix_rows(*, learners, lessons) -> list[MatrixRow]:
    """One row per learner (a page of them) with their status in each lesson: one query."""
    learners = list(learners)
    keys = [lesson.translation_key for lesson in lessons]
    progress = defaultdict(dict)
    rows = LessonProgress.objects.filter(learner__in=[p.pk for p in learners], lesson_key__in=keys).only(
        "learner_id", "lesson_key", "status", "attempt", "best_score"
    )
    for row in rows:
        progress[row.learner_id][row.lesson_key] = row
    return [
        MatrixRow(person, [cell_status(progress[person.pk].get(lesson.translation_key), lesson.pass_mark)
                           for lesson in lessons])
        for person in learners
    ]


# --- Networks of centres -------------------------------------------------------------------------------


def networks_readable_by(user):
    """The networks ``user`` administers (their pages show figures, never a name of a person)."""
    if not user.is_authenticated:
        return Network.objects.none()
    return Network.objects.filter(administrators=user)
