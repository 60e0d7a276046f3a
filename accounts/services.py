"""Writes about identity: learner codes, picture passwords and PINs, cards, lockouts."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import (
    LEARNER_CODE_ALPHABET,
    LEARNER_CODE_LENGTH,
    LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS,
    LOCK_MINUTES,
    MAX_FAILURES,
    MAX_LOCK_MINUTES,
    PICTOGRAMS,
    PICTURE_PASSWORD_LENGTH,
    SecretKind,
)
from .hashers import LearnerSecretHasher
from .models import LearnerCard, LearnerProfile, LearnerSecret, SignInLock, content_language_codes
from .validators import validate_pin

logger = logging.getLogger("passerelle.sign_in")


class SignInLocked(Exception):
    """Too many wrong attempts: the learner must wait until ``until`` or ask a trainer."""

    def __init__(self, until):
        super().__init__(until)
        self.until = until


def learner_code_generate() -> str:
    while True:
        code = "".join(secrets.choice(LEARNER_CODE_ALPHABET) for _ in range(LEARNER_CODE_LENGTH))
        if not LearnerProfile.objects.filter(learner_code=code).exists():
            return code


def learner_profile_ensure(*, user) -> LearnerProfile:
    profile, _created = LearnerProfile.objects.get_or_create(user=user)
    if not profile.learner_code:
        profile.learner_code = learner_code_generate()
        profile.save(update_fields=["learner_code"])
    return profile


def normalise_learner_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def _picture_secret(sequence) -> str:
    if (
        not isinstance(sequence, list | tuple)
        or len(sequence) != PICTURE_PASSWORD_LENGTH
        or not all(p in PICTOGRAMS for p in sequence)
    ):
        raise ValidationError(_("Choose %(count)d pictures.") % {"count": PICTURE_PASSWORD_LENGTH})
    if len(set(sequence)) != len(sequence):
        raise ValidationError(_("Choose %(count)d different pictures.") % {"count": PICTURE_PASSWORD_LENGTH})
    return "-".join(sequence)


def _pin_secret(pin) -> str:
    validate_pin(pin)
    return pin


SECRET_FORMATS = {SecretKind.PICTURE: _picture_secret, SecretKind.PIN: _pin_secret}


def learner_secret_set(*, user, kind, value) -> None:
    """Set a learner's picture password (a list of pictogram keys) or PIN (``PIN_LENGTH`` digits)."""
    raw = SECRET_FORMATS[kind](value)
    secret_hash = make_password(raw, hasher=LearnerSecretHasher.algorithm)
    LearnerSecret.objects.update_or_create(user=user, kind=kind, defaults={"secret_hash": secret_hash})


def _lock_for_update(user):
    lock, _created = SignInLock.objects.select_for_update().get_or_create(user=user)
    return lock


def learner_secret_check(*, user, kind, value) -> bool:
    """Check a picture password or PIN against this learner only. Counts failures; raises
    SignInLocked while the learner is locked out (even for the right secret). A right try clears
    the failures but not the escalation of the locks: that fades only after a day without failure."""
    try:
        raw = SECRET_FORMATS[kind](value)
    except ValidationError:
        raw = None
    with transaction.atomic():
        lock = _lock_for_update(user)
        now = timezone.now()
        if lock.locked_until and lock.locked_until > now:
            raise SignInLocked(lock.locked_until)
        _forget_old_failures(lock, now)
        secret = LearnerSecret.objects.filter(user=user, kind=kind).first()
        if raw is not None and secret is not None and check_password(raw, secret.secret_hash):
            lock.failures, lock.locked_until = 0, None
            lock.save()
            return True
        _record_failure(lock, now)
    if lock.locked_until and lock.locked_until > now:
        raise SignInLocked(lock.locked_until)
    return False


def _forget_old_failures(lock, now):
    """After a whole day without a failed try (counted from the end of the last lock), the learner
    starts again from a 15-minute lock."""
    if not lock.last_failure_at:
        return
    last = max(lock.last_failure_at, lock.locked_until or lock.last_failure_at)
    if now - last >= timedelta(hours=LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS):
        lock.lock_count, lock.failures = 0, 0


def _record_failure(lock, now):
    lock.failures += 1
    lock.last_failure_at = now
    if lock.failures >= MAX_FAILURES:
        # 15 minutes, then 30, 60…: five tries per lock can never walk through the 1 320 picture passwords.
        minutes = min(LOCK_MINUTES * 2 ** lock.lock_count, MAX_LOCK_MINUTES)
        lock.locked_until = now + timedelta(minutes=minutes)
        lock.lock_count += 1
        lock.failures = 0
        logger.warning("learner %s locked out after %s failed sign-ins", lock.user_id, MAX_FAILURES)
    lock.save()


def sign_in_unlock(*, user, by) -> None:
    SignInLock.objects.filter(user=user).update(failures=0, locked_until=None, lock_count=0)
    logger.info("learner %s unlocked by %s", user.pk, by.pk)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def learner_card_issue(*, user) -> str:
    """Issue a new card for the learner and return its secret token (shown once, in the QR code).
    Any earlier card stops working."""
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        LearnerCard.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        LearnerCard.objects.create(user=user, token_hash=_token_hash(token))
    return token


def learner_card_resolve(*, token: str):
    """The learner a card token belongs to, or None if unknown or reissued."""
    if not token or len(token) > 100:
        return None
    card = LearnerCard.objects.filter(token_hash=_token_hash(token), revoked_at__isnull=True).select_related(
        "user"
    ).first()
    return card.user if card and card.user.is_active else None


def learner_content_languages_set(*, user, codes) -> LearnerProfile:
    """The languages a learner reads lessons in, in her order (the first preferred): each one the site
    offers, none twice, at least one. Anything else is refused and nothing changes."""
    if not isinstance(codes, list | tuple) or not codes or not all(isinstance(code, str) for code in codes):
        raise ValidationError(_("Choose at least one language."))
    offered = content_language_codes()
    if any(code not in offered for code in codes):
        raise ValidationError(_("This language is not offered here."))
    if len(set(codes)) != len(codes):
        raise ValidationError(_("Choose each language once."))
    profile = learner_profile_ensure(user=user)
    profile.content_languages = ",".join(codes)
    profile.save(update_fields=["content_languages"])
    return profile
