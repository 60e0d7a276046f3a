"""Codes people type or read: exam access codes (``7K3MQ9``) and certificate verification codes
(``PN-7K3M-Q9TX``), drawn from an alphabet without look-alike characters."""

import re
import secrets

from .constants import ACCESS_CODE_LENGTH, CODE_ALPHABET, VERIFICATION_CODE_GROUPS, VERIFICATION_CODE_PREFIX

_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")
_BODY_LENGTH = sum(VERIFICATION_CODE_GROUPS)
_VERIFICATION_BODY = re.compile(rf"^(?:{VERIFICATION_CODE_PREFIX})?([{CODE_ALPHABET}]{{{_BODY_LENGTH}}})$")
_ACCESS = re.compile(rf"^[{CODE_ALPHABET}]{{{ACCESS_CODE_LENGTH}}}$")
# A code is short: anything longer is not worth normalising.
MAX_TYPED_CODE = 40


def _random(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def access_code_new() -> str:
    return _random(ACCESS_CODE_LENGTH)


def verification_code_new() -> str:
    groups = [_random(size) for size in VERIFICATION_CODE_GROUPS]
    return "-".join([VERIFICATION_CODE_PREFIX, *groups])


def _squeezed(typed: str) -> str:
    return _SEPARATORS.sub("", typed.strip().upper())


def verification_code_parse(typed: str) -> str | None:
    """The canonical code for what someone typed (any case, spaces or dashes, with or without the
    ``PN`` prefix), or None when it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > MAX_TYPED_CODE:
        return None
    match = _VERIFICATION_BODY.match(_squeezed(typed))
    if match is None:
        return None
    body, groups, start = match.group(1), [], 0
    for size in VERIFICATION_CODE_GROUPS:
        groups.append(body[start:start + size])
        start += size
    return "-".join([VERIFICATION_CODE_PREFIX, *groups])


def access_code_parse(typed: str) -> str | None:
    if not isinstance(typed, str) or len(typed) > MAX_TYPED_CODE:
        return None
    code = _squeezed(typed)
    return code if _ACCESS.match(code) else None
