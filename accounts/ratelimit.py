"""A small fixed-window rate limit on the cache (sign-in attempts per device and per address)."""

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
