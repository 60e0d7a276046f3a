"""The day-before reminders. Each registration is claimed before its reminder goes out, by one UPDATE
that only a registration not reminded yet passes: beat running the task twice, or two workers at once,
send one reminder per registration."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..constants import NoticeKind, RegistrationStatus
from ..models import Registration
from ..notifications import learner_notify


def _tomorrow_bounds(now):
    today = timezone.localtime(now).date()
    start = timezone.make_aware(timezone.datetime.combine(today + timedelta(days=1), timezone.datetime.min.time()))
    return start, start + timedelta(days=1)


def reminders_due(now):
    start, end = _tomorrow_bounds(now)
    return Registration.objects.filter(
        status=RegistrationStatus.REGISTERED, reminded_at__isnull=True, session__cancelled_at__isnull=True,
        session__starts_at__gte=start, session__starts_at__lt=end,
    )


def reminders_send(*, now=None) -> int:
    """Remind the learners registered for tomorrow's sessions; returns how many were reminded now."""
    now = now or timezone.now()
    sent = 0
    for registration_id in list(reminders_due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(reminded_at=now)
            if not claimed:
                continue
            registration = Registration.objects.select_related("learner", "session__centre").get(pk=registration_id)
            learner_notify(learner=registration.learner, session=registration.session, kind=NoticeKind.REMINDER)
            sent += 1
    return sent
