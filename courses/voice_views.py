"""The admin's « Voix » screen of a lesson: each part of each step (text, question, choices) in one
language, with its recording and its synthetic voice, both playable; a trainer records one in the
browser (MediaRecorder) or uploads a file, which ffmpeg turns into an MP3 for the tablets.

Only people who may edit the lesson reach it (Wagtail's page permissions: the trainers and managers
of the catalogue). Mounted under the Wagtail admin."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import LessonPage
from .selectors import lesson_recordings
from .utterances import lesson_utterances, part_label, text_hash
from .voices import Voice, VoiceKind
from .voicing import content_languages, recording_save


def _lesson_for(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, LessonPage):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _translations(lesson):
    pages = LessonPage.objects.filter(translation_key=lesson.translation_key).select_related("locale")
    return {page.locale.language_code: page for page in pages}


def _step_numbers(lesson):
    return {str(step.id): (number, step.block.label) for number, step in enumerate(lesson.steps, start=1)}


def voice_rows(lesson, lessons_by_language, language):
    """One row per part read aloud, with its recording (and whether it still says the text) and
    its synthetic voice, in ``language``."""
    source = lesson if lesson.locale.language_code == language else lessons_by_language.get(language)
    if source is None:
        return []  # not translated yet: nothing to record
    utterances = lesson_utterances(source)
    synthetic = {voice.text_hash: voice for voice in Voice.objects.filter(
        language=language, kind=VoiceKind.SYNTHETIC, text_hash__in={u.text_hash for u in utterances})}
    recordings = {(r.step_id, r.part): r for r in lesson_recordings(lesson_key=lesson.translation_key)
                  if r.language == language}
    numbers = _step_numbers(source)
    rows = []
    for utterance in utterances:
        recording = recordings.get((utterance.step_id, utterance.part))
        number, kind = numbers[utterance.step_id]
        rows.append({
            "utterance": utterance, "number": number, "kind": kind, "part_label": part_label(utterance.part),
            "recording": recording, "synthetic": synthetic.get(utterance.text_hash),
            "stale": recording is not None and recording.voice.text_hash != text_hash(utterance.text),
        })
    return rows


def _language_asked(request, lesson):
    return request.POST.get("language") or request.GET.get("language") or lesson.locale.language_code


def lesson_voices(request, page_id):
    lesson = _lesson_for(request, page_id)
    lessons_by_language = _translations(lesson)
    language = _language_asked(request, lesson)
    error, error_part, status = None, None, 200
    if request.method == "POST":
        try:
            recording_save(lesson=lesson, lessons_by_language=lessons_by_language,
                           step_id=request.POST.get("step_id", ""), part=request.POST.get("part", ""),
                           language=language, upload=request.FILES.get("audio"), user=request.user)
        except ValidationError as invalid:
            error, status = invalid.messages[0], 400
            error_part = (request.POST.get("step_id", ""), request.POST.get("part", ""))
        else:
            messages.success(request, _("Recording saved: the tablets play it from now on."))
            url = reverse("courses_lesson_voices", args=[lesson.pk])
            return redirect(f"{url}?language={language}#{request.POST.get('step_id')}-{request.POST.get('part')}")
    if language not in content_languages():
        error = error or _("This site offers no lessons in this language.")
        language, status = lesson.locale.language_code, 400
    rows = voice_rows(lesson, lessons_by_language, language)
    if error_part not in {(row["utterance"].step_id, row["utterance"].part) for row in rows}:
        error_part = None  # an unknown step: the message goes above the table
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return TemplateResponse(request, "courses/admin/lesson_voices.html", {
        "lesson": lesson, "language": language, "language_name": names.get(language, language),
        "languages": [(code, names.get(code, code), code in lessons_by_language) for code in content_languages()],
        "translated": language in lessons_by_language or language == lesson.locale.language_code,
        "rows": rows, "error": error, "error_part": error_part,
        "header_title": _("Voices: %(title)s") % {"title": lesson.title},
        "edit_url": reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
    }, status=status)
