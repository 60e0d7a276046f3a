"""The learner-independent part of a lesson page (its steps), rendered once per published
revision and language, with every image rendition fetched in one query."""

from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language
from wagtail.images import get_image_model

from .constants import (
    CHOICE_IMAGE_WIDTHS,
    COVER_IMAGE_WIDTHS,
    STEP_IMAGE_FORMATS,
    STEP_IMAGE_WIDTHS,
)

STEPS_CACHE_SECONDS = 7 * 24 * 3600


def filter_specs(widths):
    return [f"width-{w}|format-{f}" for f in STEP_IMAGE_FORMATS for w in widths]


STEP_SPECS = filter_specs(STEP_IMAGE_WIDTHS)
CHOICE_SPECS = filter_specs(CHOICE_IMAGE_WIDTHS)
COVER_SPECS = filter_specs(COVER_IMAGE_WIDTHS)


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


def prefetch_lesson_renditions(lesson):
    images = [image for image, _specs in lesson_images(lesson)]
    Rendition = get_image_model().get_rendition_model()
    specs = STEP_SPECS + CHOICE_SPECS
    prefetch_related_objects(
        images, Prefetch("renditions", queryset=Rendition.objects.filter(filter_spec__in=specs))
    )


def _steps_cache_key(lesson):
    return f"lesson-steps:{lesson.pk}:{lesson.live_revision_id}:{get_language()}"


def lesson_steps_html(lesson, request):
    """The steps of a lesson as HTML; cached per live revision, except in the admin preview."""
    is_preview = getattr(request, "is_preview", False)
    key = _steps_cache_key(lesson)
    if not is_preview:
        html = cache.get(key)
        if html is not None:
            return html
    prefetch_lesson_renditions(lesson)
    html = render_to_string("courses/lesson_steps.html", {"page": lesson, "request": request})
    if not is_preview:
        cache.set(key, html, STEPS_CACHE_SECONDS)
    return html
