"""Reads of the lesson path. Every function runs a fixed number of queries, whatever the
number of courses, lessons or steps.

A learner's records are keyed on the lesson or course in all its languages (``translation_key``)
and steps on their block id: whatever language a page is shown in, it shows the same progress.
Selectors take the pages they describe (the page models know their tree, see ``courses.models``)
and import no page class, so the pages can call them."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Subquery
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.content_version import cached_for_content

from .constants import SCORED_STEP_KINDS, SCORED_WHEN_REQUIRED_STEP_KINDS, TRIES_PER_STEP, ProgressStatus
from .records import Answer, AnswerRetry, Enrolment, LessonProgress
from .utterances import lesson_utterances, plain_text, text_hash
from .voices import StepRecording, Voice

PARENT_PATH_LENGTH = Page.steplen


@dataclass
class LessonRow:
    lesson: Page
    status: str = ProgressStatus.NOT_STARTED
    best_score: float | None = None


@dataclass
class CourseRow:
    course: Page
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


# --- Lists of courses and lessons ----------------------------------------------------------------


def lesson_status_by_key(*, learner, lessons) -> dict:
    """{lesson translation key: (status, best score)} of the learner's progress in these lessons."""
    if not learner.is_authenticated or not lessons:
        return {}
    progress = LessonProgress.objects.filter(
        learner=learner, lesson_key__in={lesson.translation_key for lesson in lessons}
    ).only("lesson_key", "status", "best_score")
    return {p.lesson_key: (p.status, p.best_score) for p in progress}


def enrolled_course_keys(*, learner, courses=None) -> set:
    """The translation keys of the courses the learner started (among ``courses`` if given)."""
    if not learner.is_authenticated:
        return set()
    enrolments = Enrolment.objects.filter(learner=learner)
    if courses is not None:
        enrolments = enrolments.filter(course_key__in={course.translation_key for course in courses})
    return set(enrolments.values_list("course_key", flat=True))


def lesson_rows(*, lessons, learner) -> list[LessonRow]:
    lessons = list(lessons)
    status = lesson_status_by_key(learner=learner, lessons=lessons)
    return [
        LessonRow(lesson, *status.get(lesson.translation_key, (ProgressStatus.NOT_STARTED, None)))
        for lesson in lessons
    ]


def course_rows(*, courses, lessons, learner, other_language=()) -> list[CourseRow]:
    """One row per course with its lessons and the learner's status in each; ``other_language`` are
    courses shown in another language. ``lessons``: any lessons under the courses, in tree order, or
    {course path: [lessons]} when a course also shows lessons of another tree (a half translation)."""
    by_course = defaultdict(list)
    if isinstance(lessons, dict):
        rows = iter(lesson_rows(lessons=[lesson for group in lessons.values() for lesson in group], learner=learner))
        for path, group in lessons.items():
            by_course[path] = [next(rows) for _lesson in group]
    else:
        for row in lesson_rows(lessons=lessons, learner=learner):
            by_course[row.lesson.path[:-PARENT_PATH_LENGTH]].append(row)
    enrolled = enrolled_course_keys(learner=learner, courses=courses) if courses else set()
    other = {course.pk for course in other_language}
    return [
        CourseRow(course, by_course[course.path], course.translation_key in enrolled, course.pk in other)
        for course in courses
    ]


# --- One lesson ----------------------------------------------------------------------------------


def lesson_step_ids(lesson, kinds=None) -> list[str]:
    """The block ids of a lesson's steps (of these kinds), read without loading their images."""
    return [
        str(item.get("id")) for item in lesson.steps.raw_data if kinds is None or item.get("type") in kinds
    ]


def _counts_in_score(item) -> bool:
    kind = item.get("type")
    if kind in SCORED_WHEN_REQUIRED_STEP_KINDS:
        return bool((item.get("value") or {}).get("required", True))
    return kind in SCORED_STEP_KINDS


def lesson_scored_step_ids(lesson) -> list[str]:
    """The block ids of the steps that count in the lesson's score: questions, and activities whose
    result comes from elsewhere (H5P) when the trainer marked them required."""
    return [str(item.get("id")) for item in lesson.steps.raw_data if _counts_in_score(item)]


def step_counts_in_score(step) -> bool:
    """Whether this step (a bound block of ``lesson.steps``) counts in the lesson's score."""
    return _counts_in_score({"type": step.block_type, "value": step.value})


def enrolment_exists(*, learner, course) -> bool:
    return learner.is_authenticated and Enrolment.objects.filter(
        learner=learner, course_key=course.translation_key
    ).exists()


def lesson_enrolment_exists(*, learner, lesson) -> bool:
    """Whether the learner started the course of this lesson, in any language (one query, without
    loading the course)."""
    if not learner.is_authenticated:
        return False
    course_key = Page.objects.filter(path=lesson.path[:-PARENT_PATH_LENGTH]).values("translation_key")[:1]
    return Enrolment.objects.filter(learner=learner, course_key=Subquery(course_key)).exists()


def lesson_course_link(*, lesson):
    """(title, url) of the course a lesson belongs to (URLs differ by interface language)."""

    def compute():
        course = lesson.get_parent()
        return {"title": course.title, "url": course.url}

    return cached_for_content(f"lesson-course:{lesson.pk}:{get_language()}", compute)


def lesson_next_link(*, lesson):
    """(title, url) of the next published lesson of the same course; empty after the last one."""

    def next_of(page):
        return page.get_next_siblings().live().public().filter(content_type_id=lesson.content_type_id).first()

    def compute():
        following = next_of(lesson)
        if following is None and lesson.locale_id != Locale.get_default().pk:
            # A lesson of a course half translated: the next one in the default language.
            source = lesson.get_translation_or_none(Locale.get_default())
            following = next_of(source) if source is not None else None
        return {"title": following.title, "url": following.url} if following else {}  # {} is cached, None is not

    return cached_for_content(f"lesson-next:{lesson.pk}:{get_language()}", compute)


def locale_language_code(locale_id) -> str:
    """The language code of a Wagtail locale (remembered: no query per page)."""
    return cached_for_content(f"locale-code:{locale_id}", lambda: Locale.objects.get(pk=locale_id).language_code)


def default_locale_id() -> int:
    """The default language's locale (French), remembered: no query per page."""
    return cached_for_content("default-locale", lambda: Locale.get_default().pk)


def lesson_translation_ids(*, lesson) -> dict:
    """{language code: page id} of the live translations of a lesson, itself included (remembered
    until the content changes: no query on the lesson page)."""

    def compute():
        pages = lesson.get_translations(inclusive=True).live().values_list("locale__language_code", "pk")
        return dict(pages)

    return cached_for_content(f"lesson-translations:{lesson.pk}", compute)


def step_languages(*, lesson, preferred) -> list[str]:
    """The languages « my language » offers on this lesson's steps: the learner's content languages
    (``preferred``, in her order) that the lesson is translated into, other than its own."""
    own = locale_language_code(lesson.locale_id)
    translations = lesson_translation_ids(lesson=lesson)
    return [code for code in preferred if code != own and code in translations]


def lesson_translation_get(*, lesson, language):
    """The live translation of a lesson into ``language`` (the lesson itself for its own), or None."""
    page_id = lesson_translation_ids(lesson=lesson).get(language)
    if page_id is None:
        return None
    return type(lesson).objects.live().filter(pk=page_id).first()


def lesson_progress_get(*, learner, lesson):
    return LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).first()


def attempt_answers(*, progress):
    """The steps answered in the learner's current attempt, in any language, by step id: whether the
    first try was right (what the score counts), and whether the step is done (right at some try, or
    no try left)."""
    if progress is None:
        return {}
    answers = Answer.objects.filter(
        learner_id=progress.learner_id, lesson_key=progress.lesson_key, attempt=progress.attempt
    ).annotate(
        later_tries=Count("retries"), later_right=Exists(AnswerRetry.objects.filter(answer=OuterRef("pk"),
                                                                                  is_correct=True)),
    ).only("step_id", "step_kind", "is_correct")
    return {str(a.step_id): {"first": a.is_correct, "done": a.is_correct or a.later_right or _no_try_left(a)}
            for a in answers}


def _no_try_left(answer):
    allowed = TRIES_PER_STEP.get(answer.step_kind, 1)
    return allowed is not None and 1 + answer.later_tries >= allowed


def attempt_score(*, progress, lesson) -> float:
    """Share of the scored questions *of this page* answered right (first answer) in this attempt,
    whichever language they were answered in. Answers to steps this page does not have (a
    translation with fewer steps) do not count here."""
    scored = lesson_scored_step_ids(lesson)
    if not scored:
        return 1.0
    right = Answer.objects.filter(
        learner_id=progress.learner_id, lesson_key=progress.lesson_key, attempt=progress.attempt,
        counts_in_score=True, is_correct=True, step_id__in=scored,
    ).count()
    return min(right / len(scored), 1.0)


def resume_step_index(*, progress, lesson) -> int:
    """Where the player opens this page: at the step the learner last looked at, in whatever
    language; if this translation lacks that step, at its first step not seen yet (else its last)."""
    step_ids = lesson_step_ids(lesson)
    if progress is None or progress.current_step_id is None or not step_ids:
        return 0
    current = str(progress.current_step_id)
    if current in step_ids:
        return step_ids.index(current)
    seen = set(progress.seen_steps)
    return next((i for i, step_id in enumerate(step_ids) if step_id not in seen), len(step_ids) - 1)


def player_state(*, progress, lesson) -> dict:
    """What the lesson player starts from (sent to the page as JSON)."""
    return {
        "current": resume_step_index(progress=progress, lesson=lesson),
        "answered": attempt_answers(progress=progress),
        "completed": bool(progress and progress.completed_at),
    }


def completed_lesson_keys(*, learner, lesson_keys) -> set:
    """Which of these lessons (translation keys) the learner completed, in any language."""
    return set(
        LessonProgress.objects.filter(
            learner=learner, lesson_key__in=lesson_keys, status=ProgressStatus.COMPLETED
        ).values_list("lesson_key", flat=True)
    )


def course_keys_followed(*, learner):
    """The translation keys of the courses a learner started, as a subquery."""
    return Enrolment.objects.filter(learner=learner).values("course_key")



# --- Translations ---------------------------------------------------------------------------------

TRANSLATED_PAGE_MODELS = ("coursepage", "lessonpage")


def translatable_pages_editable_by(user):
    """The courses and lessons of the default language (French) that ``user`` may edit, in tree order
    (a course, then its lessons): what their translations report shows them. Nobody's for a learner,
    a référent or a stranger (no page permission); the catalogues' for a trainer or a manager."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        Page.objects.filter(pk__in=editable.values("pk"), locale_id=Locale.get_default().pk,
                            content_type__app_label="courses", content_type__model__in=TRANSLATED_PAGE_MODELS)
        .order_by("path").specific()
    )
# --- Voices (courses.voices) ----------------------------------------------------------------------


@dataclass(frozen=True)
class VoiceShown:
    """A voice as the player plays it: its URL and whether a machine made it (marked as such)."""

    url: str
    synthetic: bool


def _best_voices(hashes, language) -> dict:
    """{text hash: VoiceShown}: a recording when there is one (the latest), else the synthetic voice."""
    best = {}
    voices = Voice.objects.filter(language=language, text_hash__in=set(hashes)).order_by("kind", "-created_at")
    for voice in voices.only("text_hash", "kind", "audio"):  # "recorded" sorts before "synthetic"
        best.setdefault(voice.text_hash, VoiceShown(url=voice.audio.url, synthetic=voice.is_synthetic))
    return best


def voice_urls(texts, language) -> dict:
    """{text: URL of its voice in ``language``} for the texts that have one (recorded first, else
    synthetic); one query, whatever the number of texts. Texts without a voice are left out:
    ``services.voices_request`` asks the worker for them."""
    by_hash = {text_hash(text): text for text in texts if plain_text(text)}
    return {by_hash[key]: shown.url for key, shown in _best_voices(by_hash, language).items()}


def lesson_voices(lesson, language) -> dict:
    """{step id: {part: VoiceShown}} of a lesson's steps in ``language`` (one query)."""
    utterances = lesson_utterances(lesson)
    best = _best_voices([utterance.text_hash for utterance in utterances], language)
    found = defaultdict(dict)
    for utterance in utterances:
        if utterance.text_hash in best:
            found[utterance.step_id][utterance.part] = best[utterance.text_hash]
    return dict(found)


def lesson_recordings(*, lesson_key) -> list:
    """The trainers' recordings of a lesson's steps, in every language, with their voices."""
    return list(StepRecording.objects.filter(lesson_key=lesson_key).select_related("voice", "recorded_by"))
