"""Item 7 of issue 14: a trainer fills a question in the order she thinks it (question, answers, right
answer, feedback, competence), reads a header on every list item, is told about a missing choice when
she saves (not as soon as the form opens), and finds a course's lessons in their order in the course."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail import blocks

from courses.blocks import LessonStepsBlock
from courses.models import LessonPage
from tests import factories
from tests.courses.test_admin import add_url, choice, lesson_data, list_block, question, shown, steps_errors

STEPS = LessonStepsBlock().child_blocks
QUESTION_START = ["prompt", "image", "audio"]
QUESTION_END = ["feedback_correct", "feedback_wrong", "competence"]
OWN_FIELDS = {
    "single_choice": ["choices"],
    "multiple_choice": ["choices"],
    "true_false": ["is_true"],
    "ordering": ["items"],
    "typed_answer": ["accepted_answers", "ignore_case", "ignore_accents", "input_mode"],
    "hotspot_question": ["zones"],
}


@pytest.mark.parametrize("name", list(OWN_FIELDS))
def test_a_question_reads_question_then_answers_then_feedback_then_competence(name):
    assert list(STEPS[name].child_blocks) == QUESTION_START + OWN_FIELDS[name] + QUESTION_END


def test_the_competence_field_says_what_it_is_for():
    with translation.override("en"):
        help_text = str(STEPS["single_choice"].child_blocks["competence"].field.help_text)
    assert "certification" in help_text and "dashboards" in help_text


def _all_blocks(block):
    yield block
    children = getattr(block, "child_blocks", None)
    if children:
        for child in children.values():
            yield from _all_blocks(child)
    if isinstance(block, blocks.ListBlock):
        yield from _all_blocks(block.child_block)


def test_every_list_item_has_a_readable_header():
    """No « * » header (a list item without a label) and no raw « [] » (the zones' JSON as summary)."""
    for block in _all_blocks(LessonStepsBlock()):
        if isinstance(block, blocks.ListBlock):
            assert str(block.child_block.label).strip(), f"{block.name}: its items have no label"
    for name, block in STEPS.items():
        if name == "h5p":
            continue
        label_format = block.meta.label_format
        assert label_format and "zones" not in label_format, name
        assert re.fullmatch(r"\{\w+\}", label_format) and label_format[1:-1] in block.child_blocks, name


@pytest.mark.django_db
def test_the_editor_does_not_count_items_before_the_trainer_saves(client, course_page):
    """The browser gets no minimum to check (it would show « minimum 2 » as soon as a question is
    added); a new choice question starts with two empty choices to fill."""
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    page = html.unescape(client.get(add_url(LessonPage, course_page)).content.decode())
    assert re.search(r'"maxNum": 6\b', page) and not re.search(r'"minNum": \d', page)
    assert len(STEPS["single_choice"].get_default()["choices"]) == 2
    assert len(STEPS["typed_answer"].get_default()["accepted_answers"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("kind, field, items, minimum", [
    ("single_choice", "choices", [choice("amina@exemple.fr", True)], 2),
    ("ordering", "items", ["prenom.nom"], 2),
    ("typed_answer", "accepted_answers", [], 1),
])
def test_too_few_items_are_refused_on_save(client, course_page, kind, field, items, minimum):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    extra = {"ignore_case": "on", "ignore_accents": "", "input_mode": "text"} if kind == "typed_answer" else {}
    step = (kind, question("<p>Une question</p>", **{field: list_block(items)}, **extra))
    data = {**lesson_data([step]), "action-publish": "publish"}  # a draft may be unfinished
    response = client.post(add_url(LessonPage, course_page), data)
    message = shown("The minimum number of items is %(min_num)d", response) % {"min_num": minimum}
    assert message in steps_errors(response)
    assert not LessonPage.objects.exists()


@pytest.mark.django_db
def test_the_explorer_lists_lessons_in_course_order_not_by_last_edit(client, course_page):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    titles = ["Leçon un", "Leçon deux", "Leçon trois"]
    lessons = [factories.lesson(course_page, title=t, slug=f"l{i}") for i, t in enumerate(titles)]
    lessons[0].summary = "Revue."  # the first lesson was edited last
    lessons[0].save_revision()
    page = html.unescape(client.get(reverse("wagtailadmin_explore", args=[course_page.pk])).content.decode())
    assert [page.index(t) for t in titles] == sorted(page.index(t) for t in titles)
