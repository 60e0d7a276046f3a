from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_RETENTION_MONTHS,
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    ExportFormat,
    ExportKind,
    OutcomeKind,
)


class Outcome(models.Model):
    """Something that came of the training for a learner (a job interview, a job, a training place,
    doing online procedures alone), recorded by a trainer or manager of the learner's centre."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                related_name="outcomes")
    centre = models.ForeignKey("centres.Centre", verbose_name=_("centre"), on_delete=models.CASCADE,
                               related_name="outcomes")
    kind = models.CharField(_("outcome"), max_length=20, choices=OutcomeKind.choices)
    occurred_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "kind", "occurred_on"], name="outcome_once_per_day"),
            models.CheckConstraint(condition=models.Q(kind__in=OutcomeKind.values), name="outcome_kind_known"),
        ]

    def __str__(self):
        return f"{self.learner_id} · {self.get_kind_display()} · {self.occurred_on}"


class ExportLog(models.Model):
    """Who downloaded which list or report of a centre (or a network), when, and how many rows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL,
                             null=True, related_name="+")
    centre = models.ForeignKey("centres.Centre", verbose_name=_("centre"), on_delete=models.SET_NULL,
                               null=True, blank=True, related_name="+")
    network = models.ForeignKey("Network", verbose_name=_("network"), on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="+")
    kind = models.CharField(_("what"), max_length=20, choices=ExportKind.choices)
    file_format = models.CharField(_("format"), max_length=5, choices=ExportFormat.choices)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    parameters = models.JSONField(_("filters and period"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.file_format} · {self.created_at:%Y-%m-%d %H:%M}"


class Network(models.Model):
    """A group of centres (a federation, a funder's programme) whose administrators see each centre's
    indicators and their total, never a learner's name."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    centres = models.ManyToManyField("centres.Centre", verbose_name=_("centres"), related_name="networks",
                                     blank=True)
    administrators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("administrators"),
                                            related_name="administered_networks", blank=True)

    class Meta:
        verbose_name = _("network of centres")
        verbose_name_plural = _("networks of centres")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RetentionPolicy(models.Model):
    """How many months a centre keeps the account of a learner who stopped coming, before it is
    anonymised (the centre's managers are warned a month before). Without a row: the default."""

    centre = models.OneToOneField("centres.Centre", verbose_name=_("centre"), on_delete=models.CASCADE,
                                  related_name="retention_policy")
    months = models.PositiveSmallIntegerField(_("retention (months)"), default=DEFAULT_RETENTION_MONTHS)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"),
                                   on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(months__gte=MIN_RETENTION_MONTHS, months__lte=MAX_RETENTION_MONTHS),
                name="retention_months_range",
            ),
        ]

    def __str__(self):
        return f"{self.centre_id} · {self.months}"


class RetentionNotice(models.Model):
    """A learner who stopped coming will be anonymised on ``erase_on`` unless they come back: the centre's
    managers see it on the dashboard from ``warned_at``, a month before."""

    learner = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
                                   related_name="retention_notice")
    centre = models.ForeignKey("centres.Centre", verbose_name=_("centre"), on_delete=models.CASCADE,
                               related_name="retention_notices")
    last_seen_at = models.DateTimeField(_("last seen"))
    warned_at = models.DateTimeField(_("warned at"), auto_now_add=True)
    erase_on = models.DateField(_("anonymised on"))

    class Meta:
        verbose_name = _("retention notice")
        verbose_name_plural = _("retention notices")
        ordering = ["erase_on", "pk"]

    def __str__(self):
        return f"{self.learner_id} · {self.erase_on}"
