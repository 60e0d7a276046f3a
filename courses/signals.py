from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.content_version import content_version_bump

from .models import CatalogueIndexPage, CoursePage, LessonPage
from .permissions import catalogue_editors_grant
from .rendering import media_version_bump
from .voicing import publish_synthesis_on


@receiver(post_save, sender=CatalogueIndexPage)
def catalogue_created(sender, instance, created, raw=False, **kwargs):
    """A new catalogue (a language's, made by hand or by translating) is written by the staff groups too."""
    if created and not raw:
        catalogue_editors_grant(catalogue=instance)


@receiver(page_published)
def renditions_on_publish(sender, instance, **kwargs):
    if isinstance(instance, LessonPage | CoursePage):
        from .tasks import page_renditions_generate, task_enqueue

        # After the response's commit, by the worker or (embedded mode) a background thread.
        transaction.on_commit(lambda: task_enqueue(page_renditions_generate, instance.pk))


@receiver(page_published)
def voices_on_publish(sender, instance, **kwargs):
    """Every step part nobody recorded gets a synthetic voice, made by the worker (in the embedded
    mode a background thread): the publication never waits for espeak-ng."""
    if isinstance(instance, LessonPage) and publish_synthesis_on():
        from .tasks import lesson_voices_generate, task_enqueue

        transaction.on_commit(lambda: task_enqueue(lesson_voices_generate, instance.pk))


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


# Images and documents: the lesson steps cached with them are rendered again (courses.rendering),
# and an image whose file was replaced gets its renditions back from the worker.

Image = get_image_model()
Rendition = Image.get_rendition_model()
Document = get_document_model()
# Saves that change nothing a learner sees (Wagtail filling in the file's hash or size).
BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})


@receiver(post_save, sender=Image)
@receiver(post_delete, sender=Image)
def image_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    pk = instance.pk
    transaction.on_commit(lambda: media_version_bump(Image, pk))


@receiver(post_delete, sender=Rendition)
def rendition_deleted(sender, instance, **kwargs):
    """Wagtail deletes an image's renditions when its file is replaced: steps cached with their
    URLs must not be served, and the worker makes the new ones, as on publish."""
    image_id = instance.image_id

    def after_commit():
        media_version_bump(Image, image_id)
        from .tasks import image_renditions_generate, task_enqueue

        task_enqueue(image_renditions_generate, image_id)

    transaction.on_commit(after_commit)


@receiver(post_save, sender=Document)
@receiver(post_delete, sender=Document)
def document_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pk = instance.pk
    transaction.on_commit(lambda: media_version_bump(Document, pk))
