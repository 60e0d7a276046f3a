from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from courses.rendering import media_version_bump

from .models import H5PPackage
from .services import h5p_package_files_delete


@receiver(post_delete, sender=H5PPackage)
def package_deleted(sender, instance, **kwargs):
    """A deleted package's files leave the storage once the deletion is committed."""
    prefix, file_name = instance.storage_prefix, instance.file.name
    transaction.on_commit(lambda: h5p_package_files_delete(storage_prefix=prefix, file_name=file_name))


@receiver(post_save, sender=H5PPackage)
@receiver(post_delete, sender=H5PPackage)
def package_changed(sender, instance, raw=False, **kwargs):
    """Lessons cached with this package (its title, or a frame of a package now gone) are
    rendered again, as for a changed image."""
    if raw:
        return
    pk = instance.pk
    transaction.on_commit(lambda: media_version_bump(H5PPackage, pk))
