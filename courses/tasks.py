from celery import shared_task

from .models import CoursePage, LessonPage
from .rendering import COVER_SPECS, lesson_images


@shared_task(acks_late=True)
def page_renditions_generate(page_id):
    """Generate every image rendition a published lesson or course shows, so that no learner
    ever waits for an image to be resized. Safe to run twice: existing renditions are reused."""
    lesson = LessonPage.objects.live().filter(pk=page_id).first()
    if lesson is not None:
        made = 0
        for image, specs in lesson_images(lesson):
            made += len(image.get_renditions(*specs))
        return made
    course = CoursePage.objects.live().filter(pk=page_id).select_related("cover").first()
    if course is not None and course.cover is not None:
        return len(course.cover.get_renditions(*COVER_SPECS))
    return 0
