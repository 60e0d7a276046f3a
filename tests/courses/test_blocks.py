"""A trainer choosing a step in the admin sees what it is for and what it looks like on the tablet
(Wagtail's block previews): every step has a description and a preview, rendered without images."""

import html

import pytest
from django.urls import reverse

from courses.blocks import ChoiceBlock, LessonStepsBlock, ZonesBlock
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
