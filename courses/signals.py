from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import CoursePage, LessonPage


@receiver(page_published)
def renditions_on_publish(sender, instance, **kwargs):
    if isinstance(instance, LessonPage | CoursePage):
        from .tasks import page_renditions_generate

        transaction.on_commit(lambda: page_renditions_generate.delay(instance.pk))
