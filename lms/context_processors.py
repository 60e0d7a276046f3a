from django.conf import settings
from django.utils.translation import get_language, get_language_bidi

from core.languages import content_language_shown


def languages(request):
    """The language switcher: each language named in its own script."""
    return {
        "site_languages": settings.LANGUAGES,
        "current_language": get_language(),
        "is_rtl": get_language_bidi(),
        # The language pages are shown in: the interface's, or French under Dari, Pashto…
        "content_language": content_language_shown(),
    }
