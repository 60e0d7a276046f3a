"""A shared tablet: enrolment by a manager, tiles of the centre's learners, picture sign-in."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts import services as accounts_services
from accounts.constants import MAX_FAILURES, SecretKind
from centres import services
from centres.constants import Role
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def tablet(client, centre):
    _device, cookie = services.device_enrol(centre=centre, name="Tablette 1", by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    return client


def learner_with_pictures(centre, name="Amina"):
    learner = factories.learner_in(centre, display_name=name)
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    return learner


def sign_in(client, learner, pictures=PICTURES):
    return client.post(reverse("centres:sign_in_picture", args=[learner.pk]), {"pictures": pictures})


def test_a_tablet_that_is_not_enrolled_shows_no_names(client, centre):
    learner_with_pictures(centre)
    response = client.get(reverse("centres:tiles"))
    assert response.status_code == 403 and "Amina" not in response.content.decode()


@pytest.mark.parametrize("cookie", ["forged", "eyJhbGciOi.fake:signature"])
def test_forged_device_cookie_is_refused(client, centre, cookie):
    client.cookies[services.DEVICE_COOKIE] = cookie
    assert client.get(reverse("centres:tiles")).status_code == 403


def test_revoked_tablet_is_refused(client, centre):
    device, cookie = services.device_enrol(centre=centre, name="T", by=None)
    services.device_revoke(device=device)
    client.cookies[services.DEVICE_COOKIE] = cookie
    assert client.get(reverse("centres:tiles")).status_code == 403


def test_tiles_show_this_centres_learners_only(tablet, centre):
    learner_with_pictures(centre, "Amina")
    learner_with_pictures(factories.CentreFactory(), "Yonas")
    html = tablet.get(reverse("centres:tiles")).content.decode()
    assert "Amina" in html and "Yonas" not in html


def test_tiles_filter_by_first_letter(tablet, centre):
    learner_with_pictures(centre, "Amina")
    learner_with_pictures(centre, "Farid")
    html = tablet.get(reverse("centres:tiles"), {"letter": "F"}).content.decode()
    assert "Farid" in html and "Amina" not in html


def test_tiles_show_the_name_in_its_own_script_with_the_latin_spelling_under_it(tablet, centre):
    learner = learner_with_pictures(centre, "أمينة ديالو")
    accounts_services.learner_profile_ensure(user=learner)
    learner.learner_profile.latin_name = "Amina Diallo"
    learner.learner_profile.save()
    learner_with_pictures(centre, "Farid")
    html = tablet.get(reverse("centres:tiles")).content.decode()
    assert '<bdi>أمينة ديالو</bdi></span><span class="tile__latin" dir="ltr">Amina Diallo</span>' in html
    assert '>أ</a>' in html and '>F</a>' in html  # the letters follow the names' scripts
    html = tablet.get(reverse("centres:tiles"), {"letter": "أ"}).content.decode()
    assert "أمينة" in html and "Farid" not in html


def test_tile_and_three_pictures_sign_in(tablet, centre):
    learner = learner_with_pictures(centre)
    response = sign_in(tablet, learner)
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_path")
    assert int(tablet.session["_auth_user_id"]) == learner.pk
    assert tablet.session.get_expiry_age() == centre.idle_timeout_minutes * 60


def test_finish_returns_to_the_tiles_and_forgets_the_learner(tablet, centre):
    sign_in(tablet, learner_with_pictures(centre))
    response = tablet.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("centres:tiles")
    assert tablet.get(reverse("courses:my_path")).status_code == 302


def test_learner_of_another_centre_cannot_sign_in_here(tablet):
    stranger = learner_with_pictures(factories.CentreFactory(), "Yonas")
    assert sign_in(tablet, stranger).status_code == 404


def test_wrong_pictures_say_so(tablet, centre):
    response = sign_in(tablet, learner_with_pictures(centre), "sun,cat,key")
    assert response.status_code == 400 and "_auth_user_id" not in tablet.session


@pytest.mark.parametrize("pictures", ["", "cat,sun", "cat,sun,dragon", "x" * 99])
def test_malformed_picture_posts_are_refused(tablet, centre, pictures):
    response = sign_in(tablet, learner_with_pictures(centre), pictures)
    assert response.status_code == 400 and "_auth_user_id" not in tablet.session


def test_five_wrong_tries_show_the_locked_screen(tablet, centre):
    learner = learner_with_pictures(centre)
    for _ in range(MAX_FAILURES - 1):
        sign_in(tablet, learner, "sun,moon,star")
    assert sign_in(tablet, learner, "sun,moon,star").status_code == 423
    assert sign_in(tablet, learner).status_code == 423


def test_pin_of_letters_is_refused_with_a_message(tablet, centre):
    learner = learner_with_pictures(centre)
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PIN, value="4821")
    response = tablet.post(reverse("centres:sign_in_pin", args=[learner.pk]), {"pin": "abcd"})
    assert response.status_code == 400 and response.context["form"].errors["pin"]
    ok = tablet.post(reverse("centres:sign_in_pin", args=[learner.pk]), {"pin": "4821"})
    assert ok.status_code == 302


def test_too_many_failed_tries_on_one_tablet_are_slowed_down(tablet, centre, monkeypatch):
    from accounts import sign_in as accounts_sign_in

    monkeypatch.setattr(accounts_sign_in, "FAILURES_PER_CLIENT", 2)
    learners = [learner_with_pictures(centre, f"L{i}") for i in range(3)]
    codes = [sign_in(tablet, learner, "sun,moon,star").status_code for learner in learners]
    assert codes == [400, 400, 429]


def test_a_manager_enrols_and_revokes_a_tablet(client, centre):
    manager = factories.UserFactory()
    Membership.objects.create(user=manager, centre=centre, role=Role.MANAGER)
    client.force_login(manager)
    response = client.post(reverse("centres:devices", args=[centre.pk]), {"name": "Tablette accueil"})
    assert response["Location"] == reverse("centres:tiles")
    assert services.device_from_cookie(client.cookies[services.DEVICE_COOKIE].value).centre == centre
    assert "_auth_user_id" not in client.session  # the next person on the tablet must not find the manager
    device = centre.devices.get()
    client.force_login(manager)
    client.post(reverse("centres:device_revoke", args=[centre.pk, device.pk]))
    assert services.device_from_cookie(client.cookies[services.DEVICE_COOKIE].value) is None


def test_only_a_manager_of_the_centre_may_enrol(client, centre):
    trainer_elsewhere = factories.UserFactory()
    Membership.objects.create(user=trainer_elsewhere, centre=factories.CentreFactory(), role=Role.MANAGER)
    client.force_login(trainer_elsewhere)
    assert client.post(reverse("centres:devices", args=[centre.pk]), {"name": "x"}).status_code == 403
    assert not centre.devices.exists()


def test_signing_in_starts_at_the_tiles_on_a_tablet_and_at_the_form_elsewhere(client, tablet):
    start = reverse("centres:start")
    assert tablet.get(start)["Location"] == reverse("centres:tiles")
    client.cookies.clear()
    assert client.get(start, {"next": "/fr/parcours/"})["Location"].startswith(reverse("accounts:login"))


def test_each_request_pushes_back_the_end_of_a_tablet_session(tablet, centre):
    from django.contrib.sessions.models import Session

    sign_in(tablet, learner_with_pictures(centre))
    key = tablet.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(seconds=30))
    cache.clear()
    tablet.get(reverse("courses:my_path"))
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=9)


def test_after_the_idle_time_the_tablet_shows_the_tiles_not_the_learner(tablet, centre):
    from django.contrib.sessions.models import Session

    sign_in(tablet, learner_with_pictures(centre))
    Session.objects.filter(session_key=tablet.session.session_key).update(expire_date=timezone.now())
    cache.clear()  # as if the idle time had passed: the cached copy expires with the session
    response = tablet.get(reverse("courses:my_path"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("centres:tiles")
    assert "Amina" not in response.content.decode().split("<main")[0]


def test_staff_see_their_centre_menu_learners_do_not(client, centre):
    manager = factories.UserFactory()
    Membership.objects.create(user=manager, centre=centre, role=Role.MANAGER)
    client.post(reverse("accounts:login"), {"username": manager.username, "password": factories.PASSWORD})
    assert reverse("centres:learners_home") in client.get(reverse("courses:my_path")).content.decode()
    learner = learner_with_pictures(centre)
    client.post(reverse("accounts:logout"))
    client.force_login(learner)
    assert reverse("centres:learners_home") not in client.get(reverse("courses:my_path")).content.decode()


def test_staff_signing_in_on_a_tablet_get_the_tablet_rules_too(tablet, centre):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=centre, role=Role.TRAINER)
    tablet.post(reverse("accounts:login"), {"username": trainer.username, "password": factories.PASSWORD})
    assert tablet.session.get_expiry_age() == centre.idle_timeout_minutes * 60
    assert tablet.post(reverse("accounts:logout"))["Location"] == reverse("centres:tiles")
