"""A trainer choosing a step in the admin sees what it is for and what it looks like on the tablet
(Wagtail's block previews): every step has a description and a preview, rendered without images."""

import html
import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from courses.blocks import ChoiceBlock, LessonStepsBlock, ZonesBlock
from courses.constants import StepKind
from tests import factories

STEP_BLOCKS = LessonStepsBlock().child_blocks
# A phrase each step's preview shows on the tablet screen.
PREVIEW_TEXT = {
    "image": "Une adresse e-mail a toujours un",
    "hotspot": "touche le bouton",
    "tip": "ton mot de passe",
    "video": "Regarde comment Amina",
    "single_choice": "amina diallo@exemple.fr",
    "multiple_choice": "Un lien bizarre",
    "true_false": "La CAF peut te demander",
    "ordering": "exemple.fr",
    "typed_answer": "yonas.tesfaye@exemple.fr",
    "hotspot_question": "Touche le bouton",
    "h5p": "Remets les parties de l'adresse",
}


def test_every_step_kind_is_checked():
    assert set(PREVIEW_TEXT) == set(STEP_BLOCKS)


@pytest.mark.parametrize("name", list(STEP_BLOCKS))
def test_every_step_has_a_description_and_a_preview(name):
    block = STEP_BLOCKS[name]
    assert str(block.get_description()).strip()
    assert block.meta.preview_value and block.get_preview_value()
    assert block.is_previewable


def test_choices_and_zones_have_a_description_and_a_preview():
    for block in (ChoiceBlock(), ZonesBlock(), LessonStepsBlock()):
        assert str(block.get_description()).strip()
    assert ChoiceBlock().get_preview_value()["text"]
    assert ZonesBlock().get_preview_value()


def preview_url(block):
    return reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(STEP_BLOCKS))
def test_the_admin_previews_each_step_as_the_tablet_shows_it(client, name):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    response = client.get(preview_url(STEP_BLOCKS[name]))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert PREVIEW_TEXT[name] in page
    assert f'class="step step--{name}"' in page and "passerelle" in page  # the site's own styles


@pytest.mark.django_db
def test_a_question_preview_does_not_mark_the_right_answer(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    page = client.get(preview_url(STEP_BLOCKS["single_choice"])).content.decode()
    assert "is_correct" not in page and "Bravo" not in page


@pytest.mark.django_db
def test_previews_are_for_the_admin_only(client):
    client.force_login(factories.UserFactory())
    response = client.get(preview_url(STEP_BLOCKS["image"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_two_tap_steps_say_which_one_counts_in_the_score():
    """Item 4 of issue 14: two clearly named tap steps; the name and the description say which is scored."""
    with translation.override("en"):
        practice, question = STEP_BLOCKS["hotspot"], STEP_BLOCKS["hotspot_question"]
        assert str(practice.label) == str(StepKind.HOTSPOT.label) == "Tap the right place (practice, not scored)"
        assert str(question.label) == str(StepKind.HOTSPOT_QUESTION.label) == "Question: tap the right area (scored)"
        assert "Not scored" in str(practice.get_description())
        assert "Scored" in str(question.get_description())
        assert "not scored" in str(practice.meta.help_text) and "Scored" in str(question.meta.help_text)


@pytest.mark.django_db
def test_the_editor_offers_both_tap_steps_with_their_scored_mark(client, lesson_page):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    page = html.unescape(client.get(reverse("wagtailadmin_pages:edit", args=[lesson_page.pk])).content.decode())
    language = page.split('<html lang="', 1)[1].split('"', 1)[0]  # the admin speaks the trainer's language
    with translation.override(language):
        for label in ("Tap the right place (practice, not scored)", "Question: tap the right area (scored)"):
            # the block chooser reads its labels from JSON, where accented letters are \u escapes
            assert json.dumps(translation.gettext(label)) in page, (language, label)


@pytest.mark.parametrize("kind, pictogram", [("tip", "help"), ("warning", "warning")])
def test_a_tip_or_warning_leads_with_a_drawn_pictogram_not_an_emoji(kind, pictogram):
    """💡 and ⚠️ showed as empty boxes on tablets without an emoji font; the project's own pictograms show
    everywhere, with the word beside them."""
    value = {"kind": kind, "text": "", "image": None, "audio": None}
    html = render_to_string("blocks/tip_block.html", {"value": value})
    assert f"#{pictogram}" in html and 'aria-hidden="true"' in html
    assert "💡" not in html and "⚠" not in html
