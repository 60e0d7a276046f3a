"""Picture passwords, PINs, lockout and learner cards."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import services
from accounts.constants import LEARNER_CODE_ALPHABET, MAX_FAILURES, SecretKind
from accounts.models import LearnerSecret, SignInLock
from tests import factories

pytestmark = pytest.mark.django_db

PICTURES = ["cat", "sun", "key"]


@pytest.fixture
def learner():
    user = factories.UserFactory()
    services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES)
    services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    return user


def check(user, kind=SecretKind.PICTURE, value=None):
    return services.learner_secret_check(user=user, kind=kind, value=value or PICTURES)


def test_secrets_are_stored_hashed(learner):
    for secret in LearnerSecret.objects.filter(user=learner):
        assert "cat" not in secret.secret_hash and "4821" not in secret.secret_hash
        assert secret.secret_hash.startswith(("md5$", "pbkdf2_", "argon2"))


def test_right_pictures_in_order_sign_in_wrong_order_does_not(learner):
    assert check(learner)
    assert not check(learner, value=["sun", "cat", "key"])


def test_pin_of_letters_is_refused_and_counts_as_a_failure(learner):
    assert not check(learner, SecretKind.PIN, "abcd")
    assert SignInLock.objects.get(user=learner).failures == 1
    assert check(learner, SecretKind.PIN, "4821")
    assert SignInLock.objects.get(user=learner).failures == 0


@pytest.mark.parametrize("value", [["cat", "sun"], ["cat", "cat", "sun"], ["cat", "sun", "dragon"], "cat-sun-key"])
def test_unusable_picture_passwords_cannot_be_set(value):
    with pytest.raises(ValidationError):
        services.learner_secret_set(user=factories.UserFactory(), kind=SecretKind.PICTURE, value=value)


@pytest.mark.parametrize("pin", ["123", "12345", "12a4", "١٢٣٤", 1234])
def test_unusable_pins_cannot_be_set(pin):
    with pytest.raises(ValidationError):
        services.learner_secret_set(user=factories.UserFactory(), kind=SecretKind.PIN, value=pin)


def test_five_failures_lock_the_learner_even_for_the_right_pictures(learner):
    for _ in range(MAX_FAILURES - 1):
        assert not check(learner, value=["sun", "moon", "star"])
    with pytest.raises(services.SignInLocked) as locked:
        check(learner, value=["sun", "moon", "star"])
    assert locked.value.until > timezone.now() + timedelta(minutes=14)
    with pytest.raises(services.SignInLocked):
        check(learner)


def test_lock_ends_after_fifteen_minutes(learner):
    SignInLock.objects.create(user=learner, locked_until=timezone.now() - timedelta(seconds=1))
    assert check(learner)


def test_a_trainer_can_unlock(learner):
    SignInLock.objects.create(user=learner, locked_until=timezone.now() + timedelta(minutes=15))
    services.sign_in_unlock(user=learner, by=factories.UserFactory())
    assert check(learner)


def test_learner_codes_are_unique_and_unambiguous():
    codes = {services.learner_profile_ensure(user=factories.UserFactory()).learner_code for _ in range(30)}
    assert len(codes) == 30
    assert all(set(code) <= set(LEARNER_CODE_ALPHABET) for code in codes)
    assert not set("0O1IL2Z5S8B") & set(LEARNER_CODE_ALPHABET)


def test_reissued_card_invalidates_the_old_qr(learner):
    old = services.learner_card_issue(user=learner)
    assert services.learner_card_resolve(token=old) == learner
    new = services.learner_card_issue(user=learner)
    assert services.learner_card_resolve(token=old) is None
    assert services.learner_card_resolve(token=new) == learner


@pytest.mark.parametrize("token", ["", "forged", "x" * 500])
def test_forged_card_tokens_resolve_to_nobody(learner, token):
    services.learner_card_issue(user=learner)
    assert services.learner_card_resolve(token=token) is None


def test_each_new_lock_lasts_longer_even_after_a_right_try(learner):
    def lock_out():
        for _ in range(MAX_FAILURES - 1):
            check(learner, value=["sun", "moon", "star"])
        with pytest.raises(services.SignInLocked) as locked:
            check(learner, value=["sun", "moon", "star"])
        SignInLock.objects.filter(user=learner).update(locked_until=timezone.now() - timedelta(seconds=1))
        return locked.value.until - timezone.now()

    first, second = lock_out(), lock_out()
    assert timedelta(minutes=14) < first <= timedelta(minutes=15)
    assert timedelta(minutes=29) < second <= timedelta(minutes=30)
    assert check(learner)  # the learner's right try ends nothing that someone else drives
    assert timedelta(minutes=59) < lock_out() <= timedelta(minutes=60)


def test_pins_follow_the_one_pin_rule():
    from accounts.constants import PIN_LENGTH
    from accounts.validators import validate_pin

    validate_pin("0" * PIN_LENGTH)
    for pin in ("0" * (PIN_LENGTH - 1), "0" * (PIN_LENGTH + 1), "12a4", "١٢٣٤", " 1234", None):
        with pytest.raises(ValidationError):
            validate_pin(pin)
