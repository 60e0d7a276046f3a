"""Issue 7: one flow checks a learner's pictures or PIN (accounts.sign_in), for the tile screen of a tablet
and for the card or learner code away from it. The two copies had drifted: the tablet checked the form
before its limit and the other after, and they said different things. Now both screens answer the same
way, in the same order: too many failures here first, then the form, then the secret and its lockout."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from accounts import services as accounts_services
from accounts import sign_in
from accounts.constants import MAX_FAILURES, PIN_LENGTH, SecretKind
from centres import services
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"
WRONG = "sun,moon,star"


@pytest.fixture
def centre():
    return factories.CentreFactory()


@pytest.fixture
def amina(centre):
    user = factories.learner_in(centre, display_name="Amina")
    accounts_services.learner_profile_ensure(user=user)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    return user


class TileScreen:
    name = "tile"

    def __init__(self, client, centre, user):
        _device, cookie = services.device_enrol(centre=centre, name="Tablette", by=None)
        client.cookies[services.DEVICE_COOKIE] = cookie
        self.client = client
        self.urls = {SecretKind.PICTURE: reverse("centres:sign_in_picture", args=[user.pk]),
                     SecretKind.PIN: reverse("centres:sign_in_pin", args=[user.pk])}


class CodeScreen:
    name = "code"

    def __init__(self, client, centre, user):
        client.post(reverse("accounts:home_code"), {"code": user.learner_profile.learner_code})
        self.client = client
        self.urls = {SecretKind.PICTURE: reverse("accounts:home_picture"), SecretKind.PIN: reverse("accounts:home_pin")}


@pytest.fixture(params=[TileScreen, CodeScreen], ids=["tile", "code"])
def screen(request, client, centre, amina):
    return request.param(client, centre, amina)


def pictures(screen, value):
    return screen.client.post(screen.urls[SecretKind.PICTURE], {"pictures": value})


def pin(screen, value):
    return screen.client.post(screen.urls[SecretKind.PIN], {"pin": value})


def french(message, escaped=True):
    with translation.override("fr"):
        text = translation.gettext(message)
    return escape(text) if escaped else text


def test_a_wrong_secret_says_the_same_thing_everywhere(screen):
    response = pictures(screen, WRONG)
    assert response.status_code == 400 and french("That is not right. Try again.") in response.content.decode()


@pytest.mark.parametrize("value", ["abcd", "12", "12345", "١٢٣٤", ""])
def test_a_badly_formed_pin_says_the_pin_rule_everywhere(screen, value):
    response = pin(screen, value)
    assert response.status_code == 400 and "_auth_user_id" not in screen.client.session
    if value:
        with translation.override("fr"):
            rule = translation.gettext("The code has %(count)d digits.") % {"count": PIN_LENGTH}
        assert response.context["form"].errors["pin"] == [rule]


def test_too_many_failures_say_the_same_thing_everywhere(screen, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 1)
    pictures(screen, WRONG)
    response = pictures(screen, PICTURES)
    assert response.status_code == 429 and "_auth_user_id" not in screen.client.session
    assert french("Too many tries. Please wait a little.") in response.content.decode()


def test_the_limit_is_checked_before_the_form(screen, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 1)
    pictures(screen, WRONG)
    assert pictures(screen, "not,pictures").status_code == 429
    assert pin(screen, "abcd").status_code == 429


def test_badly_formed_posts_count_for_nothing(screen, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 2)
    for _ in range(MAX_FAILURES + 2):
        assert pictures(screen, "cat,sun").status_code == 400
        assert pin(screen, "12a4").status_code == 400
    assert pictures(screen, PICTURES)["Location"] == reverse("courses:my_path")


def test_the_lockout_shows_the_same_screen_everywhere(screen):
    codes = [pictures(screen, WRONG).status_code for _ in range(MAX_FAILURES)]
    locked = pictures(screen, PICTURES)
    assert codes == [400] * (MAX_FAILURES - 1) + [423] and locked.status_code == 423
    assert french("Too many tries. Please wait a little.", escaped=False) in locked.content.decode()
    assert "_auth_user_id" not in screen.client.session


def test_the_pin_screen_names_the_pin_length(screen):
    html = screen.client.get(screen.urls[SecretKind.PIN]).content.decode()
    with translation.override("fr"):
        heading = translation.gettext("Type your %(count)s-digit code") % {"count": PIN_LENGTH}
    assert escape(heading) in html and f'maxlength="{PIN_LENGTH}"' in html


def test_the_right_secret_signs_in_everywhere(screen, amina):
    assert pictures(screen, PICTURES)["Location"] == reverse("courses:my_path")
    assert int(screen.client.session["_auth_user_id"]) == amina.pk
    screen.client.post(reverse("accounts:logout"))
