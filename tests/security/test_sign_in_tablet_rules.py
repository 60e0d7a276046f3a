"""Issue 6, items 4 and 11 (revoking): a session opened on an enrolled tablet follows the tablet's rules.

Item 4: only members of the tablet's centre got them. A learner of another centre (the learner-code link
on the tile screen) or a newcomer who joined another centre on this tablet got a 14-day session, and
« Terminer » sent them to the staff sign-in page. Now any sign-in with a valid tablet cookie gets the
centre's idle time and « Terminer » back to the tiles.

Item 11: revoking a tablet ends the sessions already open on it, not only its future sign-ins."""

import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres import joining, services
from centres.constants import Role
from centres.models import EnrolledDevice, Membership
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville", idle_timeout_minutes=7)


@pytest.fixture
def elsewhere():
    return factories.CentreFactory(name="Montreuil", idle_timeout_minutes=30)


def enrol(client, centre, name="Tablette 1"):
    device, cookie = services.device_enrol(centre=centre, name=name, by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    return device


@pytest.fixture
def tablet(client, centre):
    enrol(client, centre)
    return client


def learner(centre, name="Amina"):
    user = factories.learner_in(centre, display_name=name)
    accounts_services.learner_profile_ensure(user=user)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return user


def by_code(client, user):
    user.learner_profile.refresh_from_db()
    code = client.post(reverse("accounts:home_code"), {"code": user.learner_profile.learner_code})
    assert code["Location"] == reverse("accounts:home_picture")
    return client.post(reverse("accounts:home_picture"), {"pictures": PICTURES})


def by_tile(client, user):
    return client.post(reverse("centres:sign_in_picture", args=[user.pk]), {"pictures": PICTURES})


def follows_the_tablet_rules(client, centre):
    assert client.session.get_expiry_age() == centre.idle_timeout_minutes * 60
    assert client.session.get(services.DEVICE_SESSION_KEY)
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("centres:tiles")
    assert "_auth_user_id" not in client.session


def test_a_learner_of_another_centre_signing_in_by_code_on_a_tablet_gets_its_rules(tablet, centre, elsewhere):
    visitor = learner(elsewhere, "Yonas")
    assert by_code(tablet, visitor).status_code == 302 and int(tablet.session["_auth_user_id"]) == visitor.pk
    follows_the_tablet_rules(tablet, centre)


def test_a_newcomer_joining_another_centre_on_a_tablet_gets_its_rules(tablet, centre, elsewhere):
    joining.centre_join_open(centre=elsewhere)
    response = tablet.post(reverse("centres:join_with_code", args=[elsewhere.join_code]), {
        "display_name": "Karim", "avatar_colour": "#1e7b46", "language": "fr", "pictures": "moon,fish,key",
        "once": uuid.uuid4().hex,
    })
    assert response.status_code == 302 and "_auth_user_id" in tablet.session
    follows_the_tablet_rules(tablet, centre)


def test_staff_of_another_centre_signing_in_on_a_tablet_get_its_rules(tablet, centre, elsewhere):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=elsewhere, role=Role.TRAINER)
    tablet.post(reverse("accounts:login"), {"username": trainer.username, "password": factories.PASSWORD})
    assert "_auth_user_id" in tablet.session
    follows_the_tablet_rules(tablet, centre)


def test_the_centres_own_learners_still_get_the_rules(tablet, centre):
    assert by_tile(tablet, learner(centre))["Location"] == reverse("courses:my_path")
    follows_the_tablet_rules(tablet, centre)


def test_away_from_tablets_a_sign_in_is_an_ordinary_session(client, elsewhere):
    by_code(client, learner(elsewhere))
    assert "_auth_user_id" in client.session and services.DEVICE_SESSION_KEY not in client.session
    assert client.session.get_expiry_age() > 24 * 3600


def test_a_revoked_tablets_cookie_gives_no_rules(client, centre, elsewhere):
    device = enrol(client, centre)
    services.device_revoke(device=device)
    by_code(client, learner(elsewhere))
    assert "_auth_user_id" in client.session and services.DEVICE_SESSION_KEY not in client.session


# --- Revoking a tablet ends the sessions open on it ----------------------------------------------


def manager_of(centre):
    manager = factories.UserFactory()
    Membership.objects.create(user=manager, centre=centre, role=Role.MANAGER)
    office = Client()
    office.force_login(manager)
    return office


def test_revoking_a_tablet_ends_the_session_open_on_it(tablet, centre):
    amina = learner(centre)
    by_tile(tablet, amina)
    session_key = tablet.session.session_key
    assert tablet.get(reverse("courses:my_path")).status_code == 200
    device = EnrolledDevice.objects.get()
    manager_of(centre).post(reverse("centres:device_revoke", args=[centre.pk, device.pk]))
    response = tablet.get(reverse("courses:my_path"))
    assert response.status_code == 302 and "Amina" not in response.content.decode()
    assert "_auth_user_id" not in tablet.session
    assert not Session.objects.filter(session_key=session_key).exists()


def test_a_revocation_written_elsewhere_ends_the_session_within_moments(tablet, centre):
    by_tile(tablet, learner(centre))
    assert tablet.get(reverse("courses:my_path")).status_code == 200
    EnrolledDevice.objects.update(revoked_at=timezone.now())  # e.g. from a shell or another admin screen
    cache.delete(f"device-active:{EnrolledDevice.objects.get().pk}")  # as if DEVICE_ACTIVE_SECONDS had passed
    assert tablet.get(reverse("courses:my_path")).status_code == 302 and "_auth_user_id" not in tablet.session


def test_revoking_one_tablet_leaves_the_others_sessions_alone(centre):
    first, second = Client(), Client()
    device = enrol(first, centre)
    enrol(second, centre, "Tablette 2")
    by_tile(first, learner(centre, "Amina"))
    by_tile(second, learner(centre, "Farid"))
    services.device_revoke(device=device)
    assert first.get(reverse("courses:my_path")).status_code == 302
    assert second.get(reverse("courses:my_path")).status_code == 200
