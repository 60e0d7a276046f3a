"""The pictogram glossary (issue 12, item 4): public, every pictogram with its word in the interface
language and in French, a speaker for each word, linked from the learner's home and the tablet."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from core.pictograms import PICTOGRAMS
from courses import audio, tasks
from tests import factories

pytestmark = pytest.mark.django_db


def glossary_url(language):
    with translation.override(language):
        return reverse("courses:glossary")


def words(language):
    with translation.override(language):
        return {name: str(word) for name, word in PICTOGRAMS.items()}


def test_the_glossary_has_a_french_address_in_every_language():
    assert glossary_url("fr") == "/fr/aide/pictogrammes/"
    assert glossary_url("ar") == "/ar/aide/pictogrammes/"


def test_every_pictogram_is_shown_with_its_french_word_and_a_speaker(client):
    page = html.unescape(client.get(glossary_url("fr")).content.decode())
    for name, word in words("fr").items():
        item = re.search(rf'<li class="glossary__item" id="pictogram-{name}">(.*?)</li>', page, re.S)
        assert item, name
        assert f"pictograms.svg#{name}" in item.group(1)
        assert f'data-say="{word}" data-say-lang="fr"' in item.group(1)
    assert "glossary__word--fr" not in page  # French interface: the word once, not twice


def test_in_arabic_each_pictogram_has_its_arabic_word_then_its_french_one(client):
    page = html.unescape(client.get(glossary_url("ar")).content.decode())
    assert '<html lang="ar" dir="rtl">' in page
    arabic, french = words("ar"), words("fr")
    for name in PICTOGRAMS:
        item = re.search(rf'id="pictogram-{name}">(.*?)</li>', page, re.S).group(1)
        assert f'data-say="{arabic[name]}" data-say-lang="ar"' in item, name
        assert f'data-say="{french[name]}" data-say-lang="fr"' in item, name
        assert arabic[name] != french[name], f"{name} is not translated into Arabic"
    assert "pictogram--mirrored" in re.search(r'id="pictogram-next">(.*?)</li>', page, re.S).group(1)


@pytest.mark.parametrize("language, queries", [("fr", 1), ("ar", 2)])
def test_the_glossary_is_public_and_cheap(client, django_assert_max_num_queries, language, queries):
    """One query for the voices of each language shown (the words, then their French), none per word."""
    with django_assert_max_num_queries(queries):
        response = client.get(glossary_url(language))
    assert response.status_code == 200


@pytest.mark.django_db
def test_each_word_is_heard_in_its_language_once_the_glossary_voices_are_made(client, settings, monkeypatch):
    """The daily task (and the demo) make the words' voices in the languages espeak-ng speaks; the
    page then plays them instead of relying on the tablet's own voice, which many tablets lack."""
    monkeypatch.setattr(audio, "SYNTHETIC_VOICES", {"fr": "fr-fr", "ar": "ar"})  # two languages: quicker
    settings.PASSERELLE_VOICES_SYNTHESIS = True
    assert tasks.glossary_voices_generate() == 2 * len(PICTOGRAMS)
    assert tasks.glossary_voices_generate() == 0  # made once
    page = html.unescape(client.get(glossary_url("ar")).content.decode())
    arabic, french = words("ar"), words("fr")
    for name in PICTOGRAMS:
        item = re.search(rf'id="pictogram-{name}">(.*?)</li>', page, re.S).group(1)
        heard = re.findall(r'data-say-lang="(\w+)" data-audio="([^"]+\.mp3)"', item)
        assert [language for language, _url in heard] == ["ar", "fr"], (name, arabic[name], french[name])


def test_a_signed_in_learner_reads_it_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(factories.UserFactory())
    with django_assert_max_num_queries(3):  # session, user, and nothing per pictogram
        assert client.get(glossary_url("fr")).status_code == 200


def test_the_learners_home_and_the_tablet_link_to_it(client):
    client.force_login(factories.UserFactory())
    assert f'href="{glossary_url("fr")}"' in client.get(reverse("courses:my_path")).content.decode()
