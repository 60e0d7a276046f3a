from django.db import models
from django.utils.translation import gettext_lazy as _

# A learner with no lesson activity for this long shows as inactive.
INACTIVE_DAYS = 14
# Aggregates of people under this count are shown as « < 5 », never as the number.
SMALL_COUNT = 5
# A funders' report covers at most this many years (and at least one day).
MAX_REPORT_YEARS = 5
# Rows of learners on one page of the list and of the cohort matrix.
LEARNERS_PER_PAGE = 50
# Questions shown in "most often answered wrong".
MISSED_QUESTIONS_SHOWN = 10


class CellStatus(models.TextChoices):
    """Where a learner stands in one lesson, as the cohort matrix shows it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    STRUGGLING = "struggling", _("Struggling")


# What the matrix shows besides the colour, so that the legend does not rely on colour alone.
CELL_SYMBOLS = {
    CellStatus.NOT_STARTED: "·",
    CellStatus.IN_PROGRESS: "◐",
    CellStatus.COMPLETED: "✓",
    CellStatus.STRUGGLING: "!",
}


class LearnerStatus(models.TextChoices):
    """The learner-list filter on where a learner stands overall."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("Started a lesson")
    STRUGGLING = "struggling", _("Struggling on a lesson")


class OutcomeKind(models.TextChoices):
    """What came of the training for a learner, as French mentoring programmes report it."""

    JOB_INTERVIEW = "job_interview", _("Job interview")
    JOB = "job", _("Job")
    TRAINING = "training", _("Entered a training course")
    ONLINE_AUTONOMY = "online_autonomy", _("Does online procedures alone")


class ExportKind(models.TextChoices):
    LEARNERS = "learners", _("Learners with progress")
    CERTIFIED = "certified", _("Certified learners")
    REPORT = "report", _("Funders' report")
    NETWORK = "network", _("Network report")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    PDF = "pdf", "PDF"

# How long a learner inactive for good keeps their account before it is anonymised (months).
DEFAULT_RETENTION_MONTHS = 24
MIN_RETENTION_MONTHS = 6
MAX_RETENTION_MONTHS = 120
