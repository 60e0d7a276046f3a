"""The voices that read a lesson's steps aloud.

A ``Voice`` is one audio file (MP3, mono) saying one text in one language, found by the text's hash
(``courses.utterances.text_hash``): content-addressed, so a step whose text changes gets a new voice
and two steps (or a glossary word) with the same text share one. A voice is *recorded* (a trainer
spoke it) or *synthetic* (made by espeak-ng when nobody recorded it, and marked so wherever it plays).
There is at most one synthetic voice per text and language.

A ``StepRecording`` says which recording a trainer made for a part of a step (its text, its question,
one of its choices) in a language, whatever language of the lesson they made it from (the lesson's
``translation_key``): one per step, part and language; recording again replaces it. The player plays
a recording only while it says the step's current text (same hash); otherwise the synthetic voice.

This module imports no other module of the app: the page models, selectors and services import it."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class VoiceKind(models.TextChoices):
    RECORDED = "recorded", _("Recorded")
    SYNTHETIC = "synthetic", _("Synthetic")


def voice_upload_to(instance, filename):
    # Recordings get a random part (tablets may cache a URL: a new recording is a new name).
    return f"voices/{instance.language}/{filename}"


class Voice(models.Model):
    """One text said aloud in one language: recorded by a trainer or made by espeak-ng."""

    text_hash = models.CharField(_("text hash"), max_length=64, db_index=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=12)
    kind = models.CharField(_("kind"), max_length=12, choices=VoiceKind.choices)
    audio = models.FileField(_("audio (MP3)"), upload_to=voice_upload_to, max_length=200)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Last time something asked for it (a publication, a glossary page): unused ones are cleaned.
    used_at = models.DateTimeField(_("last used"), auto_now_add=True)

    class Meta:
        verbose_name = _("voice")
        verbose_name_plural = _("voices")
        constraints = [
            models.UniqueConstraint(
                fields=["text_hash", "language"], condition=models.Q(kind="synthetic"),
                name="voice_one_synthetic_per_text_language",
            ),
            models.CheckConstraint(condition=models.Q(kind__in=["recorded", "synthetic"]), name="voice_kind_known"),
            models.CheckConstraint(condition=~models.Q(text_hash=""), name="voice_text_hash_set"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.language} · {self.text[:40]}"

    @property
    def is_synthetic(self):
        return self.kind == VoiceKind.SYNTHETIC


class StepRecording(models.Model):
    """The recording a trainer made for one part of one step, in one language."""

    lesson_key = models.UUIDField(_("lesson (all languages)"))
    lesson = models.ForeignKey(
        "courses.LessonPage", verbose_name=_("lesson"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    step_id = models.CharField(_("step"), max_length=64)
    part = models.CharField(_("part"), max_length=80)
    language = models.CharField(_("language"), max_length=12)
    voice = models.ForeignKey(Voice, verbose_name=_("voice"), on_delete=models.PROTECT, related_name="recordings")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("step recording")
        verbose_name_plural = _("step recordings")
        constraints = [
            models.UniqueConstraint(
                fields=["lesson_key", "step_id", "part", "language"], name="step_recording_unique_part_language"
            ),
            models.CheckConstraint(condition=~models.Q(step_id="") & ~models.Q(part=""), name="step_recording_named"),
        ]

    def __str__(self):
        return f"{self.lesson_key} · {self.step_id} · {self.part} · {self.language}"


# The version of a lesson's voices in a language: part of the cache key of its steps' HTML
# (courses.rendering), changed whenever one of its voices is made, recorded or replaced. Keyed on the
# page's locale id, which the page row holds: reading it costs the lesson page no query.


def voices_version_key(lesson_key, locale_id):
    return f"passerelle:voices-version:{lesson_key}:{locale_id}"


def voices_version_bump(lesson_key, language):
    for locale_id in Locale.objects.filter(language_code=language).values_list("pk", flat=True):
        cache.set(voices_version_key(lesson_key, locale_id), uuid.uuid4().hex[:12], None)
