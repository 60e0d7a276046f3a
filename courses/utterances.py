"""What is read aloud on each step: its parts (the text, the question, each choice…) as plain text.

A part is named within its step: ``text`` (an image step's sentences, a tip, a practice's
instruction, a video's caption), ``question`` (a question's prompt, a true/false statement) and
``choice-<id>`` for each choice that has a text (the choice's block id, which stays the same when
the choices are moved or the lesson translated). The voices of a step (``courses.voices``) are
recorded or made for these texts; the text's hash says which voice says it."""

import hashlib
import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

TEXT_PART = "text"
QUESTION_PART = "question"
CHOICE_PREFIX = "choice-"
# The field each kind of step reads first (its main part).
MAIN_TEXT_FIELDS = {"image": "text", "tip": "text", "hotspot": "instruction", "video": "caption"}
QUESTION_KINDS = frozenset({
    "single_choice", "multiple_choice", "true_false", "ordering", "typed_answer", "hotspot_question",
})
CHOICE_KINDS = frozenset({"single_choice", "multiple_choice"})


@dataclass(frozen=True)
class Utterance:
    """One part of a step, as it is read aloud."""

    step_id: str
    part: str
    text: str

    @property
    def text_hash(self):
        return text_hash(self.text)


def plain_text(value):
    """A rich or plain text as it is said: no tags, entities decoded, spaces collapsed."""
    text = html.unescape(strip_tags(re.sub(r"</p>|<br\s*/?>", " ", str(value or ""))))
    return " ".join(text.split())


def text_hash(text):
    """The content address of a text (after ``plain_text``): a voice saying it is found by it."""
    return hashlib.sha256(plain_text(text).encode()).hexdigest()


def choice_part(choice_id):
    return f"{CHOICE_PREFIX}{choice_id}"


def part_label(part):
    """The part's name as the admin's « Voix » screen shows it."""
    if part == TEXT_PART:
        return _("Text")
    if part == QUESTION_PART:
        return _("Question")
    return _("Choice")


def step_utterances(step):
    """The parts of one step (a StreamValue child) that are read aloud, in screen order."""
    value, kind, found = step.value, step.block_type, []
    if kind in MAIN_TEXT_FIELDS:
        found.append((TEXT_PART, value.get(MAIN_TEXT_FIELDS[kind])))
    elif kind in QUESTION_KINDS:
        found.append((QUESTION_PART, value.get("prompt")))
    if kind in CHOICE_KINDS:
        found += [(choice_part(choice.id), choice.value.get("text")) for choice in value["choices"].bound_blocks]
    return [Utterance(str(step.id), part, plain_text(text)) for part, text in found if plain_text(text)]


def lesson_utterances(lesson):
    """Every part read aloud in a lesson, step by step."""
    return [utterance for step in lesson.steps for utterance in step_utterances(step)]
