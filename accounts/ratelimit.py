"""Sign-in limits: fixed-window counters on the cache, whom they count against, and the visitor's address.

Passwords (staff) are limited by django-axes (see settings ``AXES_*``), which calls the two helpers at
the bottom of this module. Learners' pictures, PINs and codes are limited here, counting failed tries
only: a centre's tablets share one public address, and a class signing in correctly must never be
stopped."""

from django.conf import settings
from django.core.cache import cache

# Set on the request by a middleware of an app that knows shared tablets (centres): a callable that
# returns the id of the enrolled tablet the request comes from, or None. accounts knows no centre.
DEVICE_ATTRIBUTE = "sign_in_device"


def counter_value(key: str) -> int:
    """How many events were counted under ``key`` in its current window."""
    return cache.get(f"ratelimit:{key}") or 0


def counter_add(key: str, *, window_seconds: int) -> int:
    """Count one event under ``key``; the window starts at the first event. Returns the new count."""
    full_key = f"ratelimit:{key}"
    cache.add(full_key, 0, window_seconds)
    try:
        return cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window_seconds)
        return 1


def sign_in_client(request) -> str:
    """Whom a learner's failed tries count against: the shared tablet the request comes from when it has
    a valid tablet cookie (every tablet of a centre shows the same public address), the address otherwise."""
    device = getattr(request, DEVICE_ATTRIBUTE, None)
    device_id = device() if callable(device) else None
    return f"device:{device_id}" if device_id else f"ip:{client_address(request)}"


def client_address(request) -> str:
    """The visitor's address. Behind ``PASSERELLE_TRUSTED_PROXIES`` reverse proxies (a TLS front,
    say) it is read from X-Forwarded-For, as the nearest trusted proxy saw it; otherwise every
    visitor would share the proxy's address and one person's tries would block everyone."""
    proxies = settings.PASSERELLE_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def password_sign_in_name(request, credentials) -> str:
    """The name django-axes counts a password try against, whatever the case or spaces typed: « Nadia »
    and « nadia  » are one person to the limit (settings.AXES_USERNAME_CALLABLE)."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    return str(name or "")[:150].strip().casefold()
