from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from core.content_version import cached_for_content

register = template.Library()


def _page_urls(page):
    """URL of each translation of a Wagtail page, by language code."""

    def compute():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {p.locale.language_code: p.url for p in translations}

    return cached_for_content(f"translations:{page.pk}", compute)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher: each language in its own script, pointing at the same page in that
    language when it exists, otherwise at that language's home."""
    request = context["request"]
    page = context.get("page")
    page_urls = _page_urls(page) if page is not None and hasattr(page, "get_translations") else {}
    links = []
    for code, name in settings.LANGUAGES:
        info = get_language_info(code)
        url = page_urls.get(code) if page is not None else translate_url(request.get_full_path(), code)
        links.append({
            "code": code, "name": name, "bidi": info["bidi"],
            "url": url or f"/{code}/",
        })
    return links
