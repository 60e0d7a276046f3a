"""Issue 6, item 6: rate limits must not lock out a class.

The limits counted successful sign-ins too, per address, and a centre's tablets share one public address:
the 31st learner signing in correctly by code got a 429, and a welcome day could not register more than
20 newcomers an hour. Now only failures count, keyed on the tablet when a tablet cookie is present (the
address otherwise); joining is counted per tablet, with a generous per-address limit away from tablets."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from accounts import services as accounts_services
from accounts import sign_in
from accounts.constants import SecretKind
from accounts.models import User
from centres import joining, services
from centres.views import joining as joining_views
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"
CENTRE_ADDRESS = "198.51.100.7"  # every tablet and phone of the centre shows this one address


@pytest.fixture
def centre():
    centre = factories.CentreFactory(name="Belleville")
    joining.centre_join_open(centre=centre)
    return centre


def tablet(centre, name="Tablette"):
    client = Client(REMOTE_ADDR=CENTRE_ADDRESS)
    _device, cookie = services.device_enrol(centre=centre, name=name, by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    return client


def learner(centre, name="Amina"):
    user = factories.learner_in(centre, display_name=name)
    accounts_services.learner_profile_ensure(user=user)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


def by_code(client, user, pictures=PICTURES):
    """The learner code, then the pictures; the answer that stopped the way, or the pictures' one."""
    code = client.post(reverse("accounts:home_code"), {"code": user.learner_profile.learner_code})
    if code.get("Location") != reverse("accounts:home_picture"):
        return code
    return client.post(reverse("accounts:home_picture"), {"pictures": pictures})


def by_tile(client, user, pictures=PICTURES):
    return client.post(reverse("centres:sign_in_picture", args=[user.pk]), {"pictures": pictures})


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("courses:my_path")


def finish(client):
    client.post(reverse("accounts:logout"))


def join(client, centre, name):
    return client.post(reverse("centres:join_with_code", args=[centre.join_code]), {
        "display_name": name, "avatar_colour": "#1e7b46", "language": "fr", "pictures": "moon,fish,key",
        "once": uuid.uuid4().hex,
    })


def test_thirty_one_learners_sign_in_by_code_from_one_address(centre):
    client = Client(REMOTE_ADDR=CENTRE_ADDRESS)
    answers = []
    for i in range(31):
        answers.append(signed_in(by_code(client, learner(centre, f"Learner {i}"))))
        finish(client)
    assert all(answers)


def test_a_tablet_signs_a_class_in_all_morning(centre):
    device = tablet(centre)
    class_ = [learner(centre, f"Learner {i}") for i in range(3)]
    answers = []
    for turn in range(sign_in.FAILURES_PER_CLIENT + 5):
        answers.append(signed_in(by_tile(device, class_[turn % 3])))
        finish(device)
    assert all(answers)


def test_failures_on_one_tablet_do_not_stop_the_next_tablet(centre, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 3)
    first, second = tablet(centre, "Tablette 1"), tablet(centre, "Tablette 2")
    amina, farid = learner(centre, "Amina"), learner(centre, "Farid")
    assert [by_tile(first, amina, "sun,moon,star").status_code for _ in range(3)] == [400, 400, 400]
    assert by_tile(first, farid).status_code == 429 and "_auth_user_id" not in first.session
    assert signed_in(by_tile(second, farid))
    finish(second)
    assert signed_in(by_code(second, amina))
    away = Client(REMOTE_ADDR=CENTRE_ADDRESS)  # a phone on the centre's wifi
    assert signed_in(by_code(away, farid))


def test_unknown_codes_on_one_tablet_do_not_stop_the_next_tablet(centre):
    first, second = tablet(centre, "Tablette 1"), tablet(centre, "Tablette 2")
    for _ in range(sign_in.FAILURES_PER_CLIENT):
        assert first.post(reverse("accounts:home_code"), {"code": "QQQQQQ"}).status_code == 400
    assert first.post(reverse("accounts:home_code"), {"code": "QQQQQQ"}).status_code == 429
    assert signed_in(by_code(second, learner(centre)))


def test_failures_away_from_tablets_still_stop_at_the_limit(centre, monkeypatch):
    monkeypatch.setattr(sign_in, "FAILURES_PER_CLIENT", 3)
    amina = learner(centre)
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(3):
        client.post(reverse("accounts:home_code"), {"code": "QQQQQQ"})
    assert client.post(reverse("accounts:home_code"), {"code": amina.learner_profile.learner_code}).status_code == 429
    assert signed_in(by_code(Client(REMOTE_ADDR="203.0.113.6"), amina))


def test_a_welcome_day_registers_more_than_twenty_newcomers_an_hour_on_a_tablet(centre):
    device = tablet(centre)
    answers = []
    for i in range(30):
        answers.append(signed_in(join(device, centre, f"Newcomer {i}")))
        finish(device)
    assert all(answers) and User.objects.filter(display_name__startswith="Newcomer").count() == 30


def test_newcomers_on_their_phones_behind_the_centres_address_are_not_stopped_at_twenty(centre):
    assert all(signed_in(join(Client(REMOTE_ADDR=CENTRE_ADDRESS), centre, f"Newcomer {i}")) for i in range(30))


def test_joining_is_still_limited_per_tablet_and_per_address(centre, monkeypatch):
    monkeypatch.setattr(joining_views, "JOINS_PER_TABLET_PER_HOUR", 2)
    monkeypatch.setattr(joining_views, "JOINS_PER_ADDRESS_PER_HOUR", 3)
    device = tablet(centre)
    assert [join(device, centre, f"T{i}").status_code for i in range(3)] == [302, 302, 429]
    phones = [join(Client(REMOTE_ADDR=CENTRE_ADDRESS), centre, f"P{i}").status_code for i in range(4)]
    assert phones == [302, 302, 302, 429]
    refused = join(device, centre, "Too many")
    with translation.override("fr"):
        message = escape(translation.gettext("Too many new accounts from here. Ask at the reception desk."))
    assert refused.status_code == 429 and message in refused.content.decode()
    assert not User.objects.filter(display_name__in=["T2", "P3", "Too many"]).exists()
