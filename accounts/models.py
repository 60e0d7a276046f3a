from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import SecretKind


class User(AbstractUser):
    """Anyone who signs in: a learner (often without e-mail), a trainer, a référent, a manager.

    No field records nationality, legal status or asylum procedure, by design.
    """

    email = models.EmailField(_("e-mail address"), blank=True)
    display_name = models.CharField(
        _("display name"), max_length=80, blank=True,
        help_text=_("The name shown on screen, in any script."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.shown_name

    @property
    def shown_name(self):
        return self.display_name or self.get_full_name() or self.username


class LearnerProfile(models.Model):
    """What a learner chooses to show of themselves: a pictogram avatar and the languages they speak."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    avatar = models.CharField(_("avatar pictogram"), max_length=30, blank=True)
    avatar_colour = models.CharField(_("avatar colour"), max_length=7, default="#2a6f97")
    languages_spoken = models.CharField(_("languages spoken"), max_length=200, blank=True)
    latin_name = models.CharField(
        _("name in Latin letters"), max_length=80, blank=True,
        help_text=_("Optional transliteration, for staff who do not read the learner's script."),
    )
    learner_code = models.CharField(_("learner code"), max_length=12, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(avatar_colour__regex=r"^#[0-9a-fA-F]{6}$"),
                name="learner_profile_colour_hex",
            )
        ]

    def __str__(self):
        return str(self.user)


class LearnerSecret(models.Model):
    """A learner's picture password or PIN, stored hashed like a password."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="secrets")
    kind = models.CharField(max_length=10, choices=SecretKind.CHOICES)
    secret_hash = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learner secret")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="secret_one_per_kind")]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}"


class LearnerCard(models.Model):
    """A printed card whose QR code opens the learner's sign-in. Reissuing revokes the old one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards")
    token_hash = models.CharField(max_length=64, unique=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("learner card")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="card_one_active_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.issued_at:%Y-%m-%d}"


class SignInLock(models.Model):
    """Failed picture-password or PIN attempts of a learner; five in a row lock them out for a while."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_lock")
    failures = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in lock")

    def __str__(self):
        return f"{self.user} · {self.failures}"
