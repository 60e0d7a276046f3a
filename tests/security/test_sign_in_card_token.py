"""Issue 6, item 11 (card token): the secret of a learner card never reaches an access log.

The QR code held /<lang>/carte/<token>/, which a GET logs in every proxy and server on the way. It now
holds /<lang>/carte/#<token>: a browser never sends the fragment; the page's own script (CSP: only the
site's scripts) posts it, and without JavaScript the learner pastes it into a form. Old-style addresses
no longer sign anyone in."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from accounts import cards as cards_module
from accounts import services as accounts_services
from accounts.constants import SecretKind
from accounts.views import cards as card_views
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"


@pytest.fixture
def amina():
    user = factories.learner_in(factories.CentreFactory(), display_name="Amina Diallo", preferred_language="ar")
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


def card_page(language="fr"):
    with translation.override(language):
        return reverse("accounts:card_sign_in")


def test_the_qr_code_holds_the_token_only_in_the_fragment(amina):
    [card] = cards_module.cards_issue(learners=[amina], url_for=lambda learner, token: f"https://site.example/x/{token}/")
    address = urlsplit(card.url)
    assert (address.scheme, address.netloc, address.path) == ("https", "site.example", card_page("ar"))
    assert accounts_services.learner_card_resolve(token=address.fragment) == amina
    assert address.fragment not in address.path and not address.query


def test_an_old_style_card_address_signs_no_one_in(client, amina):
    token = accounts_services.learner_card_issue(user=amina)
    with translation.override("fr"):
        old = f"/fr/carte/{token}/"
    response = client.get(old)
    html = response.content.decode()
    assert response.status_code == 404 and "Amina" not in html
    assert card_views.HOME_SESSION_KEY not in client.session
    assert client.get(reverse("accounts:home_picture"))["Location"] == reverse("accounts:home_code")
    assert client.get(old + "code/").status_code == 404


def test_the_card_page_posts_the_token_with_the_sites_own_script(client, amina):
    response = client.get(card_page())
    html = response.content.decode()
    assert response.status_code == 200 and "Amina" not in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all(" src=" in tag for tag in scripts)  # no inline script: CSP allows only 'self'
    assert any("accounts/card.js" in tag for tag in scripts)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script = Path(finders.find("accounts/card.js")).read_text()
    assert "location.hash" in script and "replaceState" in script and ".submit()" in script
    assert 'method="post"' in html and 'name="token"' in html and 'type="submit"' in html  # works without JS


def test_the_script_sends_only_what_the_form_posts(client, amina):
    token = accounts_services.learner_card_issue(user=amina)
    response = client.post(card_page(), {"token": token}, follow=True)
    assert response.status_code == 200 and "Amina Diallo" in response.content.decode()
    requested = [card_page()] + [address for address, _status in response.redirect_chain]
    assert all(token not in address for address in requested)
    assert "_auth_user_id" not in client.session  # the card still needs the pictures
    response = client.post(reverse("accounts:home_picture"), {"pictures": PICTURES})
    assert response["Location"] == reverse("courses:my_path")


@pytest.mark.parametrize("pasted", ["https://site.example/fr/carte/#{token}", "  {token} ", "#{token}"])
def test_a_pasted_card_address_works_without_javascript(client, amina, pasted):
    token = accounts_services.learner_card_issue(user=amina)
    response = client.post(card_page(), {"token": pasted.format(token=token)})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home_picture")


def test_a_get_with_the_token_in_the_query_does_nothing(client, amina):
    token = accounts_services.learner_card_issue(user=amina)
    response = client.get(card_page(), {"token": token})
    assert response.status_code == 200 and "Amina" not in response.content.decode()
    assert card_views.HOME_SESSION_KEY not in client.session


def test_the_card_page_answers_nothing_but_get_and_post(client):
    assert client.put(card_page()).status_code == 405

