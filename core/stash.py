"""Short-lived data that a flow carries from one request to the next (a new learner's pictures, the rows
of an import waiting for confirmation), kept out of the session store.

The value waits in the shared cache for a few minutes, encrypted (Fernet: AES and an HMAC) with a key that
is not kept beside it: the caller holds the key, inside the token that ``stash_put`` returns (in a form
field of the page, or in the session). The cache alone reveals nothing, the token alone reveals nothing,
and both are useless once the entry has expired. A value can be taken once.
"""

import json
import secrets

from cryptography.fernet import Fernet, InvalidToken
from django.core.cache import cache

PREFIX = "stash:"
ID_BYTES = 16


def _split(token) -> tuple[str, bytes] | None:
    entry_id, _dot, key = str(token or "").partition(".")
    if not entry_id or len(entry_id) > 32 or len(key) != 44:  # a Fernet key is 44 characters of base64
        return None
    return entry_id, key.encode()


def stash_put(value, *, ttl: int) -> str:
    """Keep ``value`` (anything JSON can hold) for ``ttl`` seconds; returns the token that reads it."""
    entry_id, key = secrets.token_urlsafe(ID_BYTES), Fernet.generate_key()
    cache.set(PREFIX + entry_id, Fernet(key).encrypt(json.dumps(value).encode()), ttl)
    return f"{entry_id}.{key.decode()}"


def stash_id(token) -> str | None:
    """The public half of a token (it names the entry, it does not read it), e.g. to log or lock on."""
    parts = _split(token)
    return parts[0] if parts else None


def stash_take(token, *, ttl: int):
    """The value kept under ``token``, removed so that nobody reads it again; None when the token is
    unknown, damaged, expired (older than ``ttl`` seconds) or already taken (two clicks at the same
    moment: one of them only gets it)."""
    parts = _split(token)
    if parts is None:
        return None
    entry_id, key = parts
    if not cache.add(f"{PREFIX}taken:{entry_id}", True, ttl):
        return None
    data = cache.get(PREFIX + entry_id)
    cache.delete(PREFIX + entry_id)
    if data is None:
        return None
    try:
        return json.loads(Fernet(key).decrypt(data, ttl=ttl))
    except (InvalidToken, ValueError):
        return None
