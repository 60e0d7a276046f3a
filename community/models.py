"""Community sessions: a référent (or a trainer) of a centre meets learners in their language, at the
centre or in a public place; learners register (or wait for a seat), are checked in on the day, and may
have a skill they showed signed off.

Lessons a session covers are keyed on their ``translation_key`` (as ``courses.records`` keys progress):
the same topic whatever language a learner reads it in."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    EVENING_FROM_HOUR,
    MAX_CAPACITY,
    MAX_DURATION_MINUTES,
    MIN_CAPACITY,
    MIN_DURATION_MINUTES,
    SESSION_LANGUAGE_NAMES,
    NoticeKind,
    PlaceKind,
    RegistrationStatus,
)


class CommunitySession(models.Model):
    """One meeting of a référent (or trainer) with learners of their centre. ``registered_count`` is the
    number of seats taken; the database refuses it above ``capacity``."""

    centre = models.ForeignKey(
        "centres.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="community_sessions"
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host"), on_delete=models.PROTECT, related_name="hosted_sessions"
    )
    title = models.CharField(_("title"), max_length=120)
    place_kind = models.CharField(_("place"), max_length=10, choices=PlaceKind.choices, default=PlaceKind.CENTRE)
    place_name = models.CharField(_("name of the place"), max_length=160, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    capacity = models.PositiveSmallIntegerField(_("seats"))
    registered_count = models.PositiveSmallIntegerField(_("seats taken"), default=0)
    languages = models.CharField(
        _("languages spoken"), max_length=120, help_text=_("Language codes between commas, such as ,fr,ar,")
    )
    childcare = models.BooleanField(_("childcare on site"), default=False)
    step_free = models.BooleanField(_("step-free access"), default=False)
    notes = models.TextField(_("notes after the session"), blank=True)
    series = models.UUIDField(_("weekly series"), null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("community session")
        verbose_name_plural = _("community sessions")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["centre", "starts_at"], name="session_centre_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=MIN_CAPACITY, capacity__lte=MAX_CAPACITY), name="session_capacity_range"
            ),
            models.CheckConstraint(condition=Q(registered_count__lte=F("capacity")), name="session_never_overbooked"),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_DURATION_MINUTES, duration_minutes__lte=MAX_DURATION_MINUTES),
                name="session_duration_range",
            ),
            models.CheckConstraint(
                condition=Q(place_kind=PlaceKind.CENTRE) | ~Q(place_name=""), name="session_public_place_named"
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)

    @property
    def is_evening(self):
        return timezone.localtime(self.starts_at).hour >= EVENING_FROM_HOUR

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def is_full(self):
        return self.registered_count >= self.capacity

    @property
    def seats_left(self):
        return max(self.capacity - self.registered_count, 0)

    @property
    def language_codes(self):
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self):
        return [str(SESSION_LANGUAGE_NAMES.get(code, code)) for code in self.language_codes]


class SessionTopic(models.Model):
    """A lesson a session covers (in all its languages); ``covered`` is set after the session."""

    session = models.ForeignKey(CommunitySession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="topics")
    lesson_key = models.UUIDField(_("lesson (all languages)"))
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    covered = models.BooleanField(_("covered"), default=False)

    class Meta:
        verbose_name = _("session topic")
        verbose_name_plural = _("session topics")
        constraints = [models.UniqueConstraint(fields=["session", "lesson_key"], name="topic_once_per_session")]

    def __str__(self):
        return f"{self.session} · {self.lesson or self.lesson_key}"


class Registration(models.Model):
    """A learner's seat in a session, or their place on its waiting list. One row per learner and
    session: cancelling and registering again reuse it. ``position`` orders the waiting list."""

    session = models.ForeignKey(CommunitySession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="registrations")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="session_registrations")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    position = models.PositiveIntegerField(_("position on the waiting list"), default=0)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="registration_once_per_learner"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.session} · {self.get_status_display()}"


class CheckIn(models.Model):
    """A learner present at a session, tapped in by its host. ``client_uuid`` comes from the phone: a tap
    sent again after the network came back is recorded once."""

    session = models.ForeignKey(CommunitySession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="check_ins")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="session_check_ins")
    client_uuid = models.UUIDField(_("phone's tap id"), unique=True)
    walk_in = models.BooleanField(_("came without registering"), default=False)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("checked in by"), null=True,
                                      on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [models.UniqueConstraint(fields=["session", "learner"], name="check_in_once_per_learner")]

    def __str__(self):
        return f"{self.learner} · {self.session}"


class SkillSignOff(models.Model):
    """A référent saw a learner show a competence during a session, and says what they did."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="skill_sign_offs")
    competence = models.ForeignKey("courses.Competence", verbose_name=_("competence"), on_delete=models.PROTECT,
                                   related_name="sign_offs")
    session = models.ForeignKey(CommunitySession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="sign_offs")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed by"), null=True,
                                  on_delete=models.SET_NULL, related_name="+")
    evidence = models.TextField(_("what they did"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("skill sign-off")
        verbose_name_plural = _("skill sign-offs")
        constraints = [
            models.UniqueConstraint(fields=["learner", "competence", "session"], name="sign_off_once_per_session"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.competence}"


class Notice(models.Model):
    """Something to tell a learner at their next sign-in (a reminder, a cancelled session, a seat that
    freed up), shown once in the language they use then."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="community_notices")
    session = models.ForeignKey(CommunitySession, verbose_name=_("session"), on_delete=models.CASCADE,
                                related_name="notices")
    kind = models.CharField(_("kind"), max_length=12, choices=NoticeKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    shown_at = models.DateTimeField(_("shown at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(fields=["learner", "session", "kind"], name="notice_once_per_kind"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.get_kind_display()}"


class PhoneContact(models.Model):
    """A number a learner agreed to receive session reminders on by SMS (optional). A text field so that
    erasing the learner clears it with their other free text (accounts.privacy)."""

    learner = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                   related_name="phone_contact")
    number = models.TextField(_("mobile number"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("phone for reminders")
        verbose_name_plural = _("phones for reminders")

    def __str__(self):
        return f"{self.learner} · SMS"
