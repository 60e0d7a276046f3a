from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonStepsBlock
from .constants import DEFAULT_PASS_MARK, CourseLevel, ProgressStatus


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


class CatalogueIndexPage(Page):
    """The root of a site language: the catalogue of courses."""

    intro = RichTextField(_("introduction"), features=["bold"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")

    def get_context(self, request, *args, **kwargs):
        from .selectors import catalogue_course_list

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue_course_list(catalogue=self, learner=request.user)
        return context


class CoursePage(Page):
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

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_lesson_list, enrolment_exists

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = course_lesson_list(course=self, learner=request.user)
        context["is_enrolled"] = enrolment_exists(learner=request.user, course=self)
        return context


class LessonPage(Page):
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

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=100), name="lesson_pass_mark_range"
            )
        ]

    def get_context(self, request, *args, **kwargs):
        from .views import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        from .views import lesson_serve

        return lesson_serve(request, self, super().serve)


class Enrolment(models.Model):
    """A learner following a course."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="enrolment_unique_learner_course")
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"


class LessonProgress(models.Model):
    """Where a learner stands in a lesson: one row per learner and lesson."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"),
        max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.IN_PROGRESS
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    current_step = models.PositiveSmallIntegerField(_("current step"), default=0)
    seen_steps = models.JSONField(_("steps seen"), default=list, blank=True)
    best_score = models.FloatField(_("best score"), null=True, blank=True)
    time_spent_seconds = models.PositiveIntegerField(_("time spent (seconds)"), default=0)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="progress_unique_learner_lesson"),
            models.CheckConstraint(
                condition=models.Q(best_score__isnull=True)
                | models.Q(best_score__gte=0, best_score__lte=1),
                name="progress_best_score_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ProgressStatus.COMPLETED) | models.Q(completed_at__isnull=False),
                name="progress_completed_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.lesson} · {self.get_status_display()}"


class Answer(models.Model):
    """One answer a learner gave to one question step, as graded by the server.

    ``client_uuid`` is generated by the tablet: a repeated post of the same answer is recorded once.
    Only the first answer to a step in an attempt counts."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="answers"
    )
    lesson = models.ForeignKey(LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="answers")
    step_id = models.UUIDField(_("step"))
    step_kind = models.CharField(_("step kind"), max_length=30)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    payload = models.JSONField(_("answer given"))
    is_correct = models.BooleanField(_("right"))
    counts_in_score = models.BooleanField(_("counts in the score"), default=True)
    client_uuid = models.UUIDField(_("tablet's answer id"), unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson", "attempt", "step_id"], name="answer_once_per_step_attempt"
            ),
        ]
        indexes = [models.Index(fields=["learner", "lesson", "attempt"])]

    def __str__(self):
        return f"{self.learner} · {self.step_kind} · {'✓' if self.is_correct else '✗'}"
