"""The one set of pictograms the learner screens show before words (issue 12, item 4).

Each pictogram is a ``<symbol>`` of ``core/static/core/pictograms.svg`` (drawn for Passerelle on a
24-unit grid, 2.5-unit round strokes, so they stay readable from 24 to 48 px) and has a word here: the
accessible name when a pictogram stands alone, the label under it in the glossary. The words reuse
the interface's own messages where one exists (« Retour », « Écouter »…), so a button and its
pictogram never say two different things.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

SPRITE = "core/pictograms.svg"

# In the order the glossary shows them: moving through a lesson, answers, the path, signing in and out.
PICTOGRAMS = {
    "back": _("Back"),
    "next": _("Next"),
    "listen": _("Listen"),
    "finish": _("Finish the lesson"),
    "check": _("Check"),
    "right": _("Right"),
    "wrong": _("Not right"),
    "star": _("Right at the first try"),
    "again": _("Try again"),
    "up": _("Move up"),
    "down": _("Move down"),
    "path": _("My path"),
    "course": _("Courses"),
    "continue": _("Continue"),
    "done": _("Completed"),
    "doing": _("In progress"),
    "todo": _("Not started"),
    "person": _("Who are you?"),
    "everyone": _("Everyone"),
    "new": _("I am new here"),
    "pictures": _("My pictures"),
    "code": _("My code"),
    "warning": _("Careful"),
    "clock": _("Are you still there?"),
    "here": _("I am here"),
    "goodbye": pgettext_lazy("sign out", "Goodbye"),
    "help": _("Pictograms"),
}

# Pictograms that point along the reading direction: drawn for left-to-right, mirrored in Arabic,
# Dari and Pashto (an arrow "next" points left there).
DIRECTIONAL = frozenset({"back", "next", "continue", "path", "goodbye"})


def pictogram_word(name):
    """The word of pictogram ``name`` in the active language; KeyError for a name not in the set."""
    return PICTOGRAMS[name]


@dataclass
class GlossaryEntry:
    """One pictogram as the glossary shows it: its word in the interface language and in French."""

    name: str
    word: str
    french: str
    voice: str = ""
    french_voice: str = ""


def pictogram_glossary(*, language):
    """Every pictogram in the glossary's order, with its words in ``language`` and in French."""
    with translation.override("fr"):
        french = {name: str(word) for name, word in PICTOGRAMS.items()}
    with translation.override(language):
        return [
            GlossaryEntry(name=name, word=str(word), french=french[name]) for name, word in PICTOGRAMS.items()
        ]
