from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.content_version import content_version_bump

from .models import CoursePage, LessonPage


@receiver(page_published)
def renditions_on_publish(sender, instance, **kwargs):
    if isinstance(instance, LessonPage | CoursePage):
        from .tasks import page_renditions_generate

        transaction.on_commit(lambda: page_renditions_generate.delay(instance.pk))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def content_changed(sender, **kwargs):
    transaction.on_commit(content_version_bump)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        transaction.on_commit(content_version_bump)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def site_or_locale_changed(sender, **kwargs):
    """A new site root, hostname or language changes which page a URL leads to."""
    transaction.on_commit(content_version_bump)
