"""Interface language and content language. The interface speaks nine languages (settings.LANGUAGES),
given by the URL's prefix; pages are written in fewer (settings.WAGTAIL_CONTENT_LANGUAGES). The
content a learner sees is the first of her own content languages in which the page exists, then the
prefix's language, then the default (French): a learner with the Dari interface may read the French
course, and one without a choice sees what the prefix says."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def content_language_shown():
    """The content language that goes with the active interface language."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def content_order(preferred=()) -> list[str]:
    """The content languages to look for a page in, in order: the learner's (``preferred``), the
    interface's when pages are written in it, then the default; each once, only those offered."""
    offered = content_language_codes()
    order = []
    for code in [*preferred, get_language(), settings.LANGUAGE_CODE]:
        if code in offered and code not in order:
            order.append(code)
    return order
