"""What a learner's tablet is sent for a lesson, and the image renditions it shows.

- The rendition specs of each role an image plays (a step, a choice, a course cover) are defined
  here once: Wagtail's ``{% picture %}`` in the templates (``{% prepared_picture %}``), the
  prefetch of a lesson page and the task that makes them ahead all read them from here.
- The steps of a lesson do not depend on the learner: their HTML is rendered once and cached,
  keyed by everything it shows: the live revision, the language, the site, and a version of each
  image and document the steps use, which changes whenever one is saved, replaced or deleted
  (see ``courses.signals``). A rendition URL in the cache therefore always exists."""

import hashlib
import uuid

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import Filter

from .constants import (
    CHOICE_IMAGE_SIZES,
    CHOICE_IMAGE_WIDTHS,
    COVER_IMAGE_SIZES,
    COVER_IMAGE_WIDTHS,
    STEP_IMAGE_FORMATS,
    STEP_IMAGE_SIZES,
    STEP_IMAGE_WIDTHS,
)
from .selectors import lesson_voices
from .voices import voices_version_key

STEPS_CACHE_SECONDS = 7 * 24 * 3600
# Steps rendered while some renditions were still being made show the original images; they are
# kept briefly, so that the worker's renditions are shown as soon as they exist.
INCOMPLETE_STEPS_CACHE_SECONDS = 30

# Each role an image plays: the widths a tablet shows it at, and the `sizes` the browser picks by.
PICTURE_ROLES = {
    "step": (STEP_IMAGE_WIDTHS, STEP_IMAGE_SIZES),
    "choice": (CHOICE_IMAGE_WIDTHS, CHOICE_IMAGE_SIZES),
    "cover": (COVER_IMAGE_WIDTHS, COVER_IMAGE_SIZES),
}


def picture_filter_specs(role):
    """The filter specs of ``{% picture %}`` for a role, e.g. ``width-{480,800,1024} format-{avif,webp}``."""
    widths, _sizes = PICTURE_ROLES[role]
    return ["width-{" + ",".join(map(str, widths)) + "}", "format-{" + ",".join(STEP_IMAGE_FORMATS) + "}"]


def picture_sizes(role):
    return PICTURE_ROLES[role][1]


def role_specs(role):
    """Every rendition of a role, as Wagtail expands the picture's specs."""
    return Filter.expand_spec(picture_filter_specs(role))


STEP_SPECS = role_specs("step")
CHOICE_SPECS = role_specs("choice")
COVER_SPECS = role_specs("cover")
# A video's poster: the largest step width, in the format every browser reads.
POSTER_SPEC = f"width-{max(STEP_IMAGE_WIDTHS)}|format-{STEP_IMAGE_FORMATS[-1]}"


def step_image_alt(image):
    """The alt text of a step's picture: empty if decorative, else the text written for this use
    (an image given without one, as in a test's factory, falls back on Wagtail's default)."""
    if image is None or getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text


def step_images(step):
    """(image, specs) pairs for every image a step shows."""
    value = step.value
    found = []
    for name in ("image", "poster"):
        image = value.get(name) if hasattr(value, "get") else None
        if image is not None:
            found.append((image, STEP_SPECS))
    for choice in value.get("choices", []) if hasattr(value, "get") else []:
        if choice.get("image") is not None:
            found.append((choice["image"], CHOICE_SPECS))
    return found


def lesson_images(lesson):
    return [pair for step in lesson.steps for pair in step_images(step)]


def renditions_ready(image, specs):
    """True if every rendition exists; never makes one (reads prefetched renditions if any)."""
    filters = [Filter(spec=spec) for spec in specs]
    return len(image.find_existing_renditions(*filters)) == len(filters)


def cover_renditions_prefetch(lookup="cover__renditions"):
    """The prefetch that lets a list of courses show their covers without a query per course."""
    Rendition = get_image_model().get_rendition_model()
    return Prefetch(lookup, queryset=Rendition.objects.filter(filter_spec__in=COVER_SPECS))


def prefetch_lesson_renditions(lesson):
    images = [image for image, _specs in lesson_images(lesson)]
    Rendition = get_image_model().get_rendition_model()
    prefetch_related_objects(
        images, Prefetch("renditions", queryset=Rendition.objects.filter(filter_spec__in=STEP_SPECS + CHOICE_SPECS))
    )


# Versions of the images and documents that cached HTML shows.


def media_version_key(model, pk):
    return f"passerelle:media-version:{model._meta.label_lower}:{pk}"


def media_version_bump(model, pk):
    """Called when an object that steps choose (an image, a document, a snippet such as an H5P
    package) changes: HTML that showed it is rendered again."""
    cache.set(media_version_key(model, pk), uuid.uuid4().hex[:12], None)


def _chooser_ids(block, raw, found):
    """Collect (model, id) of every chosen object (image, document, snippet) in a block's stored
    (JSON) value, without loading anything from the database."""
    if raw in (None, "", [], {}):
        return
    if isinstance(block, blocks.ChooserBlock):
        found.add((block.model_class, raw))
    elif isinstance(block, ImageBlock) and not isinstance(raw, dict):  # stored before it had an alt text
        found.add((block.child_blocks["image"].model_class, raw))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _chooser_ids(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            is_block_format = isinstance(item, dict) and "id" in item and "value" in item
            _chooser_ids(block.child_block, item["value"] if is_block_format else item, found)
    elif isinstance(block, blocks.StreamBlock):
        for child in raw:
            if child.get("type") in block.child_blocks:
                _chooser_ids(block.child_blocks[child["type"]], child.get("value"), found)


def lesson_media_keys(lesson):
    found = set()
    _chooser_ids(lesson.steps.stream_block, list(lesson.steps.raw_data), found)
    return sorted(media_version_key(model, pk) for model, pk in found)


def _media_versions(keys):
    versions = cache.get_many(keys)
    for key in keys:
        if key not in versions:  # never bumped, or evicted: a new version, never an old one
            cache.add(key, uuid.uuid4().hex[:12], None)
            versions[key] = cache.get(key)
    return [f"{key}={versions[key]}" for key in keys]


def lesson_voices_language(lesson):
    """The language the steps are read in: the lesson's own (French under a Dari interface)."""
    return lesson.locale.language_code


def _steps_cache_key(lesson, request):
    # The voices' version is read with the media versions: one cache round trip, no query.
    keys = [*lesson_media_keys(lesson), voices_version_key(lesson.translation_key, lesson.locale_id)]
    media = hashlib.sha256("|".join(_media_versions(keys)).encode()).hexdigest()[:16]
    site = hashlib.sha256(f"{request.get_host()}:{request.get_port()}".encode()).hexdigest()[:12]
    return f"lesson-steps:{lesson.pk}:{lesson.live_revision_id}:{get_language()}:{site}:{media}"


RENDITIONS_TASK = "courses.tasks.page_renditions_generate"


def _renditions_requested(lesson):
    """Ask the worker for a lesson's missing renditions, at most once a minute; never in the
    request itself (with no worker, tasks run in-process: the learner would wait)."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not lesson.live:
        return
    if cache.add(f"passerelle:renditions-requested:{lesson.pk}", 1, 60):
        # By name: the tasks module imports this one, and modules of an app import one way.
        transaction.on_commit(lambda: current_app.send_task(RENDITIONS_TASK, args=[lesson.pk]))


def _render_steps(lesson, request):
    """(html, complete): complete is False if an image showed its original, renditions missing."""
    prefetch_lesson_renditions(lesson)
    complete = all(renditions_ready(image, specs) for image, specs in lesson_images(lesson))
    voices = lesson_voices(lesson, lesson_voices_language(lesson))
    html = render_to_string("courses/lesson_steps.html", {"page": lesson, "request": request, "voices": voices})
    return html, complete


def lesson_steps_html(lesson, request):
    """The steps of a lesson as HTML; cached, except in the admin preview."""
    if getattr(request, "is_preview", False):
        return _render_steps(lesson, request)[0]
    key = _steps_cache_key(lesson, request)
    html = cache.get(key)
    if html is None:
        html, complete = _render_steps(lesson, request)
        if not complete:
            _renditions_requested(lesson)
        cache.set(key, html, STEPS_CACHE_SECONDS if complete else INCOMPLETE_STEPS_CACHE_SECONDS)
    return html
