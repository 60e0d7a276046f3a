"""A small fixed-window rate limit on the cache (sign-in attempts per device and per address)."""

from django.conf import settings
from django.core.cache import cache


def rate_limited(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt under ``key``; True once more than ``limit`` were made in the window."""
    full_key = f"ratelimit:{key}"
    cache.add(full_key, 0, window_seconds)
    try:
        count = cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window_seconds)
        count = 1
    return count > limit


def client_address(request) -> str:
    """The visitor's address. Behind ``PASSERELLE_TRUSTED_PROXIES`` reverse proxies (a TLS front,
    say) it is read from X-Forwarded-For, as the nearest trusted proxy saw it; otherwise every
    visitor would share the proxy's address and one person's tries would block everyone."""
    proxies = settings.PASSERELLE_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
