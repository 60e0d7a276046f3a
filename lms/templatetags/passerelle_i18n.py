from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info

from core.content_version import cached_for_content

register = template.Library()


def _page_urls(page):
    """URL of each translation of a Wagtail page, by language code (each under its own language's
    prefix, whatever the interface language of the request that computes them)."""

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        with translation.override(settings.LANGUAGE_CODE):
            return {p.locale.language_code: p.url for p in translations}

    return cached_for_content(f"translations:{page.pk}", compute)


def _interface_only_url(page_urls, code):
    """A language with no content of its own shows the default-language page under its prefix."""
    default_url = page_urls.get(settings.LANGUAGE_CODE)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if not default_url or not default_url.startswith(prefix):
        return None
    return f"/{code}/{default_url[len(prefix):]}"


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language picker: each language in its own script, pointing at the same page in that
    language when it exists (otherwise at the French page under its prefix), else at that
    language's home."""
    request = context["request"]
    page = context.get("page")
    page_urls = _page_urls(page) if page is not None and hasattr(page, "get_translations") else {}
    links = []
    for code, name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is None:
            url = translate_url(request.get_full_path(), code)
        else:  # the page in that language, else the French page under that prefix
            url = page_urls.get(code) or _interface_only_url(page_urls, code)
        links.append({
            "code": code, "name": name, "bidi": info["bidi"],
            "url": url or f"/{code}/",
        })
    return links
