"""Named values of community sessions: places, registration statuses, notices, the limits a session
must keep, and the languages a référent may speak in a session."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from centres.constants import Role

MIN_CAPACITY = 1
MAX_CAPACITY = 200
MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 8 * 60
MAX_WEEKLY_REPEATS = 12
EVENING_FROM_HOUR = 18
# The course a learner completes before a manager may make them a référent (its slug, any language).
REFERENT_COURSE_SLUG = "referent"
# Who may host a session at a centre, and who sees every session of it.
HOST_ROLES = (Role.REFERENT, Role.TRAINER, Role.MANAGER)
CENTRE_WIDE_ROLES = (Role.TRAINER, Role.MANAGER)


class PlaceKind(models.TextChoices):
    CENTRE = "centre", _("The centre's premises")
    PUBLIC = "public", _("A public place")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class NoticeKind(models.TextChoices):
    REMINDER = "reminder", _("Reminder")
    CANCELLED = "cancelled", _("Session cancelled")
    PROMOTED = "promoted", _("Seat freed")


# Languages people speak in sessions: codes, each named in French-speaking staff's terms (translated).
SESSION_LANGUAGES = [
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("tr", _("Turkish")),
    ("bn", _("Bengali")),
]
SESSION_LANGUAGE_NAMES = dict(SESSION_LANGUAGES)
