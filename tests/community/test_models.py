"""The database keeps the invariants of community sessions even when a service is bypassed."""

import uuid

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F

from community.constants import RegistrationStatus
from community.models import CheckIn, CommunitySession, Registration

from . import factories


@pytest.mark.parametrize("capacity", [0, 201, 10_000])
def test_capacity_out_of_range_is_refused_by_the_database(centre, referent, capacity):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.session(centre, referent, capacity=capacity)


def test_more_seats_taken_than_the_session_has_is_refused(session):
    CommunitySession.objects.filter(pk=session.pk).update(registered_count=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        CommunitySession.objects.filter(pk=session.pk).update(registered_count=F("registered_count") + 1)


def test_public_place_needs_a_name(centre, referent):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.session(centre, referent, place_kind="public", place_name="")


def test_one_registration_per_learner_and_session(session, learners):
    Registration.objects.create(session=session, learner=learners[0], status=RegistrationStatus.REGISTERED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=session, learner=learners[0], status=RegistrationStatus.WAITING)


def test_a_tap_uuid_is_recorded_once(session, learners, referent):
    tap = uuid.uuid4()
    CheckIn.objects.create(session=session, learner=learners[0], client_uuid=tap, checked_in_by=referent)
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(session=session, learner=learners[1], client_uuid=tap, checked_in_by=referent)


def test_evening_follows_the_local_start_time(session):
    from django.utils import timezone

    local = timezone.localtime(session.starts_at).replace(hour=18, minute=30)
    session.starts_at = local
    assert session.is_evening
    session.starts_at = local.replace(hour=10)
    assert not session.is_evening
