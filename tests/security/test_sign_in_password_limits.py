"""Issue 6, item 1: every password sign-in is limited the same way.

Wagtail's /admin/login/ was not limited at all (40 wrong passwords, then the right one, signed a manager
in) while /fr/connexion/ stopped at 10 with counters of its own. django-axes now hooks authenticate(),
so every view that checks a password is limited by one count: per name and per address, failures only,
a translated 429 on both screens."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from tests import factories

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def manager():
    return factories.UserFactory(username="nadia", is_staff=True, is_superuser=True)


def site_login(language="fr"):
    with translation.override(language):
        return reverse("accounts:login")


def attempt(client, url, password="wrong", username="nadia", **extra):  # noqa: S107
    return client.post(url, {"username": username, "password": password}, **extra)


def signed_in(client):
    return "_auth_user_id" in client.session


def failures_recorded():
    from axes.models import AccessAttempt  # imported here: the tests must also run (and fail) without axes

    return AccessAttempt.objects


def locked_message(language):
    with translation.override(language):
        return escape(translation.gettext("Too many tries. Wait a few minutes."))


def test_forty_wrong_passwords_then_the_right_one_do_not_sign_in_through_the_admin(client, manager):
    for _ in range(40):
        attempt(client, ADMIN_LOGIN)
    response = attempt(client, ADMIN_LOGIN, factories.PASSWORD)
    assert response.status_code == 429 and not signed_in(client)


def test_the_admin_login_stops_at_the_same_count_as_the_site(client, manager):
    codes = [attempt(client, ADMIN_LOGIN).status_code for _ in range(LIMIT)]
    assert codes[:-1] == [200] * (LIMIT - 1) and codes[-1] == 429
    assert attempt(client, ADMIN_LOGIN, factories.PASSWORD).status_code == 429 and not signed_in(client)


def test_the_admin_and_the_site_share_one_count(client, manager):
    for _ in range(LIMIT - 1):
        attempt(client, ADMIN_LOGIN)
    assert attempt(client, site_login()).status_code == 429
    assert attempt(client, site_login(), factories.PASSWORD).status_code == 429 and not signed_in(client)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_lockout_is_translated_on_both_screens(client, manager, language):
    for _ in range(LIMIT):
        attempt(client, site_login(language))
    site = attempt(client, site_login(language), factories.PASSWORD)
    admin = attempt(client, ADMIN_LOGIN, factories.PASSWORD, HTTP_ACCEPT_LANGUAGE=language)
    for response in (site, admin):
        assert response.status_code == 429 and locked_message(language) in response.content.decode()
    assert not signed_in(client)


def test_a_name_typed_in_another_case_or_with_spaces_is_the_same_name(client, manager):
    for typed in ["Nadia", "NADIA", " nadia ", "nAdIa"] * 3:
        attempt(client, site_login(), username=typed, REMOTE_ADDR=f"10.0.0.{len(typed)}")
    assert attempt(client, site_login(), factories.PASSWORD).status_code == 429


def test_many_names_from_one_address_are_limited(client, manager):
    for i in range(LIMIT):
        attempt(client, ADMIN_LOGIN, username=f"guess{i}", REMOTE_ADDR="203.0.113.9")
    assert attempt(client, ADMIN_LOGIN, factories.PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert not signed_in(client)


def test_one_name_tried_from_many_addresses_is_limited(client, manager):
    for i in range(LIMIT):
        attempt(client, ADMIN_LOGIN, REMOTE_ADDR=f"198.51.100.{i}")
    assert attempt(client, ADMIN_LOGIN, factories.PASSWORD, REMOTE_ADDR="192.0.2.1").status_code == 429


def test_someone_elses_failures_elsewhere_do_not_stop_another_person(client, manager):
    factories.UserFactory(username="farid")
    for _ in range(LIMIT):
        attempt(client, ADMIN_LOGIN, REMOTE_ADDR="203.0.113.9")
    response = attempt(client, site_login(), factories.PASSWORD, username="farid", REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 302 and signed_in(client)


def test_right_passwords_never_count(client, manager):
    for _ in range(LIMIT * 3):
        assert attempt(client, site_login(), factories.PASSWORD).status_code == 302
        client.post(reverse("accounts:logout"))
    assert not failures_recorded().exists()


def test_the_right_password_does_not_clear_an_attackers_count(client, manager):
    for _ in range(LIMIT - 1):
        attempt(client, ADMIN_LOGIN)
    assert attempt(client, site_login(), factories.PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    assert attempt(client, ADMIN_LOGIN).status_code == 429


def test_the_lockout_ends_after_the_cool_off(client, manager):
    for _ in range(LIMIT):
        attempt(client, ADMIN_LOGIN)
    assert attempt(client, site_login(), factories.PASSWORD).status_code == 429
    failures_recorded().update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert attempt(client, site_login(), factories.PASSWORD).status_code == 302 and signed_in(client)


def test_the_password_is_never_stored_with_the_failures(client, manager):
    attempt(client, ADMIN_LOGIN, password="my-secret-guess")
    assert failures_recorded().count() == 1
    assert "my-secret-guess" not in str(failures_recorded().values().get())
