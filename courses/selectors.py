"""Reads of the lesson path. Every function runs a fixed number of queries, whatever the
number of courses, lessons or steps."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from core.content_version import cached_for_content

from .constants import COVER_IMAGE_WIDTHS, STEP_IMAGE_FORMATS, ProgressStatus
from .models import Answer, CoursePage, Enrolment, LessonPage, LessonProgress

PARENT_PATH_LENGTH = Page.steplen


@dataclass
class LessonRow:
    lesson: LessonPage
    status: str = ProgressStatus.NOT_STARTED
    best_score: float | None = None


@dataclass
class CourseRow:
    course: CoursePage
    lessons: list = field(default_factory=list)
    is_enrolled: bool = False
    other_language: bool = False

    @property
    def completed_count(self):
        return sum(1 for row in self.lessons if row.status == ProgressStatus.COMPLETED)

    @property
    def percent(self):
        return round(100 * self.completed_count / len(self.lessons)) if self.lessons else 0

    @property
    def next_lesson(self):
        pending = [row for row in self.lessons if row.status != ProgressStatus.COMPLETED]
        return (pending or self.lessons or [None])[0]


def cover_renditions_prefetch():
    Rendition = get_image_model().get_rendition_model()
    specs = [f"width-{w}|format-{f}" for w in COVER_IMAGE_WIDTHS for f in STEP_IMAGE_FORMATS]
    return Prefetch(
        "cover__renditions", queryset=Rendition.objects.filter(filter_spec__in=specs)
    )


def _courses_with_covers(queryset):
    return list(
        queryset.live().public().select_related("cover", "locale").prefetch_related(cover_renditions_prefetch())
        .order_by("path")
    )


def _lesson_rows(course_paths, learner):
    """Lessons under the given course paths, grouped by course path, with the learner's status."""
    rows = defaultdict(list)
    if not course_paths:
        return rows
    depth = len(next(iter(course_paths))) // PARENT_PATH_LENGTH + 1
    lessons = LessonPage.objects.live().filter(depth=depth).order_by("path")
    under_courses = reduce(or_, (Q(path__startswith=path) for path in course_paths))
    lessons = lessons.filter(under_courses).defer_streamfields()
    status = _status_by_lesson(learner, lessons)
    for lesson in lessons:
        state = status.get(lesson.pk, (ProgressStatus.NOT_STARTED, None))
        rows[lesson.path[:-PARENT_PATH_LENGTH]].append(LessonRow(lesson, *state))
    return rows


def _status_by_lesson(learner, lessons):
    if not learner.is_authenticated:
        return {}
    progress = LessonProgress.objects.filter(learner=learner, lesson__in=lessons)
    return {p.lesson_id: (p.status, p.best_score) for p in progress.only("lesson_id", "status", "best_score")}


def _course_rows(courses, learner, *, other_language=frozenset()):
    lesson_rows = _lesson_rows({c.path for c in courses}, learner)
    enrolled = set()
    if learner.is_authenticated:
        enrolled = set(
            Enrolment.objects.filter(learner=learner, course__in=courses).values_list("course_id", flat=True)
        )
    return [
        CourseRow(c, lesson_rows[c.path], c.pk in enrolled, c.pk in other_language) for c in courses
    ]


def catalogue_course_list(*, catalogue, learner):
    """The courses of a catalogue in its language; courses not yet translated into it are
    listed in the default language, marked as such."""
    courses = _courses_with_covers(CoursePage.objects.child_of(catalogue))
    fallback = []
    default_locale = Locale.get_default()
    if catalogue.locale_id != default_locale.pk:
        source = catalogue.get_translation_or_none(default_locale)
        if source is not None:
            translated = {c.translation_key for c in courses}
            fallback = [
                c for c in _courses_with_covers(CoursePage.objects.child_of(source))
                if c.translation_key not in translated
            ]
    return _course_rows(courses + fallback, learner, other_language={c.pk for c in fallback})


def course_lesson_list(*, course, learner):
    return _lesson_rows({course.path}, learner)[course.path]


def enrolment_exists(*, learner, course) -> bool:
    return learner.is_authenticated and Enrolment.objects.filter(learner=learner, course=course).exists()


def lesson_enrolment_exists(*, learner, lesson) -> bool:
    """Whether the learner started the course this lesson belongs to (without loading the course)."""
    course_path = lesson.path[:-PARENT_PATH_LENGTH]
    return learner.is_authenticated and Enrolment.objects.filter(learner=learner, course__path=course_path).exists()


def my_path_course_list(*, learner):
    """« Mon parcours »: the courses a learner follows, with how far they are."""
    course_ids = Enrolment.objects.filter(learner=learner).values("course_id")
    courses = _courses_with_covers(CoursePage.objects.filter(pk__in=course_ids))
    return _course_rows(courses, learner)


def lesson_course_link(*, lesson):
    """(title, url) of the course a lesson belongs to."""

    def compute():
        course = lesson.get_parent()
        return {"title": course.title, "url": course.url}

    return cached_for_content(f"lesson-course:{lesson.pk}", compute)


def lesson_progress_get(*, learner, lesson):
    return LessonProgress.objects.filter(learner=learner, lesson=lesson).first()


def attempt_answers(*, progress):
    """The answers of the learner's current attempt, by step id."""
    if progress is None:
        return {}
    answers = Answer.objects.filter(
        learner_id=progress.learner_id, lesson_id=progress.lesson_id, attempt=progress.attempt
    ).only("step_id", "is_correct")
    return {str(a.step_id): a.is_correct for a in answers}
