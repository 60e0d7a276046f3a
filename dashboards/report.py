"""The funders' report: what a centre (or a network's centres) did over a period, as aggregates only.

Counts of people in the demographic and outcome tables go through ``counts.shown_count`` when shown:
under five, they are « < 5 ». Figures from community sessions come from ``community.py`` (nothing until
that app is merged)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import AgeBand, DemographicConsent, Gender, LearnerProfile
from centres.constants import Role
from centres.models import Membership
from certification.models import Certificate
from courses.constants import ProgressStatus
from courses.records import Answer, LessonProgress

from . import community
from .constants import OutcomeKind
from .models import Outcome


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def ends_before(self):
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    def q(self, name):
        return Q(**{f"{name}__gte": self.starts_at, f"{name}__lt": self.ends_before})


@dataclass
class Indicators:
    """The figures of one centre, or of several taken together (each learner counted once)."""

    active_learners: int = 0
    new_learners: int = 0
    lessons_completed: int = 0
    learning_seconds: int = 0
    certificates: int = 0
    certificates_by_level: list = field(default_factory=list)  # (level name, count)
    completed_by_month: list = field(default_factory=list)  # (first day of the month, count)
    outcomes: list = field(default_factory=list)  # (OutcomeKind, learners)
    genders: list = field(default_factory=list)  # (label, learners)
    age_bands: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    community: dict | None = None

    @property
    def learning_hours(self):
        return round(self.learning_seconds / 3600, 1)


def _learner_ids(centres):
    return Membership.objects.filter(centre__in=centres, role=Role.LEARNER).values("user_id")


def _active_ids(centres, period):
    """Learners of these centres who worked on a lesson or answered a question in the period."""
    progress = LessonProgress.objects.filter(
        period.q("started_at") | period.q("updated_at") | period.q("completed_at")
    ).values("learner_id")
    answers = Answer.objects.filter(period.q("created_at")).values("learner_id")
    return get_user_model().objects.filter(
        Q(pk__in=progress) | Q(pk__in=answers), pk__in=_learner_ids(centres)
    ).values("pk")


def _progress_figures(indicators, centres, period):
    progress = LessonProgress.objects.filter(learner__in=_learner_ids(centres))
    completed = progress.filter(period.q("completed_at"), status=ProgressStatus.COMPLETED)
    indicators.lessons_completed = completed.count()
    indicators.completed_by_month = [
        (row["month"], row["n"]) for row in completed.annotate(month=TruncMonth("completed_at"))
        .values("month").annotate(n=Count("pk")).order_by("month")
    ]
    # Time is kept per lesson, not per day: it counts the lessons worked on during the period.
    spent = progress.filter(period.q("updated_at")).aggregate(total=Sum("time_spent_seconds"))["total"]
    indicators.learning_seconds = spent or 0


def _certificate_figures(indicators, centres, period):
    certificates = Certificate.objects.filter(period.q("issued_at"), centre__in=centres, revoked_at__isnull=True)
    by_level = certificates.values("level_name").annotate(n=Count("pk")).order_by("level_name")
    indicators.certificates_by_level = [(row["level_name"], row["n"]) for row in by_level]
    indicators.certificates = sum(n for _level, n in indicators.certificates_by_level)


def _outcome_figures(indicators, centres, period):
    rows = Outcome.objects.filter(centre__in=centres, occurred_on__gte=period.start, occurred_on__lte=period.end)
    counted = dict(rows.values("kind").annotate(n=Count("learner", distinct=True)).values_list("kind", "n"))
    indicators.outcomes = [(kind, counted.get(kind, 0)) for kind in OutcomeKind]


def _labelled(counter, choices):
    return [(choice.label, counter.get(choice.value, 0)) for choice in choices]


def _demographic_figures(indicators, active):
    consented = DemographicConsent.objects.filter(
        user__in=active, consent_given_at__isnull=False, consent_withdrawn_at__isnull=True
    )
    indicators.genders = _labelled(Counter(consented.exclude(gender="").values_list("gender", flat=True)), Gender)
    ages = consented.exclude(age_band="").values_list("age_band", flat=True)
    indicators.age_bands = _labelled(Counter(ages), AgeBand)
    languages = Counter()
    for spoken in LearnerProfile.objects.filter(user__in=active).exclude(languages_spoken="").values_list(
        "languages_spoken", flat=True
    ):
        languages.update({name.strip().capitalize() for name in spoken.replace(";", ",").split(",") if name.strip()})
    indicators.languages = sorted(languages.items(), key=lambda item: (-item[1], item[0]))


def indicators_of(*, centres, period: Period) -> Indicators:
    """The report's figures for ``centres`` (a queryset or list of centres) over ``period``."""
    indicators = Indicators()
    active = _active_ids(centres, period)
    indicators.active_learners = active.count()
    indicators.new_learners = Membership.objects.filter(
        period.q("created_at"), centre__in=centres, role=Role.LEARNER
    ).values("user_id").distinct().count()
    _progress_figures(indicators, centres, period)
    _certificate_figures(indicators, centres, period)
    _outcome_figures(indicators, centres, period)
    _demographic_figures(indicators, active)
    indicators.community = community.session_figures(centres=centres, start=period.start, end=period.end)
    return indicators
