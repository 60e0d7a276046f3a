"""The H5P player (h5p-standalone, installed by ``npm ci`` into node_modules, never committed) as
static files under ``h5p-standalone/``: served by the dev server and tests, and collected by
``collectstatic`` at build time like the site's own files."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder, FileSystemFinder
from django.core.files.storage import FileSystemStorage

PLAYER_PREFIX = "h5p-standalone"


def player_dir() -> Path:
    return Path(settings.BASE_DIR) / "node_modules" / "h5p-standalone" / "dist"


class H5PPlayerFinder(FileSystemFinder):
    """node_modules/h5p-standalone/dist/ as static/h5p-standalone/ (nothing else of node_modules)."""

    def __init__(self, app_names=None, *args, **kwargs):
        BaseFinder.__init__(self)
        root = str(player_dir())
        storage = FileSystemStorage(location=root)
        storage.prefix = PLAYER_PREFIX
        self.locations = [(PLAYER_PREFIX, root)]
        self.storages = {root: storage}

    def check(self, **kwargs):
        return []  # a missing player is reported by h5p.checks
