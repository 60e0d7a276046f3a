"""The pictogram tag (issue 12, item 4): one sprite, an accessible name or a visible label, arrows
mirrored right to left; every pictogram drawn once in the sprite."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core.pictograms import DIRECTIONAL, PICTOGRAMS, SPRITE

SPRITE_PATH = Path(settings.BASE_DIR) / "core" / "static" / SPRITE


def render(source, language="fr", **context):
    with translation.override(language):
        return Template("{% load pictograms %}" + source).render(Context(context))


def test_a_pictogram_alone_is_an_image_named_by_its_translated_word():
    html = render('{% pictogram "listen" %}')
    assert 'role="img"' in html and "<title>Écouter</title>" in html and "aria-hidden" not in html
    assert re.search(r'<use href="/static/core/pictograms\.svg#listen"/>', html)
    arabic = render('{% pictogram "listen" %}', "ar")
    assert "<title>Écouter</title>" not in arabic and re.search(r"<title>[\u0600-\u06ff ]+</title>", arabic)


def test_a_pictogram_before_its_label_is_hidden_from_screen_readers():
    html = render('{% pictogram "back" label=True %}')
    assert 'aria-hidden="true"' in html and 'role="img"' not in html and "<title>" not in html
    assert html.endswith('<span class="pictogram-label">Retour</span>')
    own = render('{% pictogram "code" label=words %}', words="Avec mon code <b>")
    assert own.endswith('<span class="pictogram-label">Avec mon code &lt;b&gt;</span>')  # escaped
    decorative = render('{% pictogram "next" decorative=True %}')
    assert 'aria-hidden="true"' in decorative and "pictogram-label" not in decorative


@pytest.mark.parametrize("language", ["ar", "fa", "ps"])
def test_arrows_are_mirrored_right_to_left_and_other_pictograms_are_not(language):
    for name in PICTOGRAMS:
        html = render(f'{{% pictogram "{name}" %}}', language)
        assert ("pictogram--mirrored" in html) == (name in DIRECTIONAL), name
    assert "pictogram--mirrored" not in render('{% pictogram "next" %}', "fr")
    assert {"back", "next"} <= DIRECTIONAL


def test_an_unknown_pictogram_is_an_error_not_an_empty_box():
    with pytest.raises(KeyError):
        render('{% pictogram "nothing" %}')


def test_every_pictogram_is_drawn_in_the_sprite_with_the_same_strokes():
    sprite = SPRITE_PATH.read_text()
    symbols = re.findall(r'<symbol id="([a-z]+)" viewBox="0 0 24 24"><g ([^>]*)>', sprite)
    assert sorted(name for name, _ in symbols) == sorted(PICTOGRAMS)
    assert {strokes for _, strokes in symbols} == {
        'fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"'}
