import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin

from .blocks import ExamQuestionsBlock
from .constants import (
    ACCESS_CODE_LENGTH,
    CODE_ALPHABET,
    PRINTED_NAME_MAX_LENGTH,
    VERIFICATION_CODE_PREFIX,
    AuditAction,
    CandidateStatus,
)

ACCESS_CODE_REGEX = rf"^[{CODE_ALPHABET}]{{{ACCESS_CODE_LENGTH}}}$"
VERIFICATION_CODE_REGEX = rf"^{VERIFICATION_CODE_PREFIX}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}$"


def _percent(verbose_name, default):
    return models.PositiveSmallIntegerField(
        verbose_name, default=default, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )


class CertificationLevel(ClusterableModel):
    """A certificate a learner can earn, such as « Niveau 1 — Premiers pas »: which competences its
    exam checks and how many questions of each it draws, how long it lasts, the marks to pass, the
    lessons a learner completes first, and how long to wait before trying again after a fail."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), default=1, help_text=_("1 for the first level."))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    pass_mark = _percent(_("pass mark overall (%)"), 75)
    competence_pass_mark = _percent(_("pass mark in each competence (%)"), 50)
    retake_delay_days = models.PositiveSmallIntegerField(
        _("days to wait before a retake"), default=7, validators=[MaxValueValidator(365)]
    )

    panels = [
        FieldPanel("name"), FieldPanel("description"), FieldPanel("rank"), FieldPanel("duration_minutes"),
        FieldPanel("pass_mark"), FieldPanel("competence_pass_mark"), FieldPanel("retake_delay_days"),
        InlinePanel("competences", label=_("competences"), min_num=1),
        InlinePanel("lessons", label=_("lessons to complete first")),
    ]

    class Meta:
        verbose_name = _("certification level")
        verbose_name_plural = _("certification levels")
        ordering = ["rank", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gte=1, duration_minutes__lte=240),
                                   name="level_duration_range"),
            models.CheckConstraint(condition=Q(pass_mark__lte=100, competence_pass_mark__lte=100),
                                   name="level_pass_marks_range"),
        ]

    def __str__(self):
        return self.name


class LevelCompetence(Orderable):
    """A competence a level's exam checks, and how many of its questions each exam draws."""

    level = ParentalKey(CertificationLevel, on_delete=models.CASCADE, related_name="competences")
    competence = models.ForeignKey(
        "courses.Competence", verbose_name=_("competence"), on_delete=models.PROTECT, related_name="+"
    )
    questions_drawn = models.PositiveSmallIntegerField(
        _("questions drawn"), default=6, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    sign_off_required = models.BooleanField(
        _("a référent's sign-off is required"), default=False,
        help_text=_("The learner sits the exam once a référent has signed off this competence in a community session."),
    )

    panels = [FieldPanel("competence"), FieldPanel("questions_drawn"), FieldPanel("sign_off_required")]

    class Meta(Orderable.Meta):
        verbose_name = _("competence of a level")
        verbose_name_plural = _("competences of a level")
        constraints = [
            models.UniqueConstraint(fields=["level", "competence"], name="level_competence_once"),
            models.CheckConstraint(condition=Q(questions_drawn__gte=1), name="level_competence_draws_some"),
        ]

    def __str__(self):
        return f"{self.level} · {self.competence}"


class LevelLesson(Orderable):
    """A lesson a learner completes before the level's exam. ``lesson_key`` is the lesson's
    translation key: the lesson completed in any language counts."""

    level = ParentalKey(CertificationLevel, on_delete=models.CASCADE, related_name="lessons")
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), on_delete=models.PROTECT, related_name="+"
    )
    lesson_key = models.UUIDField(_("lesson in every language"), editable=False)

    panels = [FieldPanel("lesson")]

    class Meta(Orderable.Meta):
        verbose_name = _("lesson of a level")
        verbose_name_plural = _("lessons of a level")
        constraints = [models.UniqueConstraint(fields=["level", "lesson_key"], name="level_lesson_once")]

    def save(self, *args, **kwargs):
        self.lesson_key = self.lesson.translation_key
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.level} · {self.lesson}"


class QuestionBank(TranslatableMixin, models.Model):
    """Questions about one competence that exams draw from, in one language (translatable like a
    page). A bank should hold at least three times the questions an exam draws from it."""

    name = models.CharField(_("name"), max_length=120)
    competence = models.ForeignKey(
        "courses.Competence", verbose_name=_("competence"), on_delete=models.PROTECT, related_name="+"
    )
    questions = StreamField(ExamQuestionsBlock(), verbose_name=_("questions"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("competence"), FieldPanel("questions")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["competence__code", "name"]

    def __str__(self):
        return self.name


class ExamSession(models.Model):
    """An exam sitting at a centre under a supervisor: a room, a time window and the 6-character
    code candidates type on the centre's tablets to join."""

    centre = models.ForeignKey("centres.Centre", verbose_name=_("centre"), on_delete=models.PROTECT,
                               related_name="exam_sessions")
    level = models.ForeignKey(CertificationLevel, verbose_name=_("level"), on_delete=models.PROTECT,
                              related_name="sessions")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("supervisor"),
                                   on_delete=models.PROTECT, related_name="supervised_exam_sessions")
    room = models.CharField(_("room"), max_length=80, blank=True)
    access_code = models.CharField(_("access code"), max_length=ACCESS_CODE_LENGTH, unique=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exam session")
        verbose_name_plural = _("exam sessions")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="session_window_order"),
            models.CheckConstraint(condition=Q(access_code__regex=ACCESS_CODE_REGEX), name="session_access_code_form"),
        ]

    def __str__(self):
        return f"{self.level} · {self.centre} · {self.opens_at:%Y-%m-%d %H:%M}"


class SessionCandidate(models.Model):
    """A learner who joined an exam session with its code, and what the supervisor decided:
    admitted or excluded, and the adapted conditions they sit the exam in."""

    session = models.ForeignKey(ExamSession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="candidates")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="exam_candidacies")
    status = models.CharField(_("status"), max_length=20, choices=CandidateStatus.choices,
                              default=CandidateStatus.JOINED)
    extra_time_percent = models.PositiveSmallIntegerField(
        _("extra time (%)"), default=0, validators=[MaxValueValidator(200)]
    )
    read_aloud = models.BooleanField(_("questions read aloud"), default=False)
    large_text = models.BooleanField(_("larger text"), default=False)
    printed_name = models.CharField(_("name printed on the certificate"), max_length=PRINTED_NAME_MAX_LENGTH,
                                    blank=True)
    latin_name = models.CharField(_("name in Latin letters"), max_length=PRINTED_NAME_MAX_LENGTH, blank=True)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="candidate_once_per_session"),
            models.CheckConstraint(condition=Q(extra_time_percent__lte=200), name="candidate_extra_time_range"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.session}"


class ExamIncident(models.Model):
    """Something the supervisor noted during a session (a tablet died, a candidate left the room)."""

    session = models.ForeignKey(ExamSession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="incidents")
    candidate = models.ForeignKey(SessionCandidate, verbose_name=_("candidate"), on_delete=models.CASCADE,
                                  null=True, blank=True, related_name="incidents")
    note = models.CharField(_("what happened"), max_length=500)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["recorded_at"]

    def __str__(self):
        return self.note[:60]


class ExamAttempt(models.Model):
    """One sitting of a level's exam by a learner (or a practice test, with no session and no
    certificate). The questions are drawn and frozen at the start, the deadline is the server's,
    and the result is per competence and overall."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="exam_attempts")
    candidate = models.OneToOneField(SessionCandidate, verbose_name=_("candidate"), on_delete=models.CASCADE,
                                     null=True, blank=True, related_name="attempt")
    level = models.ForeignKey(CertificationLevel, verbose_name=_("level"), on_delete=models.PROTECT,
                              related_name="attempts")
    is_practice = models.BooleanField(_("practice test"), default=False)
    language = models.CharField(_("language of the questions"), max_length=10)
    questions = models.JSONField(_("questions drawn"), default=list)
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    competence_scores = models.JSONField(_("score per competence"), default=dict, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("exam attempt")
        verbose_name_plural = _("exam attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner"], condition=Q(submitted_at__isnull=True, is_practice=False),
                                    name="attempt_one_exam_in_progress"),
            models.UniqueConstraint(fields=["learner"], condition=Q(submitted_at__isnull=True, is_practice=True),
                                    name="attempt_one_practice_in_progress"),
            models.CheckConstraint(condition=Q(is_practice=True, candidate__isnull=True)
                                   | Q(is_practice=False, candidate__isnull=False),
                                   name="attempt_exam_has_candidate"),
            models.CheckConstraint(condition=Q(deadline__gt=models.F("started_at")),
                                   name="attempt_deadline_after_start"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=1),
                                   name="attempt_score_range"),
            models.CheckConstraint(condition=Q(submitted_at__isnull=True, score__isnull=True, passed__isnull=True)
                                   | Q(submitted_at__isnull=False, score__isnull=False, passed__isnull=False),
                                   name="attempt_result_once_submitted"),
        ]
        indexes = [models.Index(fields=["submitted_at", "deadline"])]

    def __str__(self):
        return f"{self.learner} · {self.level} · {self.started_at:%Y-%m-%d}"

    @property
    def in_progress(self):
        return self.submitted_at is None


class ExamAnswer(models.Model):
    """A candidate's answer to one drawn question, graded by the server. The first answer to a
    question is final; a repeated post (same ``client_uuid``) is recorded once."""

    attempt = models.ForeignKey(ExamAttempt, verbose_name=_("attempt"), on_delete=models.CASCADE,
                                related_name="answers")
    question_id = models.UUIDField(_("question"))
    payload = models.JSONField(_("answer given"))
    is_correct = models.BooleanField(_("right"))
    client_uuid = models.UUIDField(_("tablet's answer id"), unique=True)
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exam answer")
        verbose_name_plural = _("exam answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="exam_answer_once_per_question"),
        ]

    def __str__(self):
        return f"{self.attempt} · {self.question_id}"


def _certificate_pdf_path(certificate, filename):
    # A random name: the file is served through a view that checks who asks, never by its address.
    return f"certificates/{certificate.uuid.hex}.pdf"


class Certificate(models.Model):
    """A certificate issued for a passed exam, exactly once per attempt, verifiable by anyone from
    its code. It keeps a copy of everything it shows, so it stays verifiable if the learner's
    account is erased (showing nothing more than the name printed on it)."""

    uuid = models.UUIDField(_("identifier"), unique=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    attempt = models.OneToOneField(ExamAttempt, verbose_name=_("attempt"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="certificate")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="certificates")
    level = models.ForeignKey(CertificationLevel, verbose_name=_("level"), on_delete=models.PROTECT,
                              related_name="certificates")
    level_name = models.CharField(_("level"), max_length=120)
    holder_name = models.CharField(_("name as printed"), max_length=PRINTED_NAME_MAX_LENGTH)
    latin_name = models.CharField(_("name in Latin letters"), max_length=PRINTED_NAME_MAX_LENGTH, blank=True)
    competences = models.JSONField(_("competences"), default=list)
    score = models.FloatField(_("score"))
    centre = models.ForeignKey("centres.Centre", verbose_name=_("centre"), on_delete=models.SET_NULL,
                               null=True, blank=True, related_name="certificates")
    centre_name = models.CharField(_("centre"), max_length=120)
    issued_at = models.DateTimeField(_("issued at"))
    pdf = models.FileField(_("PDF"), upload_to=_certificate_pdf_path, blank=True)
    credential = models.TextField(_("signed credential (VC-JWT)"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("revoked by"),
                                   on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=VERIFICATION_CODE_REGEX), name="certificate_code_form"),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=1), name="certificate_score_range"),
            models.CheckConstraint(condition=Q(revoked_at__isnull=True, revoke_reason="")
                                   | (Q(revoked_at__isnull=False) & ~Q(revoke_reason="")),
                                   name="certificate_revoked_with_reason"),
        ]

    def __str__(self):
        return f"{self.code} · {self.holder_name}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_complete(self):
        """Its PDF and signed credential are made (the worker makes them just after the row)."""
        return bool(self.pdf) and bool(self.credential)


class CertificateAuditEntry(models.Model):
    """What happened to a certificate, by whom and when (issued, revoked). Never edited."""

    certificate = models.ForeignKey(Certificate, verbose_name=_("certificate"), on_delete=models.CASCADE,
                                    related_name="audit_entries")
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL,
                              null=True, blank=True, related_name="+")
    actor_name = models.CharField(_("by (name then)"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate history entry")
        verbose_name_plural = _("certificate history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.certificate.code} · {self.get_action_display()}"
