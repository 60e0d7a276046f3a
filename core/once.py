"""Forms that create something carry a one-time token, so a double click (or a replayed post from a
slow connection) creates it once. The token is claimed in the shared cache."""

import uuid

from django.core.cache import cache

FIELD = "once"
KEEP_SECONDS = 24 * 3600


def once_token() -> str:
    return uuid.uuid4().hex


def first_submission(request) -> bool:
    """True the first time this form's token is posted; False for a repeat (or a missing token)."""
    token = str(request.POST.get(FIELD, ""))[:64]
    return bool(token) and cache.add(f"form-once:{token}", True, KEEP_SECONDS)
