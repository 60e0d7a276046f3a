"""Where image renditions are stored. Imported by Wagtail while it loads its models, so it imports
nothing but Django."""

import os
import secrets

from django.core.files.storage import FileSystemStorage


class RenditionStorage(FileSystemStorage):
    """Rendition files under names never used before: a random part is always added, so a
    rendition's URL always means the same bytes and tablets may keep it for a year.

    Wagtail names a rendition after its original, and a replaced original's name can come back
    (upload « capture.png », replace it, replace it again with another « capture.png »); without
    the random part, the new rendition would take the old URL that tablets still hold."""

    def get_available_name(self, name, max_length=None):
        root, extension = os.path.splitext(name)
        return super().get_available_name(f"{root}.{secrets.token_hex(4)}{extension}", max_length)
