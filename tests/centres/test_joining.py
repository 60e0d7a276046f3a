"""Newcomers join a centre alone with its join code; staff confirm, remove or unlock them later."""

import re
import uuid
from datetime import timedelta
from html import unescape as html_unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.constants import SecretKind
from accounts.models import SignInLock, User
from accounts.services import learner_secret_check
from centres import joining, services
from centres.constants import Role
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    centre = factories.CentreFactory(name="Belleville")
    joining.centre_join_open(centre=centre)
    return centre


def staff(centre, role):
    user = factories.UserFactory()
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


def newcomer_post(client, centre, **overrides):
    data = {"display_name": "ሰላም ተስፋይ", "avatar_colour": "#1e7b46", "language": "ar", "pictures": "moon,fish,key",
            "once": uuid.uuid4().hex}
    data.update(overrides)
    return client.post(reverse("centres:join_with_code", args=[centre.join_code]), data)


def test_a_newcomer_creates_an_account_and_starts_at_once(client, centre):
    response = newcomer_post(client, centre)
    assert response["Location"] == reverse("courses:my_path")
    user = User.objects.get(display_name="ሰላም ተስፋይ")
    assert user.preferred_language == "ar" and user.email == ""
    assert not Membership.objects.get(user=user).confirmed
    assert learner_secret_check(user=user, kind=SecretKind.PICTURE, value=["moon", "fish", "key"])
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_double_tap_on_create_makes_one_account(client, centre):
    once = uuid.uuid4().hex
    newcomer_post(client, centre, once=once)
    newcomer_post(client, centre, once=once)
    assert User.objects.filter(display_name="ሰላም ተስፋይ").count() == 1


def test_on_the_centres_tablet_the_newcomer_gets_the_tablet_session(client, centre):
    _device, cookie = services.device_enrol(centre=centre, name="T", by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    newcomer_post(client, centre)
    assert client.session[services.DEVICE_SESSION_KEY]


@pytest.mark.parametrize("overrides", [
    {"display_name": "   "},
    {"display_name": "=HYPERLINK(\"x\")"},
    {"pictures": "moon,fish"},
    {"pictures": "moon,moon,fish"},
    {"avatar_colour": "#000000"},
    {"language": "xx"},
])
def test_bad_newcomer_forms_say_why_and_create_nothing(client, centre, overrides):
    before = User.objects.count()
    response = newcomer_post(client, centre, **overrides)
    assert response.status_code == 400 and response.context["form"].errors
    assert User.objects.count() == before


def test_a_wrong_or_closed_join_code_creates_nothing(client, centre):
    assert client.get(reverse("centres:join_with_code", args=["WRONGCOD"])).status_code == 404
    response = client.get(reverse("centres:join"), {"code": "WRONGCOD"})
    assert response.context["form"].errors["code"]
    old = centre.join_code
    joining.centre_join_close(centre=centre)
    assert client.post(reverse("centres:join_with_code", args=[old]), {}).status_code == 404


def test_a_typed_join_code_leads_to_the_form(client, centre):
    response = client.get(reverse("centres:join"), {"code": f" {centre.join_code.lower()} "})
    assert response["Location"] == reverse("centres:join_with_code", args=[centre.join_code])


def test_a_manager_opens_a_new_code_with_a_qr_and_closes_joining(client, centre):
    client.force_login(staff(centre, Role.MANAGER))
    url = reverse("centres:join_manage", args=[centre.pk])
    old = centre.join_code
    client.post(url, {"action": "open"})
    centre.refresh_from_db()
    assert centre.join_code != old
    assert "<svg" in client.get(url).content.decode()
    client.post(url, {"action": "close"})
    centre.refresh_from_db()
    assert centre.join_code is None


def test_only_a_manager_manages_joining(client, centre):
    client.force_login(staff(centre, Role.TRAINER))
    assert client.post(reverse("centres:join_manage", args=[centre.pk]), {"action": "close"}).status_code == 403


def test_a_trainer_confirms_or_removes_a_newcomer(client, centre):
    newcomer_post(client, centre)
    newcomer_post(client, centre, display_name="Karim")
    first, second = User.objects.get(display_name="ሰላም ተስፋይ"), User.objects.get(display_name="Karim")
    client.force_login(staff(centre, Role.TRAINER))
    listing = client.get(reverse("centres:learner_list", args=[centre.pk])).content.decode()
    assert reverse("centres:newcomer_confirm", args=[centre.pk, first.pk]) in listing
    client.post(reverse("centres:newcomer_confirm", args=[centre.pk, first.pk]))
    client.post(reverse("centres:newcomer_remove", args=[centre.pk, second.pk]))
    assert Membership.objects.get(user=first).confirmed
    assert not User.objects.filter(pk=second.pk).exists()


def test_confirmed_learners_cannot_be_removed_that_way_nor_by_another_centre(client, centre):
    learner = factories.learner_in(centre)
    client.force_login(staff(centre, Role.TRAINER))
    assert client.post(reverse("centres:newcomer_remove", args=[centre.pk, learner.pk])).status_code == 404
    other = factories.CentreFactory()
    client.force_login(staff(other, Role.TRAINER))
    assert client.post(reverse("centres:newcomer_remove", args=[centre.pk, learner.pk])).status_code == 403
    assert User.objects.filter(pk=learner.pk).exists()


def test_a_trainer_sees_a_locked_learner_and_unlocks_them(client, centre):
    learner = factories.learner_in(centre, display_name="Amina")
    SignInLock.objects.create(user=learner, locked_until=timezone.now() + timedelta(minutes=10))
    client.force_login(staff(centre, Role.TRAINER))
    listing = client.get(reverse("centres:learner_list", args=[centre.pk])).content.decode()
    unlock = reverse("centres:learner_unlock", args=[centre.pk, learner.pk])
    assert unlock in listing
    assert client.get(unlock).status_code == 405
    client.post(unlock)
    assert SignInLock.objects.get(user=learner).locked_until is None


def test_a_trainer_of_another_centre_cannot_unlock(client, centre):
    learner = factories.learner_in(centre)
    SignInLock.objects.create(user=learner, locked_until=timezone.now() + timedelta(minutes=10))
    client.force_login(staff(factories.CentreFactory(), Role.TRAINER))
    assert client.post(reverse("centres:learner_unlock", args=[centre.pk, learner.pk])).status_code == 403
    assert SignInLock.objects.get(user=learner).locked_until is not None


# The link's words: its label after the « new » pictogram (the words a newcomer reads).
JOIN_LINK = re.compile(r'<a [^>]*href="[^"]*/rejoindre/" data-join-link><svg [^>]*>.*?</svg>'
                       r'<span class="pictogram-label">([^<]+)</span></a>')
INSTRUCTION = re.compile(r'<p class="join-instruction">(.+?)</p>', re.S)


def tablet_join_link(client, centre, language):
    _device, cookie = services.device_enrol(centre=centre, name="Tablette de l'accueil", by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    with translation.override(language):
        html = client.get(reverse("centres:tiles")).content.decode()
    (words,) = JOIN_LINK.findall(html)
    return html_unescape(words)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
@pytest.mark.parametrize("tiles_shown", [True, False])
def test_the_join_instruction_names_the_link_the_tablet_shows(client, centre, language, tiles_shown):
    """The manager's instruction and the tablet's link say the same words (« C'est ma première fois ici »),
    whether the tablet shows the learners' tiles or not."""
    centre.show_learner_tiles = tiles_shown
    centre.save()
    words = tablet_join_link(Client(), centre, language)
    client.force_login(staff(centre, Role.MANAGER))
    with translation.override(language):
        html = client.get(reverse("centres:join_manage", args=[centre.pk])).content.decode()
    (instruction,) = INSTRUCTION.findall(html)
    assert f"« {words} »" in html_unescape(instruction)
    if language == "fr":
        assert words == "C'est ma première fois ici"
