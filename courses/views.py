"""Learner-facing views of the lesson path: the player's posts, starting a course, « Mon parcours ».
They check the request and call services, selectors and page methods. The pages themselves
(catalogue, course, lesson) are served by Wagtail, their logic on the page models."""

import json
import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks

from accounts import selectors as account_selectors
from core.once import first_submission
from core.pictograms import pictogram_glossary

from . import selectors, services
from .constants import ProgressStatus, StepKind
from .grading import InvalidAnswer
from .models import CoursePage, LessonPage
from .preview import lesson_previewed
from .rendering import lesson_steps_html

MAX_JSON_BODY = 16 * 1024


def _json_error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def _read_json(request):
    if len(request.body) > MAX_JSON_BODY:
        raise InvalidAnswer(_("This answer is too long."))
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise InvalidAnswer(_("The answer could not be read. Please try again.")) from None
    if not isinstance(data, dict):
        raise InvalidAnswer(_("The answer could not be read. Please try again."))
    return data


def _client_uuid(data):
    try:
        return uuid.UUID(str(data["client_uuid"]))
    except (KeyError, ValueError):
        raise InvalidAnswer(_("The answer could not be read. Please try again.")) from None


def _step_id(data):
    try:
        return uuid.UUID(str(data["step_id"]))
    except (KeyError, ValueError):
        raise InvalidAnswer(_("This step is not part of the lesson. Reload the page.")) from None


def _live_lesson(lesson_id):
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _progress_json(progress, lesson):
    score = selectors.attempt_score(progress=progress, lesson=lesson)
    return {
        "status": progress.status,
        "score": round(score * 100),
        "pass_mark": lesson.pass_mark,
        "completed": progress.completed_at is not None,
    }


def _api(view):
    """JSON endpoints: signed-in, POST only, errors as translated JSON messages."""

    @require_POST
    def wrapper(request, lesson_id):
        if not request.user.is_authenticated:
            return _json_error(_("Your session has ended. Please sign in again."), status=401)
        try:
            return view(request, _live_lesson(lesson_id))
        except InvalidAnswer as error:
            return _json_error(error.message)
        except PermissionDenied as error:
            return _json_error(str(error), status=403)

    return wrapper


@_api
def answer_create(request, lesson):
    data = _read_json(request)
    outcome = services.lesson_answer_record(
        learner=request.user, lesson=lesson, step_id=_step_id(data),
        payload=data.get("payload"), client_uuid=_client_uuid(data),
    )
    return JsonResponse(
        {
            "is_correct": outcome.grade.is_correct,  # this try
            "first_try": outcome.answer.is_correct,  # what the score counts
            "tries_left": outcome.tries_left,  # None: as many as the learner needs
            "feedback": outcome.grade.feedback,
            "reveal": outcome.grade.reveal if _may_reveal(outcome) else {},
            "progress": _progress_json(outcome.progress, lesson),
        }
    )


def _may_reveal(outcome):
    """The right answer is shown once nothing is left to find; the right place of a "tap" step at
    once, since it can be tapped again as often as needed."""
    return outcome.is_final or outcome.answer.step_kind == StepKind.HOTSPOT


@require_POST
def answer_preview(request, lesson_id):
    """The admin preview's answers, for a lesson being edited: see ``_preview_answer``."""
    return _preview_answer(request, lesson_id=lesson_id)


@require_POST
def answer_preview_new(request, course_id):
    """The admin preview's answers, for a lesson being created in the course ``course_id``."""
    return _preview_answer(request, parent_id=course_id)


def _preview_answer(request, **lesson):
    """Graded against the content the editor's preview shows (``courses.preview``), for someone who
    may edit the lesson, and never stored (no enrolment, no progress)."""
    if not request.user.is_authenticated:
        return _json_error(_("Your session has ended. Please sign in again."), status=401)
    try:
        previewed = lesson_previewed(request, editing=request.GET.get("draft") != "1", **lesson)
        data = _read_json(request)
        grade = services.lesson_answer_preview(lesson=previewed, step_id=_step_id(data),
                                               payload=data.get("payload"))
    except PermissionDenied:
        return _json_error(_("Only the lesson's editors can try its preview."), status=403)
    except Http404:
        return _json_error(_("This lesson no longer exists. Reload the page."), status=404)
    except InvalidAnswer as error:
        return _json_error(error.message)
    return JsonResponse({
        "is_correct": grade.is_correct, "first_try": grade.is_correct, "tries_left": None,
        "feedback": grade.feedback, "reveal": grade.reveal if grade.is_correct else {}, "progress": None,
    })


@_api
def step_visit(request, lesson):
    data = _read_json(request)
    progress = services.lesson_step_visit(learner=request.user, lesson=lesson, step_id=_step_id(data))
    return JsonResponse({"progress": _progress_json(progress, lesson)})


STEP_SECTION = r'<section class="step [^"]*" id="step-\d+" data-step data-step-id="{step_id}"[^>]*>(.*?)</section>'


def _step_html(lesson, request, step_id):
    """The inner HTML of one step of ``lesson`` as the player shows it (from the cached steps), or None."""
    found = re.search(STEP_SECTION.format(step_id=re.escape(str(step_id))), str(lesson_steps_html(lesson, request)),
                      re.DOTALL)
    return found[1] if found else None


@require_GET
def step_in_language(request, lesson_id, step_id, language):
    """« My language »: one step of a lesson in another of the learner's languages, for the player to
    show in place of the step on screen. Where that translation lacks the step, the step stays as it
    is and a short note says so: never an error page. Answers to it go to the translated lesson
    (the same step id: the same answer, place and progress)."""
    if not request.user.is_authenticated:
        return _json_error(_("Your session has ended. Please sign in again."), status=401)
    lesson = _live_lesson(lesson_id)
    if language not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return _json_error(_("This language is not offered here."), status=404)
    if not selectors.lesson_enrolment_exists(learner=request.user, lesson=lesson):
        return _json_error(_("Press « Start » to begin this course."), status=403)
    translated = selectors.lesson_translation_get(lesson=lesson, language=language)
    html = _step_html(translated, request, step_id) if translated is not None else None
    info = get_language_info(language)
    if html is None:
        return JsonResponse({"html": None, "note": _(
            "This step is not translated into %(language)s yet."
        ) % {"language": dict(settings.LANGUAGES)[language]}})
    return JsonResponse({
        "html": html, "note": "", "lang": language, "dir": "rtl" if info["bidi"] else "ltr",
        "answer_url": reverse("courses:answer_create", args=[translated.pk]),
    })


@require_POST
@login_required
def lesson_restart(request, lesson_id):
    lesson = _live_lesson(lesson_id)
    if not first_submission(request):  # a second tap on « Recommencer »: already restarted
        return redirect(lesson.url)
    try:
        services.lesson_restart(learner=request.user, lesson=lesson)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(lesson.get_parent().url)
    return redirect(lesson.url)


@require_POST
@login_required
def course_start(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    services.enrolment_create(learner=request.user, course=course)
    target = next((r.lesson for r in course.lesson_rows(request.user) if r.status != ProgressStatus.COMPLETED), None)
    return redirect(target.url if target else course.url)


MY_PATH_SECTIONS_HOOK = "passerelle_my_path_sections"


@login_required
def my_path(request):
    """« Mon parcours »: the courses followed, then the sections other apps add through the
    ``passerelle_my_path_sections`` hook (a function of the request returning HTML), so that courses
    imports none of them."""
    courses = CoursePage.followed_by(request.user)
    sections = [html for hook in hooks.get_hooks(MY_PATH_SECTIONS_HOOK) if (html := hook(request))]
    chosen = account_selectors.learner_content_languages(user=request.user)
    return render(request, "courses/my_path.html", {
        "courses": courses, "sections": sections, "choose_languages": not chosen,
        "language_choices": account_selectors.content_language_choices(selected=chosen),
    })


def glossary(request):
    """« Les pictogrammes »: every pictogram of the learner screens, large, with its word in the
    interface language and in French, each with a speaker: their voices (made daily by
    ``glossary_voices_generate``), else the browser's. Public: read before anyone signs in."""
    language = get_language()
    entries = pictogram_glossary(language=language)
    voices = {
        language: selectors.voice_urls([entry.word for entry in entries], language),
        "fr": selectors.voice_urls([entry.french for entry in entries], "fr") if language != "fr" else {},
    }
    for entry in entries:
        entry.voice = voices[language].get(entry.word, "")
        entry.french_voice = voices["fr"].get(entry.french, "")
    return render(request, "courses/glossary.html", {"entries": entries, "show_french": language != "fr"})
