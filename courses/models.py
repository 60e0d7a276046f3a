"""The course tree (catalogue → course → lesson pages) and the competences lessons build.

Page logic lives here: each page reads its own tree (Wagtail's way) and asks ``courses.selectors``
for the learner's part (a page writes nothing on a GET; the lesson player's posts go to
``courses.views``, which call ``courses.services``). The learner's records (enrolments, progress,
answers) are in ``courses.records``, imported here so that ``courses.models`` names them all."""

import json
from collections import defaultdict

from csp.constants import SELF
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from accounts.selectors import learner_content_languages
from core.languages import content_order
from core.once import once_token

from . import selectors
from .blocks import LessonStepsBlock
from .constants import DEFAULT_PASS_MARK, CourseLevel
from .records import Answer, Enrolment, LessonProgress
from .rendering import cover_renditions_prefetch, lesson_steps_html
from .voices import StepRecording, Voice

__all__ = [
    "Answer", "CatalogueIndexPage", "Competence", "CoursePage", "Enrolment", "LessonPage", "LessonProgress",
    "StepRecording", "Voice",
]


# Page fields Wagtail keeps up to date itself on each save or publication: not what the trainer wrote.
REVISION_BOOKKEEPING_FIELDS = frozenset({
    "latest_revision", "latest_revision_created_at", "live_revision", "first_published_at", "last_published_at",
    "has_unpublished_changes", "live", "locked", "locked_at", "locked_by", "expired", "numchild",
})

# A translation (wagtail-localize) keeps its source's slug: /ar/catalogue/emails/ is the Arabic
# /fr/catalogue/emails/, and the translator has one field less to think about.
KEEP_THE_SLUG = [SynchronizedField("slug", overridable=False)]


def _revision_content(data):
    return {key: value for key, value in data.items() if key not in REVISION_BOOKKEEPING_FIELDS}


class NoEmptyRevisionMixin:
    """Saving a page that is exactly its latest revision makes no new one: a trainer who opens a
    course or a lesson and saves it (or whose editor autosaves) without a change does not find it
    « Published + draft ». Wagtail's edit view makes a revision on every save; this returns the
    latest one instead when the content is the same, so the view's messages and links still work."""

    def save_revision(self, user=None, approved_go_live_at=None, previous_revision=None, **kwargs):
        latest = self.get_latest_revision() if self.pk else None
        if latest is not None and approved_go_live_at is None and previous_revision is None:
            ours = json.loads(json.dumps(self.serializable_data(), cls=DjangoJSONEncoder))
            if _revision_content(ours) == _revision_content(latest.content):
                return latest
        return super().save_revision(
            user=user, approved_go_live_at=approved_go_live_at, previous_revision=previous_revision, **kwargs
        )


class Competence(models.Model):
    """A digital skill (PCIE-style) that lessons teach, questions check and certificates attest."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    domain = models.CharField(_("domain"), max_length=80)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("typical evidence"), blank=True)

    panels = [FieldPanel("code"), FieldPanel("domain"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} — {self.name}"


class InterfaceLanguageUrls:
    """Page URLs keep the interface language of the learner who follows them.

    The URL's prefix is the interface language; the content is the learner's (``courses.routing``).
    Wagtail gives a French page's URL under /fr/: from a page shown with the Dari interface, one tap
    on a French course would bring the interface back to French. Here a default-locale page's URL
    takes the active prefix; pages of another language (an Arabic one, say) keep their own."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        active = get_language()
        default = settings.LANGUAGE_CODE
        if parts is None or parts[2] is None or not active or active == default:
            return parts
        default_prefix = f"/{default}/"
        site_id, root_url, page_path = parts
        if not page_path.startswith(default_prefix):
            return parts
        return site_id, root_url, f"/{active}/{page_path[len(default_prefix):]}"


class AdminPreviewFrame:
    """The admin's preview panel shows the page in a frame of the admin, on the same site. The site's
    policy (``frame-ancestors 'none'``) would refuse it: the preview, and only the preview, may be
    framed by the site itself (Wagtail's view adds ``X-Frame-Options: SAMEORIGIN`` too). Wagtail runs the
    preview through the middleware at the page's own address, so the admin's CSP exclusion does not
    apply to it."""

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        response._csp_replace = {"frame-ancestors": [SELF]}
        return response


class CatalogueIndexPage(AdminPreviewFrame, InterfaceLanguageUrls, Page):
    """The root of a site language: the catalogue of courses."""

    intro = RichTextField(_("introduction"), features=["bold"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    admin_default_ordering = "ord"  # the catalogue's order, as learners see it
    max_count_per_parent = 1
    override_translatable_fields = KEEP_THE_SLUG

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")

    def listed_courses(self):
        """(courses, fallback): the live courses of this catalogue, then those of the default
        language's catalogue not translated into this one yet (shown in that language)."""
        courses = _courses_for_listing(CoursePage.objects.child_of(self))
        default_locale = Locale.get_default()
        source = None if self.locale_id == default_locale.pk else self.get_translation_or_none(default_locale)
        if source is None:
            return courses, []
        translated = {course.translation_key for course in courses}
        fallback = [
            course for course in _courses_for_listing(CoursePage.objects.child_of(source))
            if course.translation_key not in translated
        ]
        return courses, fallback

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses, fallback = self.listed_courses()
        # Courses in another language than the interface's are marked (« In French »).
        shown = courses + fallback
        other = [course for course in shown if course.locale.language_code != get_language()]
        context["courses"] = course_rows(shown, request.user, other_language=other)
        return context


class CoursePage(AdminPreviewFrame, NoEmptyRevisionMixin, InterfaceLanguageUrls, Page):
    """A course such as « Les e-mails »: a cover, a level, the competences it builds, its lessons."""

    summary = models.CharField(_("summary"), max_length=250)
    cover = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("cover image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    level = models.CharField(
        _("level"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BEGINNER
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=30, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    competences = ParentalManyToManyField(Competence, blank=True, verbose_name=_("competences"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"), FieldPanel("cover"), FieldPanel("level"),
        FieldPanel("estimated_minutes"), FieldPanel("competences"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CatalogueIndexPage"]
    subpage_types = ["courses.LessonPage"]
    # The admin lists a course's lessons in their order in the course (the learner's order), not by
    # last edit (Wagtail's default), so a trainer sees and drags them where the learner meets them.
    admin_default_ordering = "ord"
    override_translatable_fields = KEEP_THE_SLUG

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def lesson_rows(self, learner):
        """The live lessons of this course, with the learner's status in each (in any language)."""
        return selectors.lesson_rows(lessons=self.lessons_shown(), learner=learner)

    def lessons_shown(self):
        """This course's lessons; in a translation, also the default language's lessons not translated
        yet, in the order of the source course (a course half translated into Dari shows them all)."""
        return lessons_shown_by_course([self])[self.path]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lesson_rows(request.user)
        context["is_enrolled"] = self.pk is not None and selectors.enrolment_exists(learner=request.user, course=self)
        context["preview"] = getattr(request, "is_preview", False)
        return context

    @classmethod
    def followed_by(cls, learner):
        """« Mon parcours »: the courses the learner started, in catalogue order, each in the
        language shown when it is translated into it (otherwise in the default language, marked)."""
        courses = _courses_for_listing(cls.objects.filter(translation_key__in=selectors.course_keys_followed(
            learner=learner
        )))
        shown, other = _in_language_shown(courses, learner)
        return course_rows(shown, learner, other_language=other)


class LessonPage(AdminPreviewFrame, NoEmptyRevisionMixin, InterfaceLanguageUrls, Page):
    """A short lesson (8–12 minutes): one step per screen, questions graded by the server."""

    summary = models.CharField(_("summary"), max_length=250, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=DEFAULT_PASS_MARK,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    steps = StreamField(LessonStepsBlock(), verbose_name=_("steps"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"), FieldPanel("estimated_minutes"), FieldPanel("pass_mark"),
        FieldPanel("steps"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    override_translatable_fields = KEEP_THE_SLUG

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=100), name="lesson_pass_mark_range"
            )
        ]

    def serve(self, request, *args, **kwargs):
        """A lesson is for signed-in learners who started its course, in any language; nothing is
        written on a GET. The admin preview shows the lesson to its editors."""
        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        progress = selectors.lesson_progress_get(learner=request.user, lesson=self)
        if progress is None and not selectors.lesson_enrolment_exists(learner=request.user, lesson=self):
            messages.info(request, gettext("Press « Start » to begin this course."))
            return redirect(selectors.lesson_course_link(lesson=self)["url"])
        return super().serve(request, *args, progress=progress, **kwargs)

    def get_context(self, request, *args, progress=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context.update({
            "steps_html": lesson_steps_html(self, request),
            "course_link": selectors.lesson_course_link(lesson=self),
            "next_lesson": selectors.lesson_next_link(lesson=self),
            "once": once_token(),
            "progress": progress,
            "player_state": selectors.player_state(progress=progress, lesson=self),
            "preview": preview,
            "preview_answer_url": self.preview_answer_url(request) if preview else "",
            "page_language": selectors.locale_language_code(self.locale_id),
            "step_languages": self.step_languages(request.user),
        })
        return context

    def preview_answer_url(self, request):
        """Where the admin preview posts its answers (``courses.preview``): by the lesson's id, or
        by its course's while the lesson is being created. The editor's own preview (Wagtail marks
        it ``is_editing``) is graded as she typed it; the others, against the latest draft."""
        if self.pk is None:
            return reverse("courses:answer_preview_new", args=[self.get_parent().pk])
        url = reverse("courses:answer_preview", args=[self.pk])
        return url if getattr(request, "is_editing", False) else f"{url}?draft=1"

    def step_languages(self, learner):
        """« My language » on each step: the page's own language, then the learner's content
        languages this lesson is translated into (none: no button). Without a choice made yet, the
        interface language and French stand for the learner's."""
        preferred = learner_content_languages(user=learner) or [get_language(), settings.LANGUAGE_CODE]
        others = selectors.step_languages(lesson=self, preferred=preferred)
        if not others:
            return []
        return [_language_entry(code) for code in [selectors.locale_language_code(self.locale_id), *others]]


def _language_entry(code):
    return {"code": code, "name": dict(settings.LANGUAGES)[code], "bidi": get_language_info(code)["bidi"]}


# --- Reading the tree for lists of courses -------------------------------------------------------


def _courses_for_listing(queryset):
    return list(
        queryset.live().public().select_related("cover", "locale")
        .prefetch_related(cover_renditions_prefetch()).order_by("path")
    )


def lessons_under(courses):
    """The live lessons of these courses (pages of one depth), in tree order, without their steps."""
    paths = [course.path for course in courses]
    if not paths:
        return LessonPage.objects.none()
    under = models.Q()
    for path in paths:
        under |= models.Q(path__startswith=path)
    depth = len(paths[0]) // Page.steplen + 1
    return LessonPage.objects.live().filter(under, depth=depth).order_by("path").defer_streamfields()


def lessons_shown_by_course(courses):
    """{course path: [lessons]}: each course's live lessons; a translated course also shows the lessons
    of its default-language source not translated yet, in the source's order. Two queries at most
    (three when some course is a translation), whatever the number of courses."""
    default_locale_id = selectors.default_locale_id()
    translated = [course for course in courses if course.locale_id != default_locale_id]
    sources = {}
    if translated:
        found = CoursePage.objects.live().filter(
            locale_id=default_locale_id, translation_key__in={course.translation_key for course in translated}
        ).only("path", "translation_key")
        sources = {source.translation_key: source for source in found}
    lessons = list(lessons_under([*courses, *sources.values()]))
    under = defaultdict(list)
    for lesson in lessons:
        under[lesson.path[:-Page.steplen]].append(lesson)
    shown = {}
    for course in courses:
        own = under[course.path]
        source = sources.get(course.translation_key) if course.locale_id != default_locale_id else None
        if source is None:
            shown[course.path] = own
            continue
        by_key = {lesson.translation_key: lesson for lesson in own}
        from_source = under[source.path]
        keys = {lesson.translation_key for lesson in from_source}
        shown[course.path] = [by_key.get(lesson.translation_key, lesson) for lesson in from_source] + [
            lesson for lesson in own if lesson.translation_key not in keys
        ]
    return shown


def course_rows(courses, learner, *, other_language=()):
    return selectors.course_rows(
        courses=courses, lessons=lessons_shown_by_course(courses), learner=learner, other_language=other_language
    )


def _in_language_shown(courses, learner):
    """One page per course (translation key): the one in the learner's first content language that
    has it (then the interface's, then the default language's, see ``core.languages.content_order``),
    else any; in the order of the courses' first translation in the tree.
    Returns (pages, pages in another language than the interface's)."""
    order = content_order(learner_content_languages(user=learner))
    by_key = {}
    for course in courses:
        by_key.setdefault(course.translation_key, []).append(course)

    def preferred(pages):
        codes = [page.locale.language_code for page in pages]
        for code in order:
            if code in codes:
                return pages[codes.index(code)]
        return pages[0]

    chosen = [preferred(pages) for pages in by_key.values()]
    return chosen, [page for page in chosen if page.locale.language_code != get_language()]
