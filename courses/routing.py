"""Wagtail's page serving, with the URL → page lookup remembered per content version.

Wagtail resolves a URL by walking the tree one level at a time (several queries for a lesson);
a learner's tablet asks for the same lessons again and again, so once resolved, a URL costs one
query: the page itself, still checked to be live."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page
from wagtail.views import serve_chain

from core.content_version import cached_for_content


def _route_key(request, path):
    return f"route:{request.get_host()}:{get_language()}:{path}"


def _resolve(request, path):
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    if args or kwargs:
        return None  # only plain page URLs are remembered
    return (page.pk, page.content_type_id)


def route(request, path):
    """(page, args, kwargs) for ``path`` or None. Only URLs that resolved are remembered, so
    requests for made-up paths cannot fill the cache."""
    remembered = cached_for_content(_route_key(request, path), lambda: _resolve(request, path))
    if remembered:
        page_id, content_type_id = remembered
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.live().filter(pk=page_id).first()
        if page is not None:
            return page, [], {}
    return Page.route_for_request(request, path)


def serve(request, path):
    route_result = route(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
