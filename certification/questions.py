"""Exam questions: drawn fairly from the banks, frozen into the attempt as copies of the block
values (later edits of a bank change no attempt), graded by ``courses.grading`` from the frozen
copy, and shown to the candidate without their answer key."""

import random
import secrets
import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.rich_text import expand_db_html

from courses.constants import StepKind
from courses.grading import Grade, grade_step
from courses.rendering import step_image_alt

from .blocks import ExamQuestionsBlock

_BLOCK = ExamQuestionsBlock()
_RANDOM = secrets.SystemRandom()


class BankTooSmall(ValueError):
    """A competence's bank holds fewer questions than the level draws: no exam can start."""

    def __init__(self, competence):
        super().__init__(competence)
        self.message = _(
            "The questions for « %(competence)s » are not ready yet. Tell the supervisor."
        ) % {"competence": competence.name}


@dataclass(frozen=True)
class Pool:
    """The questions an exam may draw for one competence, from the banks of one language."""

    competence: object
    drawn: int
    children: list  # bound blocks of the banks' StreamFields


def pool_draw(pool: Pool) -> list[dict]:
    """``pool.drawn`` questions picked uniformly (system randomness), each frozen with a new id."""
    if len(pool.children) < pool.drawn:
        raise BankTooSmall(pool.competence)
    picked = _RANDOM.sample(pool.children, pool.drawn)
    return [question_freeze(child, competence=pool.competence) for child in picked]


def question_freeze(child, *, competence) -> dict:
    """A copy of a bank question, complete with its answer key: kept on the server only."""
    return {
        "id": str(uuid.uuid4()),
        "type": child.block_type,
        "value": child.block.get_prep_value(child.value),
        "source_id": str(child.id),
        "competence": competence.code,
        "competence_name": competence.name,
    }


def questions_stream(questions: list[dict]) -> StreamValue:
    """Frozen questions as one stream of bound blocks: their images are read in one query per kind."""
    return StreamValue(_BLOCK, [{"type": q["type"], "value": q["value"], "id": q["id"]} for q in questions],
                       is_lazy=True)


def question_bound(question: dict):
    """The frozen question as a bound block, as ``courses.grading.grade_step`` expects it."""
    return questions_stream([question])[0]


def stream_images(stream: StreamValue) -> list:
    """Every picture the questions show (prompt and choices), to read their renditions at once."""
    images = []
    for child in stream:
        images.append(child.value.get("image"))
        if "choices" in child.value:
            images.extend(choice.value.get("image") for choice in child.value["choices"].bound_blocks)
    return [image for image in images if image is not None]


def question_grade(question: dict, payload) -> Grade:
    """Grade an answer against the frozen question (raises ``InvalidAnswer`` if it does not fit)."""
    return grade_step(question_bound(question), payload)


def _image(image):
    return {"id": image.pk, "alt": step_image_alt(image)} if image is not None else None


def _choices(value):
    return [
        {"id": str(child.id), "text": child.value["text"], "image": _image(child.value["image"])}
        for child in value["choices"].bound_blocks
    ]


def _ordering_items(value, seed):
    """Shuffled the same way at every reload of the question (not a secret: the key is the order)."""
    items = [{"id": str(child.id), "text": child.value} for child in value["items"].bound_blocks]
    random.Random(seed).shuffle(items)  # noqa: S311
    return items


def question_public(question: dict) -> dict:
    """What the candidate's tablet receives: the prompt, pictures and choices, never which
    answer is right (no ``is_correct``, accepted answers, zones nor the items' right order)."""
    child = question_bound(question)
    value, kind = child.value, child.block_type
    shown = {
        "id": question["id"], "type": kind, "competence": question["competence"],
        "prompt": expand_db_html(value["prompt"].source), "image": _image(value["image"]),
        "audio": value["audio"].url if value["audio"] else None,
    }
    if kind in (StepKind.SINGLE_CHOICE, StepKind.MULTIPLE_CHOICE):
        shown["choices"] = _choices(value)
    elif kind == StepKind.ORDERING:
        shown["items"] = _ordering_items(value, question["id"])
    elif kind == StepKind.TYPED_ANSWER:
        shown["input_mode"] = value["input_mode"]
    return shown
