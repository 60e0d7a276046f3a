from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PPackage
from .services import h5p_package_files_delete


@receiver(post_delete, sender=H5PPackage)
def package_deleted(sender, instance, **kwargs):
    """A deleted package's files leave the storage once the deletion is committed."""
    prefix, file_name = instance.storage_prefix, instance.file.name
    transaction.on_commit(lambda: h5p_package_files_delete(storage_prefix=prefix, file_name=file_name))
