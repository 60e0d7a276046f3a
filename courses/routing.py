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
the content version, which publishing, moves, renames, deletions, Site and Locale changes bump.

The URL's prefix is the interface language; the tree a page is looked for in is the first of the
learner's content languages that has it, then the prefix's, then the default's (``core.languages.
content_order``): under /fa/ a learner who reads French first gets the French lesson with the Dari
interface, one who chose Dari gets the Dari lesson, and a lesson not translated into Dari yet in
French. Routes are remembered per order of languages."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from accounts.selectors import learner_content_languages
from core.content_version import content_version
from core.languages import content_order

ROUTE_SECONDS = 24 * 3600


def _route_key(request, path, order):
    digest = hashlib.sha256(f"{request.get_host()}:{request.get_port()}:{path}".encode()).hexdigest()[:32]
    return f"passerelle:{content_version()}:route:{'>'.join(order)}:{digest}"


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


def _remembered_page(request, path, key):
    entry = cache.get(key)
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


def _route_in(request, path, code):
    """Wagtail's routing in the tree of one content language (None if that tree lacks the page)."""
    if hasattr(request, "_wagtail_route_for_request"):
        del request._wagtail_route_for_request
    with translation.override(code):
        return Page.route_for_request(request, path)


def _route_and_remember(request, path, order, key):
    """Wagtail's routing, in each tree of ``order`` until one has the page; a plain page URL it
    resolves is remembered (made-up paths are not, so they cannot fill the cache). If no tree has
    it, Wagtail routes the request again itself and answers « not found »."""
    for code in order:
        result = _route_in(request, path, code)
        if result is not None:
            break
    else:
        del request._wagtail_route_for_request
        return
    page, args, kwargs = result
    if args or kwargs:
        return
    entry = _entry_for(request, path, page)
    if entry is not None:
        cache.set(key, entry, ROUTE_SECONDS)


def serve(request, path):
    order = content_order(learner_content_languages(user=request.user))
    key = _route_key(request, path, order)
    page = _remembered_page(request, path, key)
    if page is not None:
        request._wagtail_route_for_request = RouteResult(page)
    else:
        _route_and_remember(request, path, order, key)
    return wagtail_serve(request, path)
