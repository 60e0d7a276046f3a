import logging
import threading

from celery import shared_task
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_finished, request_started
from django.db import connections
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .models import CoursePage, LessonPage
from .rendering import COVER_SPECS, lesson_images, media_version_bump
from .voicing import glossary_voices_make, lesson_voices_make, voices_synthesize, voices_unused_delete

logger = logging.getLogger(__name__)
_background_runs = set()
_this_request = threading.local()  # the background runs a request asked for, started after its response


def _run_in_background(task, args):
    try:
        task.apply(args=args, throw=True)
    except Exception:
        logger.exception("Background run of %s%r failed", task.name, args)
    finally:
        connections.close_all()  # this thread's own connections


def task_enqueue(task, *args):
    """Hand ``task`` to the worker. In the embedded mode (no Redis: Celery runs tasks in the caller)
    it runs in a background thread instead, so that the trainer's publish request does not wait
    for twenty images to be resized; learners meanwhile get the originals (courses.rendering).
    Call it after the commit (``transaction.on_commit``): the thread reads what the request wrote.
    Inside a request the thread starts once the response is sent, so that it never competes with
    the request's last writes (SQLite, the embedded mode's database, has one writer at a time)."""
    if not (settings.CELERY_TASK_ALWAYS_EAGER and settings.PASSERELLE_EAGER_TASKS_IN_THREAD):
        return task.delay(*args)
    _background_runs.difference_update([thread for thread in list(_background_runs) if not thread.is_alive()
                                        and thread.ident is not None])
    thread = threading.Thread(target=_run_in_background, args=(task, args), name=f"passerelle:{task.name}", daemon=True)
    _background_runs.add(thread)
    waiting = getattr(_this_request, "threads", None)
    if waiting is None:
        thread.start()  # no request under way: a command, a shell
    else:
        waiting.append(thread)
    return thread


def _waiting_start():
    """Start the background runs this thread's request asked for; none wait any more."""
    threads, _this_request.threads = getattr(_this_request, "threads", None) or [], None
    for thread in threads:
        thread.start()


@receiver(request_started)
def _request_began(**kwargs):
    _waiting_start()  # a request that ended without a response (a test's exception) leaves none behind
    _this_request.threads = []


@receiver(request_finished)
def _request_ended(**kwargs):
    """The response is sent: start the background runs the request asked for."""
    _waiting_start()


def background_runs_wait(timeout=None):
    """Wait for the background runs started so far (a management command before it exits, a test);
    how many there were."""
    threads = [thread for thread in _background_runs if thread.ident is not None]
    for thread in threads:
        thread.join(timeout)
    _background_runs.difference_update(threads)
    return len(threads)


def _make_missing(image, specs):
    """The renditions of ``specs`` that do not exist yet, made now; how many were made."""
    existing = set(image.renditions.filter(filter_spec__in=specs).values_list("filter_spec", flat=True))
    missing = [spec for spec in specs if spec not in existing]
    if missing:
        image.get_renditions(*missing)
    return len(missing)


def _images_made(pairs):
    """Make what is missing for (image, specs) pairs; images that got new renditions have their
    version bumped, so that steps cached with their original are rendered again at once."""
    total = 0
    unique = {(image.pk, tuple(specs)): (image, specs) for image, specs in pairs}
    for image, specs in unique.values():
        made = _make_missing(image, specs)
        if made:
            media_version_bump(type(image), image.pk)
        total += made
    return total


@shared_task(acks_late=True)
def page_renditions_generate(page_id):
    """Generate every image rendition a published lesson or course shows, so that no learner
    ever waits for an image to be resized. Safe to run twice: existing renditions are reused.
    Returns how many renditions the page shows."""
    lesson = LessonPage.objects.live().filter(pk=page_id).first()
    if lesson is not None:
        pairs = lesson_images(lesson)
        _images_made(pairs)
        return sum(len(specs) for _image, specs in pairs)
    course = CoursePage.objects.live().filter(pk=page_id).select_related("cover").first()
    if course is not None and course.cover is not None:
        _images_made([(course.cover, COVER_SPECS)])
        return len(COVER_SPECS)
    return 0


@shared_task(acks_late=True)
def image_renditions_generate(image_id):
    """After a trainer replaced an image's file (Wagtail then deletes its renditions), make the
    renditions that the live lessons and courses using it show, as publishing does. The pages are
    found with Wagtail's reference index. Returns how many renditions were made."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    page_ids = [int(pk) for pk in ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    ).values_list("object_id", flat=True)]
    pairs = []
    for lesson in LessonPage.objects.live().filter(pk__in=page_ids):
        pairs += [(image, specs) for used, specs in lesson_images(lesson) if used.pk == image.pk]
    if CoursePage.objects.live().filter(pk__in=page_ids, cover=image).exists():
        pairs.append((image, COVER_SPECS))
    return _images_made(pairs)


# --- Voices (courses.voicing) ---------------------------------------------------------------------


@shared_task(acks_late=True)
def lesson_voices_generate(page_id):
    """Make the synthetic voices a published lesson lacks, in its language (after each publication:
    a changed text gets its new voice). Safe to run twice. Returns how many were made."""
    lesson = LessonPage.objects.live().filter(pk=page_id).select_related("locale").first()
    return lesson_voices_make(lesson) if lesson is not None else 0


@shared_task(acks_late=True)
def voices_synthesize_texts(texts, language):
    """Synthetic voices for texts outside lessons (the glossary's words): ``services.voices_request``."""
    return voices_synthesize(texts, language)


@shared_task
def voices_unused_clean():
    """Daily (beat): delete the voices no lesson says any more and nothing asked for lately."""
    lessons = [*LessonPage.objects.live().select_related("locale"),
               *(page.get_latest_revision_as_object() for page in
                 LessonPage.objects.filter(has_unpublished_changes=True).select_related("locale"))]
    return voices_unused_delete(lessons=lessons)


@shared_task
def glossary_voices_generate():
    """Daily (beat): the glossary's words have their voices in every language espeak-ng speaks."""
    return glossary_voices_make()
