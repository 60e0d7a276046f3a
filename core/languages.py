"""Interface language and content language. The interface speaks nine languages (settings.LANGUAGES);
pages are written in three (settings.WAGTAIL_CONTENT_LANGUAGES). Under an interface-only language
(Dari, Pashto…) the content shown is the default language's (French)."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def content_language_shown():
    """The content language that goes with the active interface language."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
