"""French first, then English and Arabic (right to left)."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_pages_carry_language_and_direction(client, lang, direction):
    factories.catalogue("fr")
    html = client.get(f"/{lang}/connexion/").content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_language_switcher_names_each_language_in_its_own_script(client):
    factories.catalogue("fr")
    html = client.get("/fr/connexion/").content.decode()
    for name in ("Français", "English", "العربية"):
        assert name.lower() in html.lower()


def test_switcher_points_to_the_translation_of_the_page(client):
    fr = factories.catalogue("fr")
    course = factories.course(parent=fr)
    ar_catalogue = fr.copy_for_translation(factories.Locale.objects.get_or_create(language_code="ar")[0])
    ar_catalogue.save_revision().publish()
    ar_course = course.copy_for_translation(factories.Locale.objects.get(language_code="ar"))
    ar_course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert f'href="{ar_course.url}" lang="ar"' in html
