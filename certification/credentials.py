"""Open Badges 3.0 credentials: a certificate as a W3C Verifiable Credential, signed with the
issuer's Ed25519 key as a VC-JWT (the payload is the credential, with ``iss``, ``jti`` and ``nbf``),
and the checks a verifier makes on one that is uploaded."""

import json
import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidKeyIdError, JoseError, MissingKeyError

from .keys import CURVE, key_id, signing_key, verification_keys

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
MEDIA_TYPE = "vc+jwt"
ENVELOPE_PREFIX = f"data:application/{MEDIA_TYPE},"
_JWT_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


class CredentialRefused(ValueError):
    """An uploaded credential that does not check out; ``message`` says why, for anyone."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def public_url(path: str) -> str:
    return f"{settings.PASSERELLE_PUBLIC_URL}{path}"


def verification_url(code: str) -> str:
    """The verification page of a code, in the site's first language (what the QR code opens)."""
    with translation.override(settings.LANGUAGE_CODE):
        return public_url(reverse("certification:verify_code", args=[code]))


def issuer_id() -> str:
    return public_url("/")


def _achievement(certificate) -> dict:
    competences = "; ".join(f"{c['code']} — {c['name']}" for c in certificate.competences)
    return {
        "id": public_url(f"/#certification-level-{certificate.level_id}"),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": certificate.level_name,
        "description": certificate.level.description or certificate.level_name,
        "criteria": {"narrative": competences},
        "tag": [c["code"] for c in certificate.competences],
    }


def credential_document(certificate) -> dict:
    """The OpenBadgeCredential of a certificate, as JSON-LD."""
    return {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{certificate.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id(), "type": ["Profile"], "name": "Passerelle", "url": issuer_id()},
        "validFrom": certificate.issued_at.isoformat(timespec="seconds"),
        "name": certificate.level_name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject", "identityType": "name", "hashed": False,
                "identityHash": certificate.holder_name,
            }],
            "achievement": _achievement(certificate),
        },
        "evidence": [{
            "id": verification_url(certificate.code), "type": ["Evidence"],
            "name": certificate.code, "description": certificate.centre_name,
        }],
    }


def credential_sign(certificate) -> str:
    """The signed VC-JWT of a certificate."""
    key = signing_key()
    document = credential_document(certificate)
    claims = document | {
        "iss": issuer_id(), "jti": document["id"], "nbf": int(certificate.issued_at.timestamp()),
    }
    header = {"alg": CURVE, "typ": MEDIA_TYPE, "kid": key_id(key)}
    return jwt.encode(header, claims, key, algorithms=[CURVE])


def credential_envelope(token: str) -> dict:
    """The JSON file a learner downloads: the VC-JWT wrapped as a W3C enveloped credential."""
    return {"@context": CONTEXTS[:1], "id": f"{ENVELOPE_PREFIX}{token}", "type": "EnvelopedVerifiableCredential"}


def _not_a_credential():
    return CredentialRefused(_("This file is not a Passerelle credential."))


def _token_from_json(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        raise _not_a_credential() from None
    candidate = data.get("id") if isinstance(data, dict) else None
    if not isinstance(candidate, str) or not candidate.startswith(ENVELOPE_PREFIX):
        raise _not_a_credential()
    return candidate.removeprefix(ENVELOPE_PREFIX)


def credential_token_read(data: bytes) -> str:
    """The VC-JWT in an uploaded file: the JSON we hand out, or the bare token."""
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise _not_a_credential() from None
    token = _token_from_json(text) if text.startswith("{") else text
    if not _JWT_SHAPE.match(token):
        raise _not_a_credential()
    return token


def credential_verify(token: str) -> dict:
    """The claims of a VC-JWT whose signature is ours; CredentialRefused otherwise."""
    try:
        claims = jwt.decode(token, verification_keys(), algorithms=[CURVE]).claims
    except (InvalidKeyIdError, MissingKeyError):
        raise CredentialRefused(_("This credential was not signed by Passerelle.")) from None
    except BadSignatureError:
        raise CredentialRefused(
            _("The signature does not match: this credential was changed after it was issued.")
        ) from None
    except (JoseError, ValueError, TypeError):
        raise _not_a_credential() from None
    if claims.get("iss") != issuer_id() or not str(claims.get("jti", "")).startswith("urn:uuid:"):
        raise CredentialRefused(_("This credential was not signed by Passerelle."))
    return claims
