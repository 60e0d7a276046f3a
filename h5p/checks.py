from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.checks import Warning, register

from .finders import PLAYER_PREFIX, player_dir

PLAYER_FILE = f"{PLAYER_PREFIX}/main.bundle.js"


@register()
def player_installed(app_configs, **kwargs):
    """H5P activities need h5p-standalone: installed by npm (``npm ci``) or already collected."""
    if (player_dir() / "main.bundle.js").exists():
        return []
    try:
        if staticfiles_storage.exists(PLAYER_FILE):
            return []
    except (OSError, ValueError):
        pass
    return [Warning(
        "The H5P player (h5p-standalone) is not installed: H5P activities will not load.",
        hint="Run `npm ci` before `manage.py collectstatic` (make test and make demo do).",
        id="h5p.W001",
    )]
