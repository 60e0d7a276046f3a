"""Writes of the steps' voices: synthetic ones made for texts nobody recorded, trainers' recordings,
and the cleaning of voices no text uses any more. Tasks and the admin's « Voix » screen call these.

Lessons are passed in (this module imports no page class): ``lesson.steps``, ``lesson.translation_key``
and ``lesson.locale`` are all it reads of them."""

import contextvars
import logging
import os
import secrets
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pictograms import pictogram_glossary

from . import audio
from .utterances import lesson_utterances, plain_text, text_hash
from .voices import StepRecording, Voice, VoiceKind, voices_version_bump

logger = logging.getLogger(__name__)

MAX_RECORDING_BYTES = 10 * 1024 * 1024
MAX_RECORDING_SECONDS = 20 * 60
# Synthesis runs in subprocesses (espeak-ng, ffmpeg): threads are enough to keep every core busy.
SYNTHESIS_WORKERS = min(4, os.cpu_count() or 2)
# Texts per ffmpeg process (one process converts them all: see audio.synthesize_many).
SYNTHESIS_BATCH = 32
# A voice no lesson says and nothing asked for since this long is deleted (glossary words included).
UNUSED_VOICE_DAYS = 30


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def synthesis_enabled():
    return settings.PASSERELLE_VOICES_SYNTHESIS and audio.synthesis_available()


_on_publish = contextvars.ContextVar("passerelle_voices_on_publish", default=True)


@contextmanager
def publish_synthesis_paused():
    """Publications inside make no voices (the demo makes those it needs in one pass instead)."""
    token = _on_publish.set(False)
    try:
        yield
    finally:
        _on_publish.reset(token)


def publish_synthesis_on():
    return settings.PASSERELLE_VOICES_SYNTHESIS and _on_publish.get()


def _voiced_hashes(hashes, language):
    return set(Voice.objects.filter(language=language, text_hash__in=hashes).values_list("text_hash", flat=True))


def voices_touch(texts, language):
    """Mark the voices of these texts as used now (the cleaning keeps them); the texts with none."""
    by_hash = {text_hash(text): plain_text(text) for text in texts if plain_text(text)}
    Voice.objects.filter(language=language, text_hash__in=by_hash).update(used_at=timezone.now())
    voiced = _voiced_hashes(list(by_hash), language)
    return [text for key, text in by_hash.items() if key not in voiced]


def _synthetic_voice_save(text, language, made):
    mp3, duration_ms = made
    key = text_hash(text)
    voice = Voice(text_hash=key, text=text, language=language, kind=VoiceKind.SYNTHETIC, duration_ms=duration_ms)
    voice.audio.save(f"{key[:24]}.{secrets.token_hex(3)}.mp3", ContentFile(mp3), save=False)
    try:
        with transaction.atomic():
            voice.save()
    except IntegrityError:  # another worker made it meanwhile: keep theirs
        voice.audio.delete(save=False)
        return None
    return voice


def voices_synthesize(texts, language):
    """Make the synthetic voice of each text in ``language`` that has no voice yet, in batches (one
    ffmpeg per batch, one batch per core).
    Returns how many were made (0 if espeak-ng does not speak the language or synthesis is off)."""
    if not synthesis_enabled() or not audio.speaks(language):
        return 0
    missing = voices_touch(texts, language)
    if not missing:
        return 0
    size = max(1, min(SYNTHESIS_BATCH, -(-len(missing) // SYNTHESIS_WORKERS)))  # every core busy
    batches = [missing[start:start + size] for start in range(0, len(missing), size)]
    with ThreadPoolExecutor(max_workers=SYNTHESIS_WORKERS) as pool:
        results = [made for batch in pool.map(lambda batch: _synthesize_or_none(batch, language), batches)
                   for made in batch]
    return sum(1 for text, made in zip(missing, results, strict=True)
               if made and _synthetic_voice_save(text, language, made))


def _synthesize_or_none(texts, language):
    try:
        return audio.synthesize_many(texts, language)
    except (audio.AudioError, OSError):
        logger.exception("espeak-ng could not say %s text(s) in %s", len(texts), language)
        return [None] * len(texts)


def lesson_voices_make(lesson):
    """The synthetic voices a published lesson lacks, in its own language; its players show them
    at once (the cached steps are rendered again). Returns how many were made."""
    language = lesson.locale.language_code
    made = voices_synthesize([utterance.text for utterance in lesson_utterances(lesson)], language)
    if made:
        transaction.on_commit(lambda: voices_version_bump(lesson.translation_key, language))
    return made


# --- Recordings -------------------------------------------------------------------------------------


def part_text(source, step_id, part):
    """The text a part of a step says in ``source`` (the lesson in the recording's language); None if
    the step or part does not exist."""
    for utterance in lesson_utterances(source):
        if utterance.step_id == step_id and utterance.part == part:
            return utterance.text
    return None


def _checked_upload(upload):
    if upload is None:
        raise ValidationError(_("Choose a recording or record one."), code="missing")
    if upload.size > MAX_RECORDING_BYTES:
        raise ValidationError(_("This recording is over 10 MB. Record a shorter one."), code="too_big")


def _converted(upload):
    """(MP3 bytes, duration ms) of an uploaded recording; ValidationError if it is not sound or too long."""
    suffix = Path(upload.name or "").suffix[:8]
    with tempfile.NamedTemporaryFile(suffix=suffix) as source:
        for chunk in upload.chunks():
            source.write(chunk)
        source.flush()
        try:
            seconds = audio.probe_duration(source.name)
            if seconds is not None and seconds > MAX_RECORDING_SECONDS:
                raise ValidationError(_("This recording lasts over 20 minutes. Record a shorter one."), code="too_long")
            mp3, duration_ms = audio.recording_to_mp3(source.name)
        except audio.AudioError:
            raise ValidationError(_("This file is not a sound recording."), code="not_audio") from None
    if duration_ms > MAX_RECORDING_SECONDS * 1000:
        raise ValidationError(_("This recording lasts over 20 minutes. Record a shorter one."), code="too_long")
    return mp3, duration_ms


def recording_save(*, lesson, lessons_by_language, step_id, part, language, upload, user):
    """Save a trainer's recording of a part of a step in a language (replacing any earlier one).
    Everything is checked before anything is written; ValidationError says what is wrong."""
    if language not in content_languages():
        raise ValidationError(_("This site offers no lessons in this language."), code="language")
    source = lesson if lesson.locale.language_code == language else lessons_by_language.get(language)
    if source is None:
        raise ValidationError(_("This lesson is not translated into this language yet: translate it first, "
                                "then record its voices."), code="untranslated")
    text = part_text(source, step_id, part)
    if text is None:
        raise ValidationError(_("This step is not in the lesson any more. Open the lesson's voices again."),
                              code="step")
    _checked_upload(upload)
    mp3, duration_ms = _converted(upload)
    voice = Voice(text_hash=text_hash(text), text=text, language=language, kind=VoiceKind.RECORDED,
                  duration_ms=duration_ms)
    voice.audio.save(f"rec-{secrets.token_hex(8)}.mp3", ContentFile(mp3), save=False)
    with transaction.atomic():
        voice.save()
        previous = StepRecording.objects.select_for_update().filter(
            lesson_key=lesson.translation_key, step_id=step_id, part=part, language=language).first()
        recording, _created = StepRecording.objects.update_or_create(
            lesson_key=lesson.translation_key, step_id=step_id, part=part, language=language,
            defaults={"voice": voice, "lesson": lesson, "recorded_by": user},
        )
        if previous is not None:
            _voice_delete_if_unused(previous.voice_id)
        transaction.on_commit(lambda: voices_version_bump(lesson.translation_key, language))
    return recording


def _voice_delete_if_unused(voice_id):
    voice = Voice.objects.filter(pk=voice_id, recordings__isnull=True).first()
    if voice is not None:
        name, storage = voice.audio.name, voice.audio.storage
        voice.delete()
        transaction.on_commit(lambda: storage.delete(name))


def voices_unused_delete(*, lessons, now=None):
    """Delete the voices that no step of ``lessons`` (every lesson's live and latest text) says, that
    no recording links, and that nothing asked for in UNUSED_VOICE_DAYS. Returns how many."""
    said = {(utterance.text_hash, lesson.locale.language_code) for lesson in lessons
            for utterance in lesson_utterances(lesson)}
    cutoff = (now or timezone.now()) - timedelta(days=UNUSED_VOICE_DAYS)
    unused = [voice for voice in Voice.objects.filter(used_at__lt=cutoff, recordings__isnull=True)
              if (voice.text_hash, voice.language) not in said]
    for voice in unused:
        name, storage = voice.audio.name, voice.audio.storage
        voice.delete()
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    return len(unused)


def glossary_voices_make():
    """The pictograms' words spoken in every interface language espeak-ng speaks, for the glossary
    (« Les pictogrammes »). Existing voices are touched, so the daily cleaning keeps them.
    Returns how many were made (0 when synthesis is off)."""
    return sum(
        voices_synthesize([entry.word for entry in pictogram_glossary(language=code)], code)
        for code, _name in settings.LANGUAGES if audio.speaks(code)
    )
