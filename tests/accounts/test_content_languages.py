"""A learner's content languages (issue 12): chosen on the tablet at first sign-in with pictures of
speech and each language's own name, changed from « Mon parcours », kept on her profile in her order."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from accounts import selectors, services
from accounts.models import LearnerProfile
from tests import factories

pytestmark = pytest.mark.django_db


def url(language, name):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def learner(client):
    user = factories.learner_in(factories.CentreFactory())
    client.force_login(user)
    return user


def stored(user):
    return LearnerProfile.objects.filter(user=user).values_list("content_languages", flat=True).first() or ""


def test_first_sign_in_lands_on_my_path_with_the_chooser_in_each_language_own_script(client, learner):
    html = client.get(url("fa", "courses:my_path")).content.decode()
    assert 'data-lang-chooser' in html
    for code, name in (("fr", "Français"), ("ar", "العربية"), ("fa", "دری"), ("uk", "Українська")):
        assert f'value="{code}"' in html and name in html
    assert 'lang="fa" dir="rtl"' in html and "flag" not in html


def test_choosing_keeps_the_order_tapped_and_the_chooser_gives_way_to_a_link(client, learner):
    response = client.post(url("fa", "accounts:content_languages"),
                           {"languages": ["fr", "ar"], "order": "ar,fr"})
    assert response.status_code == 302 and response["Location"] == url("fa", "courses:my_path")
    assert stored(learner) == "ar,fr"
    assert selectors.learner_content_languages(user=learner) == ["ar", "fr"]
    html = client.get(url("fa", "courses:my_path")).content.decode()
    assert "data-lang-chooser" not in html and reverse("accounts:content_languages") in html


def test_without_the_script_the_order_of_the_list_is_kept(client, learner):
    client.post(url("fr", "accounts:content_languages"), {"languages": ["fr", "uk"]})
    assert stored(learner) == "fr,uk"


@pytest.mark.parametrize("languages", [[], ["de"], ["fr", "xx"], ["ps"]])
def test_a_language_the_site_does_not_offer_or_none_is_refused_and_changes_nothing(client, learner, languages):
    services.learner_content_languages_set(user=learner, codes=["fa"])
    response = client.post(url("fa", "accounts:content_languages"), {"languages": languages})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    with translation.override("fa"):
        expected = translation.gettext("Choose at least one language.") if not languages else translation.gettext(
            "This language is not offered here.")
    assert expected in html
    assert stored(learner) == "fa"


@pytest.mark.parametrize("codes, message", [
    ([], "Choose at least one language."),
    ("fr", "Choose at least one language."),
    ([1], "Choose at least one language."),
    (["fr", "fr"], "Choose each language once."),
    (["ps"], "This language is not offered here."),
])
def test_the_service_refuses_bad_lists(learner, codes, message):
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        services.learner_content_languages_set(user=learner, codes=codes)
    assert refused.value.messages == [message]
    assert stored(learner) == ""


@pytest.mark.parametrize("value", ["de", "fr,", "fr;ar", "ps", ",fr"])
def test_the_database_refuses_a_language_the_site_does_not_offer(learner, value):
    profile = services.learner_profile_ensure(user=learner)
    profile.content_languages = value
    with pytest.raises(IntegrityError), transaction.atomic():
        profile.save(update_fields=["content_languages"])


def test_a_next_address_elsewhere_is_not_followed(client, learner):
    response = client.post(url("fr", "accounts:content_languages"),
                           {"languages": ["fr"], "next": "https://evil.example/"})
    assert response["Location"] == url("fr", "courses:my_path")


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(url("fr", "accounts:content_languages"))
    assert response.status_code == 302 and response["Location"].endswith("?next=/fr/mes-langues/")


def test_the_choice_is_read_once_per_request(learner, django_assert_num_queries):
    services.learner_content_languages_set(user=learner, codes=["fa", "fr"])
    with django_assert_num_queries(1):
        assert selectors.learner_content_languages(user=learner) == ["fa", "fr"]
        assert selectors.learner_content_languages(user=learner) == ["fa", "fr"]
