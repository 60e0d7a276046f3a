"""At home, from any browser: the learner code, then the picture password or PIN of that learner only."""

import time

import pytest
from django.urls import reverse
from django.utils import translation

from accounts import services as accounts_services
from accounts import sign_in
from accounts.constants import MAX_FAILURES, SecretKind
from accounts.views import cards as card_views
from centres.constants import Role
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


def learner(centre, name="Amina Diallo", pictures=True):
    user = factories.learner_in(centre, display_name=name)
    accounts_services.learner_profile_ensure(user=user)
    if pictures:
        accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


def code_of(user):
    user.learner_profile.refresh_from_db()
    return user.learner_profile.learner_code


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def type_code(client, code):
    return client.post(english("accounts:home_code"), {"code": code})


def test_the_sign_in_page_links_to_the_learner_code_sign_in(client):
    html = client.get(english("accounts:login")).content.decode()
    assert english("accounts:home_code") in html


def test_the_code_field_is_not_autofilled(client):
    html = client.get(english("accounts:home_code")).content.decode()
    assert 'name="code"' in html and 'autocomplete="off"' in html


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {a} {b} ", "{a}-{b}", "\t{lower_a}-{b}\n"])
def test_a_code_typed_loosely_still_works(client, centre, typed):
    user = learner(centre)
    code = code_of(user)
    typed = typed.format(code=code, lower=code.lower(), a=code[:3], b=code[3:], lower_a=code[:3].lower())
    response = type_code(client, typed)
    assert response.status_code == 302 and response["Location"] == english("accounts:home_picture")


def test_code_then_pictures_signs_in(client, centre):
    user = learner(centre)
    type_code(client, code_of(user))
    screen = client.get(english("accounts:home_picture"))
    assert screen.status_code == 200 and "Amina Diallo" in screen.content.decode()
    assert "_auth_user_id" not in client.session
    response = client.post(english("accounts:home_picture"), {"pictures": PICTURES})
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_path")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert card_views.HOME_SESSION_KEY not in client.session


def test_an_unknown_code_names_no_one(client, centre):
    learner(centre)
    response = type_code(client, "QQQQQQ")
    html = response.content.decode()
    assert response.status_code == 400 and "We do not know this code" in html
    assert "Amina" not in html and card_views.HOME_SESSION_KEY not in client.session
    assert client.get(english("accounts:home_picture"))["Location"] == english("accounts:home_code")


@pytest.mark.parametrize("typed", ["", "=HYPERLINK(1)", "<script>", "é" * 6, "A" * 40])
def test_nonsense_codes_are_refused(client, centre, typed):
    learner(centre)
    response = type_code(client, typed)
    assert response.status_code == 400 and card_views.HOME_SESSION_KEY not in client.session


def test_the_picture_screen_needs_a_code_first(client, centre):
    learner(centre)
    assert client.get(english("accounts:home_picture"))["Location"] == english("accounts:home_code")
    response = client.post(english("accounts:home_picture"), {"pictures": PICTURES})
    assert response["Location"] == english("accounts:home_code")
    assert "_auth_user_id" not in client.session


def test_the_typed_code_is_forgotten_after_a_while(client, centre, monkeypatch):
    type_code(client, code_of(learner(centre)))
    later = time.time() + card_views.HOME_STEP_SECONDS + 1
    monkeypatch.setattr(card_views.time, "time", lambda: later)
    assert client.get(english("accounts:home_picture"))["Location"] == english("accounts:home_code")


def test_going_back_to_the_code_screen_forgets_the_learner(client, centre):
    type_code(client, code_of(learner(centre)))
    client.get(english("accounts:home_code"))
    assert client.get(english("accounts:home_picture"))["Location"] == english("accounts:home_code")


def test_wrong_pictures_then_locked(client, centre):
    user = learner(centre)
    type_code(client, code_of(user))
    url = english("accounts:home_picture")
    wrong = client.post(url, {"pictures": "sun,moon,star"})
    assert wrong.status_code == 400 and "That is not right" in wrong.content.decode()
    for _ in range(MAX_FAILURES - 2):
        client.post(url, {"pictures": "sun,moon,star"})
    locked = client.post(url, {"pictures": "sun,moon,star"})
    assert locked.status_code == 423 and "Too many tries" in locked.content.decode()
    assert client.post(url, {"pictures": PICTURES}).status_code == 423 and "_auth_user_id" not in client.session


def test_a_learner_with_only_a_pin_gets_the_pin_screen(client, centre):
    user = learner(centre, pictures=False)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    assert type_code(client, code_of(user))["Location"] == english("accounts:home_pin")
    refused = client.post(english("accounts:home_pin"), {"pin": "abcd"})
    assert refused.status_code == 400 and refused.context["form"].errors["pin"]
    assert client.post(english("accounts:home_pin"), {"pin": "4821"}).status_code == 302


def test_failed_tries_from_one_address_are_slowed_down(client, centre, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 3)
    user = learner(centre)
    codes = [type_code(client, "QQQQQQ").status_code for _ in range(3)]
    blocked = type_code(client, code_of(user))
    assert codes == [400, 400, 400] and blocked.status_code == 429
    assert "Too many tries" in blocked.content.decode()
    assert card_views.HOME_SESSION_KEY not in client.session


def test_wrong_pictures_count_towards_the_address_limit(client, centre, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 2)
    user = learner(centre)
    type_code(client, code_of(user))
    assert client.post(english("accounts:home_picture"), {"pictures": "sun,moon,star"}).status_code == 400
    assert client.post(english("accounts:home_picture"), {"pictures": "moon,sun,star"}).status_code == 400
    blocked = client.post(english("accounts:home_picture"), {"pictures": PICTURES})
    assert blocked.status_code == 429 and "_auth_user_id" not in client.session


def test_a_deactivated_learner_cannot_sign_in_with_their_code(client, centre):
    user = learner(centre)
    user.is_active = False
    user.save()
    assert type_code(client, code_of(user)).status_code == 400


def test_the_sign_in_page_leads_with_the_learners_way_in(client):
    with translation.override("fr"):
        html = client.get(reverse("accounts:login")).content.decode()
        code_link = html.index(f'href="{reverse("accounts:home_code")}"')
    assert code_link < html.index('name="password"')  # the learner's way first, the staff form under it


def test_a_password_sign_in_takes_staff_to_their_centre_and_learners_to_their_path(client):
    centre = factories.CentreFactory()
    manager, learner = factories.UserFactory(), factories.UserFactory()
    Membership.objects.create(user=manager, centre=centre, role=Role.MANAGER)
    Membership.objects.create(user=learner, centre=centre, role=Role.LEARNER)
    with translation.override("fr"):
        login, learners, path = reverse("accounts:login"), reverse("centres:learner_list", args=[centre.pk]), \
            reverse("courses:my_path")
    for user, landing in ((manager, learners), (learner, path)):
        response = client.post(login, {"username": user.username, "password": factories.PASSWORD}, follow=True)
        assert response.redirect_chain[-1][0] == landing, (user, response.redirect_chain)
        client.logout()
