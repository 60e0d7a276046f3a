from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Role


class Centre(models.Model):
    """A reception centre, association or library where learners come to learn."""

    name = models.CharField(_("name"), max_length=120)
    city = models.CharField(_("city"), max_length=80, blank=True)
    idle_timeout_minutes = models.PositiveSmallIntegerField(
        _("idle timeout (minutes)"), default=10,
        help_text=_("A learner's session on a shared tablet ends after this much inactivity."),
    )
    show_learner_tiles = models.BooleanField(_("show learner tiles"), default=True)
    join_code = models.CharField(
        _("join code"), max_length=12, unique=True, null=True, blank=True,
        help_text=_("Newcomers type or scan it to create their own account; empty means joining is closed."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idle_timeout_minutes__gte=1, idle_timeout_minutes__lte=240),
                name="centre_idle_timeout_range",
            )
        ]

    def __str__(self):
        return self.name


class Cohort(models.Model):
    """A group of learners who follow a programme together at a centre."""

    centre = models.ForeignKey(Centre, verbose_name=_("centre"), on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("name"), max_length=120)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.UniqueConstraint(fields=["centre", "name"], name="cohort_unique_name_per_centre"),
        ]

    def __str__(self):
        return f"{self.centre} — {self.name}"


class Membership(models.Model):
    """A person's role at a centre. A learner belongs to a centre from the day they are created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    centre = models.ForeignKey(Centre, verbose_name=_("centre"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )
    confirmed = models.BooleanField(
        _("confirmed by staff"), default=True,
        help_text=_("False for a newcomer who joined alone, until a trainer confirms them."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "centre", "role"], name="membership_unique_role_per_centre"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.centre}"


class EnrolledDevice(models.Model):
    """A shared tablet a manager enrolled for the centre. It holds a secret token in a long-lived
    cookie; revoking the device makes the cookie worthless."""

    centre = models.ForeignKey(Centre, verbose_name=_("centre"), on_delete=models.CASCADE, related_name="devices")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(_("tablet secret (hashed)"), max_length=64, unique=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enrolled by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolled tablet")
        verbose_name_plural = _("enrolled tablets")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.centre})"
