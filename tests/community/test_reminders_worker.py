"""The reminders task in a real Celery worker, as beat sends it: twice (two beats, or a beat that
restarted) still reminds each registered learner once."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from community.constants import NoticeKind
from community.models import CommunitySession, Notice, Registration
from community.services import registration_create
from community.tasks import session_reminders_send
from lms.celery import app as celery_app
from tests import factories
from tests.workers import worker_start, worker_stop

from . import factories as community_factories

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reminders_sent_twice_by_beat_reach_each_learner_once(transactional_db, tmp_path):
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "REDIS_URL must be set (python -m tests.run_with_services)"
    centre = factories.CentreFactory()
    host = community_factories.referent_in(centre)
    session = community_factories.session(centre, host, capacity=3)
    CommunitySession.objects.filter(pk=session.pk).update(
        starts_at=(timezone.localtime() + timedelta(days=1)).replace(hour=18, minute=30))
    learners = [factories.learner_in(centre) for _ in range(4)]
    for learner in learners:
        registration_create(learner=learner, session=session)  # the fourth waits: no reminder
    celery_app.control.purge()
    worker = worker_start(tmp_path / "worker.log")
    try:
        results = [session_reminders_send.delay(), session_reminders_send.delay()]
        sent = [result.get(timeout=60) for result in results]
    finally:
        worker_stop(worker)

    assert sorted(sent) == [0, 3]
    assert Notice.objects.filter(kind=NoticeKind.REMINDER).count() == 3
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 3
