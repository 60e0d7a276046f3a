import pytest

from courses.models import Enrolment
from tests import factories


@pytest.fixture
def course_page(db):
    return factories.course()


@pytest.fixture
def lesson_page(course_page):
    return factories.lesson(course_page)


@pytest.fixture
def learner(db):
    return factories.UserFactory()


@pytest.fixture
def enrolled(learner, course_page):
    Enrolment.objects.create(learner=learner, course=course_page)
    return learner


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def step_of(lesson, kind):
    return next(step for step in lesson.steps if step.block_type == kind)


def choice_id(step, text):
    return next(str(c.id) for c in step.value["choices"].bound_blocks if c.value["text"] == text)


def right_payload(step):
    """The right answer to each step of tests.factories.every_kind_steps, as the tablet sends it."""
    kind = step.block_type
    if kind == "single_choice":
        return {"choice": choice_id(step, "amina.diallo@exemple.fr")}
    if kind == "multiple_choice":
        return {"choices": [choice_id(step, "Urgence"), choice_id(step, "Lien bizarre")]}
    if kind == "true_false":
        return {"value": True}
    if kind == "ordering":
        return {"order": [str(item.id) for item in step.value["items"].bound_blocks]}
    if kind == "typed_answer":
        return {"text": "  Amina@Exemple.fr "}
    return {"x": 0.6, "y": 0.6}


def wrong_payload(step):
    kind = step.block_type
    if kind == "single_choice":
        return {"choice": choice_id(step, "amina.diallo.exemple.fr")}
    if kind == "multiple_choice":
        return {"choices": [choice_id(step, "Bonjour")]}
    if kind == "true_false":
        return {"value": False}
    if kind == "ordering":
        return {"order": [str(item.id) for item in reversed(step.value["items"].bound_blocks)]}
    if kind == "typed_answer":
        return {"text": "amina.exemple.fr"}
    return {"x": 0.1, "y": 0.1}
