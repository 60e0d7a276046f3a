"""Retention: a centre keeps the account of a learner who stopped coming for ``RetentionPolicy.months``
(24 by default). A month before, the learner is listed on the centre's dashboard (``RetentionNotice``);
on the day, if they have not come back, the account is anonymised with the erasure « My data » uses
(``accounts.privacy.learner_erase``): progress stays, attached to an anonymous account, for aggregates.

A learner's last sign of life is the latest of: signing in, a lesson touched, an answer, joining."""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from accounts.privacy import learner_erase
from centres.constants import Role
from centres.models import Centre, Membership
from courses.records import Answer, LessonProgress

from .constants import DEFAULT_RETENTION_MONTHS
from .models import RetentionNotice, RetentionPolicy

logger = logging.getLogger("passerelle.retention")
DAYS_PER_MONTH = 30
WARNING_DAYS = 30


def _latest(queryset, field):
    return Subquery(queryset.filter(learner=OuterRef("pk")).order_by().values("learner")
                    .annotate(at=Max(field)).values("at")[:1], output_field=DateTimeField())


def learners_with_last_seen(centre):
    """The active learners of ``centre``, each with ``last_seen``."""
    ids = Membership.objects.filter(centre=centre, role=Role.LEARNER).values("user_id")
    joined = Subquery(Membership.objects.filter(user=OuterRef("pk"), centre=centre).values("created_at")[:1])
    return get_user_model().objects.filter(pk__in=ids, is_active=True).annotate(
        last_seen=Greatest(
            Coalesce("last_login", "date_joined"), Coalesce(_latest(LessonProgress.objects, "updated_at"), joined),
            Coalesce(_latest(Answer.objects, "created_at"), joined),
        )
    )


def _months_of(centre):
    policy = RetentionPolicy.objects.filter(centre=centre).first()
    return policy.months if policy else DEFAULT_RETENTION_MONTHS


def centre_retention_sweep(*, centre, now=None) -> dict:
    """Warn about, forget and erase the learners of one centre. Returns the counts."""
    now = now or timezone.now()
    keep = timedelta(days=_months_of(centre) * DAYS_PER_MONTH)
    learners = learners_with_last_seen(centre)
    came_back = RetentionNotice.objects.filter(centre=centre).exclude(
        learner__in=learners.filter(last_seen__lt=now - keep + timedelta(days=WARNING_DAYS))
    )
    forgotten, _ = came_back.delete()
    erased = 0
    for notice in RetentionNotice.objects.filter(centre=centre, erase_on__lte=now.date()).select_related("learner"):
        learner_erase(user=notice.learner, by=None)
        notice.delete()
        erased += 1
    warned = 0
    for learner in learners.filter(last_seen__lt=now - keep + timedelta(days=WARNING_DAYS), retention_notice=None):
        erase_on = max(learner.last_seen + keep, now + timedelta(days=WARNING_DAYS)).date()
        RetentionNotice.objects.create(learner=learner, centre=centre, last_seen_at=learner.last_seen,
                                       erase_on=erase_on)
        warned += 1
    return {"warned": warned, "erased": erased, "came_back": forgotten}


def retention_sweep(*, now=None) -> dict:
    totals = {"warned": 0, "erased": 0, "came_back": 0}
    for centre in Centre.objects.all():
        for key, count in centre_retention_sweep(centre=centre, now=now).items():
            totals[key] += count
    logger.info("retention sweep: %s", totals)
    return totals


def retention_notices_for(*, centre):
    return RetentionNotice.objects.filter(centre=centre).select_related("learner")
