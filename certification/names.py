"""The name printed on a certificate: the holder's own spelling in any script, checked so that it
prints as typed (no invisible control characters, no text-direction tricks, a sensible length)."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .constants import NAME_ALLOWED_FORMAT_CHARACTERS, PRINTED_NAME_MAX_LENGTH

_LATIN_PUNCTUATION = frozenset(" -'’.")


def _hidden_characters(text: str) -> bool:
    """Control and format characters (bidi overrides, zero-width spaces), apart from the joiners
    some scripts need."""
    return any(
        unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn") and c not in NAME_ALLOWED_FORMAT_CHARACTERS
        for c in text
    )


def printed_name_clean(value: str, *, required: bool = True) -> str:
    """The name as it will be printed (composed, spaces tidied); ValidationError if it cannot be."""
    if not isinstance(value, str):
        raise ValidationError(_("Type the name to print."), code="required")
    if _hidden_characters(value.replace("\t", " ")):
        raise ValidationError(_("The name holds invisible characters. Type it again."), code="hidden")
    name = " ".join(unicodedata.normalize("NFC", value).split())
    if not name and required:
        raise ValidationError(_("Type the name to print."), code="required")
    if len(name) > PRINTED_NAME_MAX_LENGTH:
        raise ValidationError(
            _("The name is too long: %(max)d characters at most.") % {"max": PRINTED_NAME_MAX_LENGTH},
            code="long",
        )
    return name


def _is_latin(c: str) -> bool:
    return c in _LATIN_PUNCTUATION or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN"))


def latin_name_clean(value: str) -> str:
    """An optional transliteration: Latin letters, spaces, hyphens, apostrophes and dots only."""
    name = printed_name_clean(value or "", required=False)
    if not all(_is_latin(c) for c in name):
        raise ValidationError(
            _("Write the name in Latin letters only (A to Z, accents allowed)."), code="not_latin"
        )
    return name


def printed_name_or_fallback(value: str) -> str:
    """For a name stored before these checks: keep what prints, drop what does not."""
    kept = "".join(" " if _hidden_characters(c) else c for c in value or "")
    return " ".join(unicodedata.normalize("NFC", kept).split())[:PRINTED_NAME_MAX_LENGTH]


def text_direction(text: str) -> str:
    """``rtl`` when the first letter with a direction is right-to-left (Arabic, Hebrew…), else ``ltr``:
    what ``dir="auto"`` does in a browser, for renderers without it (WeasyPrint)."""
    for c in text or "":
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
