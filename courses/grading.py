"""Server-side grading of lesson steps. The browser only ever sends what the learner did;
whether it is right is decided here, from the step as the trainer published it."""

import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from .constants import StepKind
from .zones import point_in_zones, zones_from_value


class InvalidAnswer(ValueError):
    """The payload does not fit the step: nothing is recorded, the learner sees ``message``."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Grade:
    is_correct: bool
    feedback: str
    # What the player may show once the learner has answered (never before).
    reveal: dict = field(default_factory=dict)
    # The part of the payload that was graded: what is stored, nothing else the tablet sent.
    answer: dict = field(default_factory=dict)


def _choice_ids(value):
    return [str(child.id) for child in value["choices"].bound_blocks]


def _correct_choice_ids(value):
    return {
        str(child.id) for child in value["choices"].bound_blocks if child.value["is_correct"]
    }


def _require(payload, key, kind):
    if not isinstance(payload, dict) or key not in payload or not isinstance(payload[key], kind):
        raise InvalidAnswer(_("The answer is incomplete. Please answer again."))
    return payload[key]


def _grade_single_choice(value, payload):
    choice = _require(payload, "choice", str)
    if choice not in _choice_ids(value):
        raise InvalidAnswer(_("This choice is not part of the question."))
    correct = _correct_choice_ids(value)
    return choice in correct, {"correct_choices": sorted(correct)}


def _grade_multiple_choice(value, payload):
    chosen = _require(payload, "choices", list)
    if not chosen or not all(isinstance(c, str) for c in chosen):
        raise InvalidAnswer(_("Choose at least one answer."))
    if not set(chosen) <= set(_choice_ids(value)) or len(set(chosen)) != len(chosen):
        raise InvalidAnswer(_("This choice is not part of the question."))
    correct = _correct_choice_ids(value)
    return set(chosen) == correct, {"correct_choices": sorted(correct)}


def _grade_true_false(value, payload):
    answer = _require(payload, "value", bool)
    return answer == bool(value["is_true"]), {"is_true": bool(value["is_true"])}


def _grade_ordering(value, payload):
    order = _require(payload, "order", list)
    expected = [str(child.id) for child in value["items"].bound_blocks]
    if sorted(map(str, order)) != sorted(expected):
        raise InvalidAnswer(_("Put every item in order, each one once."))
    return list(map(str, order)) == expected, {"correct_order": expected}


def normalise_typed(text, *, ignore_case=True, ignore_accents=True):
    """What counts as "the same" typed answer: outer and repeated spaces never matter,
    case and accents by the trainer's choice."""
    text = " ".join(text.split())
    if ignore_accents:
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    else:
        text = unicodedata.normalize("NFC", text)
    return text.casefold() if ignore_case else text


def _grade_typed_answer(value, payload):
    text = _require(payload, "text", str)
    if len(text) > settings.PASSERELLE_MAX_TYPED_ANSWER:
        raise InvalidAnswer(
            _("This answer is too long (%(max)d characters at most).")
            % {"max": settings.PASSERELLE_MAX_TYPED_ANSWER}
        )
    if not text.strip():
        raise InvalidAnswer(_("Type your answer first."))
    options = {"ignore_case": value["ignore_case"], "ignore_accents": value["ignore_accents"]}
    given = normalise_typed(text, **options)
    accepted = [normalise_typed(a, **options) for a in value["accepted_answers"]]
    return given in accepted, {"expected": value["accepted_answers"][0]}


def _grade_hotspot(value, payload):
    x, y = _require(payload, "x", (int, float)), _require(payload, "y", (int, float))
    if isinstance(x, bool) or isinstance(y, bool) or not (0 <= x <= 1 and 0 <= y <= 1):
        raise InvalidAnswer(_("Tap inside the picture."))
    zones = zones_from_value(value["zones"])
    return point_in_zones(zones, x, y), {
        "zones": [{"x": z.x, "y": z.y, "w": z.w, "h": z.h} for z in zones]
    }


GRADED_KEYS = {
    StepKind.SINGLE_CHOICE: ("choice",),
    StepKind.MULTIPLE_CHOICE: ("choices",),
    StepKind.TRUE_FALSE: ("value",),
    StepKind.ORDERING: ("order",),
    StepKind.TYPED_ANSWER: ("text",),
    StepKind.HOTSPOT: ("x", "y"),
    StepKind.HOTSPOT_QUESTION: ("x", "y"),
}

GRADERS = {
    StepKind.SINGLE_CHOICE: _grade_single_choice,
    StepKind.MULTIPLE_CHOICE: _grade_multiple_choice,
    StepKind.TRUE_FALSE: _grade_true_false,
    StepKind.ORDERING: _grade_ordering,
    StepKind.TYPED_ANSWER: _grade_typed_answer,
    StepKind.HOTSPOT: _grade_hotspot,
    StepKind.HOTSPOT_QUESTION: _grade_hotspot,
}


def grade_step(step, payload) -> Grade:
    """Grade ``payload`` against a bound block of the lesson stream; raise InvalidAnswer if unfit."""
    grader = GRADERS.get(step.block_type)
    if grader is None:
        raise InvalidAnswer(_("This step has no question to answer."))
    is_correct, reveal = grader(step.value, payload)
    feedback = step.value["feedback_correct"] if is_correct else step.value["feedback_wrong"]
    answer = {key: payload[key] for key in GRADED_KEYS[step.block_type]}
    return Grade(is_correct=is_correct, feedback=feedback, reveal=reveal, answer=answer)


def recorded_grade(step, *, payload, is_correct) -> Grade:
    """What the player shows for an answer recorded earlier, perhaps on the same lesson in another
    language: the recorded result (the first answer counts), with this step's feedback and, when the
    recorded answer fits this step, what to reveal."""
    try:
        reveal = grade_step(step, payload).reveal
    except InvalidAnswer:  # e.g. choices that this translation does not have
        reveal = {}
    feedback = step.value["feedback_correct"] if is_correct else step.value["feedback_wrong"]
    return Grade(is_correct=is_correct, feedback=feedback, reveal=reveal, answer=payload)
