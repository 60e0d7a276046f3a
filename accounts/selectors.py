"""Reads about identity that other apps need on every page, in a fixed number of queries."""

from django.conf import settings
from django.utils.translation import get_language_info

from .models import LearnerProfile

# Where a request's user keeps their content languages once read (one query per request at most).
_MEMO = "_passerelle_content_languages"


def learner_content_languages(*, user) -> list[str]:
    """The content languages a learner chose, first preferred; [] if not chosen yet (or anonymous).
    Read once per user object: routing and the lesson page share the one query."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, _MEMO):
        stored = LearnerProfile.objects.filter(user_id=user.pk).values_list("content_languages", flat=True).first()
        setattr(user, _MEMO, [code for code in (stored or "").split(",") if code])
    return list(getattr(user, _MEMO))


def learner_content_languages_forget(*, user) -> None:
    """After a change: the next read asks the database again."""
    if hasattr(user, _MEMO):
        delattr(user, _MEMO)


def content_language_choices(*, selected) -> list[dict]:
    """The languages of the chooser: each named in its own script, with its direction and its place
    in the learner's order (0: not chosen)."""
    return [
        {"code": code, "name": name, "bidi": get_language_info(code)["bidi"],
         "rank": selected.index(code) + 1 if code in selected else 0}
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
