import pytest
from django.urls import reverse

from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_learner_needs_no_email():
    user = User.objects.create_user(username="yonas", password="x" * 12, display_name="ዮናስ")
    user.full_clean()
    assert user.email == "" and str(user) == "ዮናስ"


def test_sign_in_with_a_wrong_password_says_so_and_signs_nobody_in(client):
    factories.UserFactory(username="amina")
    response = client.post(reverse("accounts:login"), {"username": "amina", "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_sign_in_then_finish_ends_the_session(client):
    factories.UserFactory(username="amina")
    response = client.post(reverse("accounts:login"), {"username": "amina", "password": factories.PASSWORD},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("courses:my_path")
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("courses:my_path")).status_code == 302


def test_pages_for_a_signed_in_person_are_never_stored(client):
    client.force_login(factories.UserFactory())
    assert "no-store" in client.get(reverse("courses:my_path"))["Cache-Control"]


def test_the_public_catalogue_may_be_cached(client):
    factories.catalogue()
    response = client.get("/fr/")
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_staff_sign_in_is_slowed_down_after_many_tries(client, settings):
    factories.UserFactory(username="nadia")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "nadia", "password": "wrong"})
    response = client.post(url, {"username": "nadia", "password": factories.PASSWORD})
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_behind_a_trusted_proxy_the_visitor_address_comes_from_x_forwarded_for(rf, settings):
    from accounts.ratelimit import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.1")
    assert client_address(request) == "10.0.0.1"
    settings.PASSERELLE_TRUSTED_PROXIES = 1
    assert client_address(request) == "10.0.0.2"
    settings.PASSERELLE_TRUSTED_PROXIES = 2
    assert client_address(request) == "203.0.113.7"
