"""Reading an xAPI statement relayed from the player. Only its id, verb, object and result are
read; the actor is ignored (the statement is the signed-in learner's, whoever it names). Pure
functions: a statement Passerelle will not take raises ``StatementRefused`` with a message."""

import math
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse
from django.utils.translation import gettext as _

from .constants import XapiVerb


class StatementRefused(Exception):
    """A statement or state that changes nothing, with the reason and the HTTP status to answer."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class ParsedStatement:
    statement_id: uuid.UUID
    verb: str
    kept: bool  # a verb of the top-level activity that Passerelle stores
    score_raw: float | None = None
    score_max: float | None = None
    score_scaled: float | None = None
    completion: bool | None = None
    success: bool | None = None


def package_activity_path(package) -> str:
    """The path of the activity IRI the player gives a package's statements (the frame's URL)."""
    return reverse("h5p:frame", args=[package.pk])


def statement_id_parse(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise StatementRefused(_("This result has no valid identifier. Reload the page.")) from None


def _is_top_level(object_id, activity_path) -> bool:
    """True for the package's own activity, False for one of its sub-contents; refuses any other."""
    parts = urlsplit(object_id) if isinstance(object_id, str) else None
    if parts is None or parts.scheme not in ("http", "https") or parts.path != activity_path:
        raise StatementRefused(_("This result is not for this activity. Reload the page."))
    return "subContentId" not in parse_qs(parts.query)


def _number(value):
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StatementRefused(_("This result has a score that is not a number."))
    return float(value)


def _optional(mapping, key):
    value = mapping.get(key)
    return None if value is None else _number(value)


def score_parse(result) -> tuple:
    """(raw, max, scaled) of an xAPI result: raw between 0 and max, scaled between 0 and 1."""
    score = result.get("score") if isinstance(result, dict) else None
    if not isinstance(score, dict):
        return None, None, None
    raw, maximum, scaled = _optional(score, "raw"), _optional(score, "max"), _optional(score, "scaled")
    if maximum == 0:  # content without points
        raw = maximum = None
    if maximum is not None and raw is not None and not 0 <= raw <= maximum:
        raise StatementRefused(_("This result has a score outside its range."))
    if maximum is not None and raw is not None and scaled is None:
        scaled = raw / maximum
    if scaled is not None and not 0 <= scaled <= 1:
        raise StatementRefused(_("This result has a score outside its range."))
    return raw, maximum, scaled


def _flag(result, key):
    value = result.get(key) if isinstance(result, dict) else None
    return value if isinstance(value, bool) else None


def statement_parse(statement, *, activity_path) -> ParsedStatement:
    if not isinstance(statement, dict):
        raise StatementRefused(_("This result is not an xAPI statement."))
    statement_id = statement_id_parse(statement.get("id"))
    verb = (statement.get("verb") or {}).get("id") if isinstance(statement.get("verb"), dict) else None
    target = statement.get("object") if isinstance(statement.get("object"), dict) else {}
    top_level = _is_top_level(target.get("id"), activity_path)
    if not (top_level and verb in XapiVerb.values):
        return ParsedStatement(statement_id, str(verb)[:60], kept=False)
    result = statement.get("result")
    raw, maximum, scaled = score_parse(result)
    return ParsedStatement(
        statement_id, verb, kept=True, score_raw=raw, score_max=maximum, score_scaled=scaled,
        completion=_flag(result, "completion"), success=_flag(result, "success"),
    )
