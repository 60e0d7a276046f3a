"""A number that changes whenever published content changes (publish, unpublish, move, delete).
Caches of things derived from the page tree (routes, menus, translations) include it in their keys,
so they never serve something stale and need no explicit clearing."""

import uuid

from django.core.cache import cache

KEY = "passerelle:content-version"


def content_version() -> str:
    version = cache.get(KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.add(KEY, version, None)
        version = cache.get(KEY, version)
    return version


def content_version_bump() -> None:
    cache.set(KEY, uuid.uuid4().hex[:12], None)


def cached_for_content(key, compute, timeout=24 * 3600):
    """``compute()`` cached under ``key`` for the current content version; None is never cached."""
    full_key = f"passerelle:{content_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, timeout)
    return value
