"""Error pages are the site's own (issue 13): translated, right to left in Arabic, with a pictogram
and a way back to the start, never Django's bare English « 403 Forbidden »."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from centres import services as centres_services
from tests import factories

pytestmark = pytest.mark.django_db


def _is_ours(html, language):
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    with translation.override(language):
        assert f'href="{reverse("centres:start")}"' in html
    assert 'class="error-page__icon"' in html


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_a_page_that_does_not_exist(client, language):
    response = client.get(f"/{language}/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    _is_ours(html, language)
    with translation.override(language):
        assert translation.gettext("This page does not exist.") in html


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_revoked_tablet_says_so_and_how_to_enrol_it_again(client, language):
    centre = factories.CentreFactory()
    device, cookie = centres_services.device_enrol(centre=centre, name="Tablette 1", by=None)
    centres_services.device_revoke(device=device)
    client.cookies[centres_services.DEVICE_COOKIE] = cookie
    with translation.override(language):
        url = reverse("centres:tiles")
    response = client.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    _is_ours(html, language)
    with translation.override(language):
        assert translation.gettext("You cannot open this page.") in html
        assert escape(translation.gettext(
            "This tablet is not, or no longer, enrolled at a centre. A manager of the centre enrols it again in "
            "« My centre », « Tablets ».")) in html
    assert "403 Forbidden" not in html


def test_a_form_left_open_too_long_gets_a_page_to_start_again():
    client = Client(enforce_csrf_checks=True)
    with translation.override("fr"):
        url = reverse("accounts:login")
    response = client.post(url, {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    _is_ours(html, "fr")
    with translation.override("fr"):
        assert translation.gettext("This page was open for too long.") in html


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_server_error_page_needs_nothing_but_the_language(language):
    with translation.override(language):
        html = render_to_string("500.html")
        assert translation.gettext("Something went wrong on our side.") in html
    _is_ours(html, language)

