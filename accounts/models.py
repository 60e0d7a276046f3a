from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import SecretKind


def content_language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def content_languages_pattern():
    """The stored form of a learner's content languages: codes the site offers, comma-separated, in
    the learner's order (empty: not chosen yet)."""
    code = "(" + "|".join(content_language_codes()) + ")"
    return rf"^({code}(,{code})*)?$"


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
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="learner_profile"
    )
    avatar = models.CharField(_("avatar pictogram"), max_length=30, blank=True)
    avatar_colour = models.CharField(_("avatar colour"), max_length=7, default="#2a6f97")
    languages_spoken = models.CharField(_("languages spoken"), max_length=200, blank=True)
    latin_name = models.CharField(
        _("name in Latin letters"), max_length=80, blank=True,
        help_text=_("Optional transliteration, for staff who do not read the learner's script."),
    )
    learner_code = models.CharField(_("learner code"), max_length=12, unique=True, null=True, blank=True)
    content_languages = models.CharField(
        _("content languages"), max_length=60, blank=True, default="",
        help_text=_("The languages the learner reads the lessons in, the first preferred."),
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(avatar_colour__regex=r"^#[0-9a-fA-F]{6}$"),
                name="learner_profile_colour_hex",
            ),
            models.CheckConstraint(
                condition=models.Q(content_languages__regex=content_languages_pattern()),
                name="learner_profile_content_languages_offered",
            ),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def content_language_list(self):
        return [code for code in self.content_languages.split(",") if code]


class LearnerSecret(models.Model):
    """A learner's picture password or PIN, stored hashed like a password."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="secrets"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SecretKind.CHOICES)
    secret_hash = models.CharField(_("secret (hashed)"), max_length=200)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("learner secret")
        verbose_name_plural = _("learner secrets")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="secret_one_per_kind")]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}"


class LearnerCard(models.Model):
    """A printed card whose QR code opens the learner's sign-in. Reissuing revokes the old one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="cards"
    )
    token_hash = models.CharField(_("card secret (hashed)"), max_length=64, unique=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("learner card")
        verbose_name_plural = _("learner cards")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="card_one_active_per_user"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.issued_at:%Y-%m-%d}"


class SignInLock(models.Model):
    """Failed picture-password or PIN attempts of a learner; five in a row lock them out for a while."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="sign_in_lock"
    )
    failures = models.PositiveSmallIntegerField(_("failed tries"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    last_failure_at = models.DateTimeField(_("last failed try"), null=True, blank=True)
    lock_count = models.PositiveSmallIntegerField(
        _("locks in a row"), default=0, help_text=_("Each new lock lasts twice as long, until a right try.")
    )

    class Meta:
        verbose_name = _("sign-in lock")
        verbose_name_plural = _("sign-in locks")

    def __str__(self):
        return f"{self.user} · {self.failures}"


# --- Privacy: optional demographics with consent, erasure requests ---------------------------------


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("In another way")
    UNSAID = "unsaid", _("I prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_26 = "16-25", _("16 to 25 years")
    FROM_26 = "26-35", _("26 to 35 years")
    FROM_36 = "36-45", _("36 to 45 years")
    FROM_46 = "46-55", _("46 to 55 years")
    FROM_56 = "56+", _("56 years or more")
    UNSAID = "unsaid", _("I prefer not to say")


class DemographicConsent(models.Model):
    """A learner's optional answers about gender and age band, kept only while they consent.
    They are counted only as aggregates; withdrawing consent clears the answers and keeps the date."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="demographics"
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    consent_given_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("demographics (with consent)")
        verbose_name_plural = _("demographics (with consent)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_given_at__isnull=False, consent_withdrawn_at__isnull=True)
                | models.Q(gender="", age_band=""),
                name="demographics_only_with_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(gender__in=["", *Gender.values]), name="demographics_gender_known",
            ),
            models.CheckConstraint(
                condition=models.Q(age_band__in=["", *AgeBand.values]), name="demographics_age_band_known",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} · {self.gender or '—'} · {self.age_band or '—'}"

    @property
    def consented(self):
        return self.consent_given_at is not None and self.consent_withdrawn_at is None


class ErasureRequest(models.Model):
    """A learner's (or a trainer's on their behalf) request to erase the learner's account.
    A manager of the learner's centre confirms it; the account is then anonymised."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="erasure_requests"
    )
    requested_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("requested by"),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(confirmed_at__isnull=True), name="erasure_one_pending_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} · {self.requested_at:%Y-%m-%d}"
