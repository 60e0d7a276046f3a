from celery import shared_task
from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .models import CoursePage, LessonPage
from .rendering import COVER_SPECS, lesson_images, media_version_bump


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
