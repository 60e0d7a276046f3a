"""The issuer's Ed25519 key: the private half signs credentials in the worker, the public half is
published as a JWKS so that anyone can check a credential.

The key comes from configuration (``PASSERELLE_CREDENTIAL_KEY``: a PEM or a JWK). Without it, the
file ``PASSERELLE_CREDENTIAL_KEY_FILE`` is read, and created once where that is allowed (dev, tests,
the demo); production refuses to start signing without a configured key."""

import json
import os
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OKPKey

CURVE = "Ed25519"


def _import_private(text: str) -> OKPKey:
    try:
        source = json.loads(text) if text.lstrip().startswith("{") else text.encode()
        key = OKPKey.import_key(source)
    except (ValueError, JoseError) as error:
        raise ImproperlyConfigured(f"The credential signing key cannot be read: {error}") from None
    if key.curve_name != CURVE or not key.is_private:
        raise ImproperlyConfigured("The credential signing key must be a private Ed25519 key.")
    return key


def _generate_into(path: Path) -> None:
    """Write a new key to ``path`` unless another process just did (O_EXCL), readable by us only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = OKPKey.generate_key(CURVE).as_pem(private=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)


@lru_cache(maxsize=4)
def _load(configured: str, path: str, generate: bool) -> OKPKey:
    if configured:
        return _import_private(configured)
    file = Path(path)
    if not file.exists():
        if not generate:
            raise ImproperlyConfigured(
                "Set PASSERELLE_CREDENTIAL_KEY (an Ed25519 private key, PEM or JWK) to issue certificates."
            )
        _generate_into(file)
    return _import_private(file.read_text())


def signing_key() -> OKPKey:
    return _load(
        settings.PASSERELLE_CREDENTIAL_KEY, str(settings.PASSERELLE_CREDENTIAL_KEY_FILE),
        settings.PASSERELLE_CREDENTIAL_KEY_GENERATE,
    )


def key_id(key: OKPKey) -> str:
    """A stable name for a key: its RFC 7638 thumbprint."""
    return key.thumbprint()


def _public_jwk(key: OKPKey) -> dict:
    return key.as_dict(private=False) | {"kid": key_id(key), "use": "sig", "alg": CURVE}


def _retired_jwks() -> list[dict]:
    try:
        keys = json.loads(settings.PASSERELLE_CREDENTIAL_RETIRED_KEYS or "[]")
    except ValueError:
        raise ImproperlyConfigured("PASSERELLE_CREDENTIAL_RETIRED_KEYS must be a JSON list of public JWKs.") from None
    return [_public_jwk(OKPKey.import_key({k: v for k, v in jwk.items() if k != "d"})) for jwk in keys]


def public_jwks() -> dict:
    """The JWKS document: the current key and the retired ones (their certificates stay valid)."""
    return {"keys": [_public_jwk(signing_key()), *_retired_jwks()]}


def verification_keys() -> KeySet:
    return KeySet.import_key_set(public_jwks())
