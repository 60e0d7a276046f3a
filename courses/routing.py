"""Wagtail's own page serving (``wagtail.views.serve``), with the URL → page lookup remembered.

Wagtail resolves a URL by walking the tree one level at a time (a query per level), and a
learner's tablet asks for the same lessons again and again. Once Wagtail has resolved a URL, the
page is remembered; on the next request it is handed to Wagtail's serve view through the route
that ``Page.route_for_request`` keeps on the request (``request._wagtail_route_for_request``), so
hooks, view restrictions and ``serve()`` stay Wagtail's.

A remembered route is used only while it is still the route Wagtail would take, checked on every
request:

- the root it was resolved from is still a root of the site (``Site.get_site_root_paths``, which
  Wagtail clears itself when a site or a root page changes);
- no page on the way overrides ``route()`` (such pages decide for themselves, every time);
- the page is live and its ``url_path`` is that root's ``url_path`` followed by the requested path,
  read from the database in the one query that fetches the page.

Otherwise Wagtail routes the request and the new answer is remembered. Entries are also keyed by
the content version, which publishing, moves, renames, deletions, Site and Locale changes bump."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from core.content_version import content_version

ROUTE_SECONDS = 24 * 3600


def _route_key(request, path):
    digest = hashlib.sha256(f"{request.get_host()}:{request.get_port()}:{path}".encode()).hexdigest()[:32]
    return f"passerelle:{content_version()}:route:{get_language()}:{digest}"


def _path_suffix(path):
    components = [component for component in path.split("/") if component]
    return "".join(f"{component}/" for component in components)


def _routes_by_default(content_type_ids):
    """True if every page type on the way routes as Wagtail's ``Page.route`` does."""
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model.route is not Page.route:
            return False
    return True


def _is_site_root(site_id, root_path):
    return any(r.site_id == site_id and r.root_path == root_path for r in Site.get_site_root_paths())


def _remembered_page(request, path):
    entry = cache.get(_route_key(request, path))
    if entry is None:
        return None
    site_id, root_path, page_id, chain = entry
    if not _is_site_root(site_id, root_path) or not _routes_by_default(chain):
        return None
    model = ContentType.objects.get_for_id(chain[-1]).model_class()
    url_path = root_path + _path_suffix(path)
    return model.objects.live().filter(pk=page_id, url_path=url_path).first()


def _entry_for(request, path, page):
    """What to remember of a route Wagtail took, or None if it must not be remembered."""
    site = Site.find_for_request(request)
    suffix = _path_suffix(path)
    if site is None or not page.url_path.endswith(suffix):
        return None
    root_path = page.url_path[: len(page.url_path) - len(suffix)]
    if not _is_site_root(site.pk, root_path):
        return None
    chain = list(
        Page.objects.ancestor_of(page, inclusive=True).filter(url_path__startswith=root_path)
        .order_by("depth").values_list("content_type_id", flat=True)
    )
    if not chain or not _routes_by_default(chain):
        return None
    return (site.pk, root_path, page.pk, tuple(chain))


def _route_and_remember(request, path):
    """Wagtail's routing; a plain page URL it resolves is remembered (made-up paths are not, so
    they cannot fill the cache)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    if args or kwargs:
        return
    entry = _entry_for(request, path, page)
    if entry is not None:
        cache.set(_route_key(request, path), entry, ROUTE_SECONDS)


def serve(request, path):
    page = _remembered_page(request, path)
    if page is not None:
        request._wagtail_route_for_request = RouteResult(page)
    else:
        _route_and_remember(request, path)
    return wagtail_serve(request, path)
