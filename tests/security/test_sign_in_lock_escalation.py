"""Issue 6, item 11 (lock escalation): a successful sign-in by the owner does not reset the escalation of a
lockout that an attacker is driving.

Each lock of a learner lasts twice as long as the one before (15 minutes, 30, 60… up to a day). The
owner's right pictures reset that count to zero, so whoever kept locking them out started again from
15 minutes after every visit of the owner. The escalation now fades only after a day without failure."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services as accounts_services
from accounts.constants import LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS, MAX_FAILURES, SecretKind
from accounts.models import SignInLock
from centres import services
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"
WRONG = "sun,moon,star"


@pytest.fixture
def centre():
    return factories.CentreFactory()


@pytest.fixture
def tablet(client, centre):
    _device, cookie = services.device_enrol(centre=centre, name="Tablette", by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    return client


@pytest.fixture
def amina(centre):
    user = factories.learner_in(centre, display_name="Amina")
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


def tap(client, user, pictures):
    return client.post(reverse("centres:sign_in_picture", args=[user.pk]), {"pictures": pictures})


def attacker_locks_out(client, user):
    """Five wrong tries; returns how long the lock lasts, then lets it run out."""
    codes = [tap(client, user, WRONG).status_code for _ in range(MAX_FAILURES)]
    assert codes[-1] == 423
    lock = SignInLock.objects.get(user=user)
    length = lock.locked_until - timezone.now()
    SignInLock.objects.filter(user=user).update(locked_until=timezone.now() - timedelta(seconds=1))
    return length


def owner_signs_in(client, user):
    assert tap(client, user, PICTURES)["Location"] == reverse("courses:my_path")
    client.post(reverse("accounts:logout"))


def test_the_owners_right_pictures_do_not_reset_an_attackers_escalation(tablet, amina):
    first = attacker_locks_out(tablet, amina)
    owner_signs_in(tablet, amina)
    second = attacker_locks_out(tablet, amina)
    owner_signs_in(tablet, amina)
    third = attacker_locks_out(tablet, amina)
    assert timedelta(minutes=14) < first <= timedelta(minutes=15)
    assert timedelta(minutes=29) < second <= timedelta(minutes=30)
    assert timedelta(minutes=59) < third <= timedelta(minutes=60)


def test_the_owners_right_pictures_still_clear_their_own_slips(tablet, amina):
    for _ in range(MAX_FAILURES - 1):
        tap(tablet, amina, WRONG)
    owner_signs_in(tablet, amina)
    assert [tap(tablet, amina, WRONG).status_code for _ in range(MAX_FAILURES - 1)] == [400] * (MAX_FAILURES - 1)


def test_the_escalation_fades_after_a_day_without_failure(tablet, amina):
    attacker_locks_out(tablet, amina)
    attacker_locks_out(tablet, amina)
    quiet = timezone.now() - timedelta(hours=LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS, minutes=1)
    SignInLock.objects.filter(user=amina).update(last_failure_at=quiet, locked_until=quiet)
    assert timedelta(minutes=14) < attacker_locks_out(tablet, amina) <= timedelta(minutes=15)


def test_a_day_counts_from_the_end_of_the_last_lock_not_its_start(tablet, amina):
    for _ in range(3):
        attacker_locks_out(tablet, amina)
    lock_began = timezone.now() - timedelta(hours=LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS, minutes=1)
    SignInLock.objects.filter(user=amina).update(last_failure_at=lock_began, locked_until=timezone.now())
    assert timedelta(minutes=119) < attacker_locks_out(tablet, amina) <= timedelta(minutes=120)


def test_a_trainers_unlock_still_starts_again_from_fifteen_minutes(tablet, amina):
    attacker_locks_out(tablet, amina)
    attacker_locks_out(tablet, amina)
    accounts_services.sign_in_unlock(user=amina, by=factories.UserFactory())
    assert timedelta(minutes=14) < attacker_locks_out(tablet, amina) <= timedelta(minutes=15)
