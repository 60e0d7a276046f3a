"""A session's seats are never overbooked, even when many learners tap « Register » at the same moment
on several web workers: the session row is locked while seats are counted, and the database refuses a
count above capacity. The others go to the waiting list, in order; a seat freed goes to the first."""

import threading
import uuid

import pytest
from django.db import connection

from community.constants import RegistrationStatus
from community.models import CheckIn, CommunitySession, Registration
from community.services import check_in_record, registration_cancel, registration_create, reminders_send
from tests import factories
from tests.community import factories as community_factories

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEARNERS = 12
CAPACITY = 5


def at_once(calls):
    """Run each call in its own thread (own connection), all released at the same moment."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


@pytest.fixture
def full_house(transactional_db):
    centre = factories.CentreFactory()
    host = community_factories.referent_in(centre)
    session = community_factories.session(centre, host, capacity=CAPACITY)
    learners = [factories.learner_in(centre, display_name=f"Learner {i}") for i in range(LEARNERS)]
    return session, learners, host


def test_simultaneous_registrations_never_exceed_capacity(full_house):
    session, learners, _host = full_house

    at_once([lambda learner=learner: registration_create(learner=learner, session=session) for learner in learners])

    statuses = list(Registration.objects.filter(session=session).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == CAPACITY
    assert statuses.count(RegistrationStatus.WAITING) == LEARNERS - CAPACITY
    assert CommunitySession.objects.get(pk=session.pk).registered_count == CAPACITY
    positions = list(Registration.objects.filter(session=session).values_list("position", flat=True))
    assert len(set(positions)) == LEARNERS  # one place in the queue each


def test_simultaneous_cancellations_promote_one_waiting_learner_per_seat(full_house):
    session, learners, _host = full_house
    for learner in learners:
        registration_create(learner=learner, session=session)
    seated = learners[:3]

    at_once([lambda learner=learner: registration_cancel(learner=learner, session=session) for learner in seated])

    assert CommunitySession.objects.get(pk=session.pk).registered_count == CAPACITY
    registered = set(Registration.objects.filter(session=session, status=RegistrationStatus.REGISTERED)
                     .values_list("learner_id", flat=True))
    assert registered == {learner.pk for learner in learners[3:CAPACITY + 3]}


def test_a_check_in_tap_sent_several_times_at_once_is_recorded_once(full_house):
    session, learners, host = full_house
    tap = uuid.uuid4()

    outcomes = at_once([lambda: check_in_record(session=session, by=host, learner=learners[0], client_uuid=tap)] * 6)

    assert CheckIn.objects.filter(session=session).count() == 1
    assert {outcome.check_in.pk for outcome in outcomes} == {CheckIn.objects.get().pk}


def test_reminders_run_twice_at_once_go_out_once_per_registration(full_house):
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    session, learners, _host = full_house
    tomorrow_noon = (timezone.localtime() + timedelta(days=1)).replace(hour=12, minute=0)
    CommunitySession.objects.filter(pk=session.pk).update(starts_at=tomorrow_noon)
    for index, learner in enumerate(learners[:CAPACITY]):
        learner.email = f"learner{index}@exemple.fr"
        learner.save()
        registration_create(learner=learner, session=session)

    sent = at_once([reminders_send, reminders_send])

    assert sum(sent) == CAPACITY
    assert len(mail.outbox) == CAPACITY
