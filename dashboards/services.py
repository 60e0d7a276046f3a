"""Writes of the dashboards: outcomes recorded by staff, exports logged."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .constants import DEFAULT_RETENTION_MONTHS
from .models import ExportLog, Outcome, RetentionPolicy


def outcome_record(*, learner, centre, kind, occurred_on, by) -> Outcome:
    """Record what came of the training for a learner; the same outcome on the same day is kept once."""
    try:
        with transaction.atomic():
            return Outcome.objects.create(learner=learner, centre=centre, kind=kind, occurred_on=occurred_on,
                                          recorded_by=by)
    except IntegrityError as error:
        raise ValidationError(_("This outcome is already recorded for that day.")) from error


def export_log(*, user, kind, file_format, row_count, centre=None, network=None, parameters=None) -> ExportLog:
    return ExportLog.objects.create(user=user, centre=centre, network=network, kind=kind, file_format=file_format,
                                    row_count=row_count, parameters=parameters or {})


def retention_months(*, centre) -> int:
    policy = RetentionPolicy.objects.filter(centre=centre).first()
    return policy.months if policy else DEFAULT_RETENTION_MONTHS


@transaction.atomic
def centre_settings_update(*, centre, idle_timeout_minutes, show_learner_tiles, retention_months, by):
    """A manager's settings for their centre, all or nothing."""
    centre.idle_timeout_minutes = idle_timeout_minutes
    centre.show_learner_tiles = show_learner_tiles
    centre.save(update_fields=["idle_timeout_minutes", "show_learner_tiles"])
    RetentionPolicy.objects.update_or_create(centre=centre, defaults={"months": retention_months, "updated_by": by})
