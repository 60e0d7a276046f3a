"""Every question type is graded by the server; edge cases of each."""

import pytest
from django.core.exceptions import ValidationError

from courses.grading import InvalidAnswer, grade_step, normalise_typed
from courses.zones import zones_from_value

from .conftest import choice_id, right_payload, step_of

ANSWERABLE = ["single_choice", "multiple_choice", "true_false", "ordering", "typed_answer",
              "hotspot", "hotspot_question"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ANSWERABLE)
def test_right_answer_is_right_with_its_feedback(lesson_page, kind):
    step = step_of(lesson_page, kind)
    grade = grade_step(step, right_payload(step))
    assert grade.is_correct
    assert grade.feedback == step.value["feedback_correct"]


@pytest.mark.django_db
def test_single_choice_wrong_choice_gets_wrong_feedback_and_reveals_the_right_one(lesson_page):
    step = step_of(lesson_page, "single_choice")
    grade = grade_step(step, {"choice": choice_id(step, "amina.diallo.exemple.fr")})
    assert not grade.is_correct
    assert grade.feedback == "Regarde bien le @."
    assert grade.reveal["correct_choices"] == [choice_id(step, "amina.diallo@exemple.fr")]


@pytest.mark.django_db
def test_multiple_choice_needs_exactly_the_right_set(lesson_page):
    step = step_of(lesson_page, "multiple_choice")
    only_one = {"choices": [choice_id(step, "Urgence")]}
    too_many = {"choices": [choice_id(step, t) for t in ("Urgence", "Lien bizarre", "Bonjour")]}
    assert not grade_step(step, only_one).is_correct
    assert not grade_step(step, too_many).is_correct


@pytest.mark.django_db
def test_multiple_choice_refuses_duplicates_and_empty(lesson_page):
    step = step_of(lesson_page, "multiple_choice")
    urgent = choice_id(step, "Urgence")
    with pytest.raises(InvalidAnswer):
        grade_step(step, {"choices": [urgent, urgent]})
    with pytest.raises(InvalidAnswer):
        grade_step(step, {"choices": []})


@pytest.mark.django_db
def test_true_false_false_is_wrong(lesson_page):
    assert not grade_step(step_of(lesson_page, "true_false"), {"value": False}).is_correct


@pytest.mark.django_db
def test_true_false_refuses_a_string(lesson_page):
    with pytest.raises(InvalidAnswer):
        grade_step(step_of(lesson_page, "true_false"), {"value": "true"})


@pytest.mark.django_db
def test_ordering_wrong_order_and_incomplete_order(lesson_page):
    step = step_of(lesson_page, "ordering")
    ids = [str(item.id) for item in step.value["items"].bound_blocks]
    assert not grade_step(step, {"order": list(reversed(ids))}).is_correct
    with pytest.raises(InvalidAnswer):
        grade_step(step, {"order": ids[:2]})
    with pytest.raises(InvalidAnswer):
        grade_step(step, {"order": [ids[0], ids[0], ids[1]]})


@pytest.mark.django_db
@pytest.mark.parametrize("typed,expected", [
    ("amina@exemple.fr", True),
    ("  AMINA@EXEMPLE.FR  ", True),
    ("amína@exemple.fr", True),
    ("amina@exemple.com", False),
    ("amina @exemple.fr", False),
])
def test_typed_answer_tolerates_case_accents_and_outer_spaces(lesson_page, typed, expected):
    assert grade_step(step_of(lesson_page, "typed_answer"), {"text": typed}).is_correct is expected


@pytest.mark.django_db
def test_typed_answer_of_ten_thousand_characters_is_refused(lesson_page):
    with pytest.raises(InvalidAnswer, match="200"):
        grade_step(step_of(lesson_page, "typed_answer"), {"text": "a" * 10_000})


@pytest.mark.django_db
def test_typed_answer_blank_is_refused(lesson_page):
    with pytest.raises(InvalidAnswer):
        grade_step(step_of(lesson_page, "typed_answer"), {"text": "   "})


def test_normalise_typed_keeps_case_and_accents_when_asked():
    assert normalise_typed(" Élise ", ignore_case=False, ignore_accents=False) == "Élise"
    assert normalise_typed(" Élise  Martin ") == "elise martin"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["hotspot", "hotspot_question"])
def test_hotspot_tap_outside_the_zone_is_wrong_and_outside_the_picture_refused(lesson_page, kind):
    step = step_of(lesson_page, kind)
    assert not grade_step(step, {"x": 0.1, "y": 0.1}).is_correct
    for payload in ({"x": 1.5, "y": 0.5}, {"x": -0.1, "y": 0.5}, {"x": True, "y": 0.5}, {"x": "0.5", "y": 0.5}):
        with pytest.raises(InvalidAnswer):
            grade_step(step, payload)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ANSWERABLE)
@pytest.mark.parametrize("payload", [None, {}, [], "text", {"unexpected": 1}])
def test_malformed_payloads_are_refused(lesson_page, kind, payload):
    with pytest.raises(InvalidAnswer):
        grade_step(step_of(lesson_page, kind), payload)


@pytest.mark.django_db
def test_choice_from_another_question_is_refused(lesson_page):
    single, multiple = step_of(lesson_page, "single_choice"), step_of(lesson_page, "multiple_choice")
    with pytest.raises(InvalidAnswer):
        grade_step(single, {"choice": choice_id(multiple, "Urgence")})


@pytest.mark.django_db
def test_steps_without_question_cannot_be_answered(lesson_page):
    with pytest.raises(InvalidAnswer):
        grade_step(step_of(lesson_page, "image"), {"x": 0.5, "y": 0.5})


@pytest.mark.parametrize("value", [[], None, [{"x": 0.5}], [{"x": 2, "y": 0, "w": 0.1, "h": 0.1}],
                                   [{"x": 0.9, "y": 0.1, "w": 0.2, "h": 0.1}],
                                   [{"x": 0.1, "y": 0.1, "w": 0, "h": 0.1}]])
def test_unusable_zones_are_refused(value):
    with pytest.raises(ValidationError):
        zones_from_value(value)
