"""A trainer or manager gives a learner new pictures with the picture grid (issue 14): the learner can
sign in with them at once, a reminder is shown to print, and nobody else's learner can be reached."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres import services
from centres.constants import Role
from tests import factories
from tests.certification.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):  # messages checked by their English text, under /en/
        yield


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def learner(centre):
    user = factories.learner_in(centre, display_name="Amina Diallo")
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=["cat", "sun", "key"])
    return user


def url(centre, learner):
    return reverse("centres:learner_pictures", args=[centre.pk, learner.pk])


def signs_in_with(learner, centre, pictures):
    tablet = Client()
    _device, cookie = services.device_enrol(centre=centre, name="Tablette", by=None)
    tablet.cookies[services.DEVICE_COOKIE] = cookie
    response = tablet.post(reverse("centres:sign_in_picture", args=[learner.pk]), {"pictures": ",".join(pictures)})
    return response.status_code == 302 and response["Location"] != reverse("centres:sign_in_picture", args=[learner.pk])


@pytest.mark.parametrize("role", [Role.TRAINER, Role.MANAGER])
def test_new_pictures_chosen_with_the_grid_work_at_once_and_a_reminder_is_shown(client, centre, learner, role):
    client.force_login(staff(centre, role))
    grid = client.get(url(centre, learner)).content.decode()
    assert grid.count('data-picture="') == 12 and "Amina Diallo" in grid
    reminder = client.post(url(centre, learner), {"pictures": "tree,fish,moon"})
    html = reminder.content.decode()
    assert reminder.status_code == 200 and "data-print" in html
    assert [html.index(f"#pic-{key}") for key in ("tree", "fish", "moon")] == sorted(
        html.index(f"#pic-{key}") for key in ("tree", "fish", "moon"))
    assert signs_in_with(learner, centre, ["tree", "fish", "moon"])
    assert not signs_in_with(learner, centre, ["cat", "sun", "key"])


def test_choose_for_me_draws_three_pictures(client, centre, learner):
    client.force_login(staff(centre, Role.TRAINER))
    html = client.post(url(centre, learner), {"draw": "1"}).content.decode()
    assert html.count('<svg viewBox="0 0 64 64" role="img"') == 3
    assert not signs_in_with(learner, centre, ["cat", "sun", "key"])


@pytest.mark.parametrize("pictures", ["", "tree,fish", "tree,fish,moon,sun", "tree,fish,dragon"])
def test_a_wrong_choice_is_refused_and_the_old_pictures_still_work(client, centre, learner, pictures):
    client.force_login(staff(centre, Role.TRAINER))
    response = client.post(url(centre, learner), {"pictures": pictures})
    assert response.status_code == 400 and "Tap 3 pictures" in response.content.decode()
    assert signs_in_with(learner, centre, ["cat", "sun", "key"])


def test_another_centres_learner_and_a_learner_are_refused(client, centre, learner):
    client.force_login(staff(factories.CentreFactory(), Role.MANAGER))
    assert client.post(url(centre, learner), {"pictures": "tree,fish,moon"}).status_code == 403
    client.force_login(factories.learner_in(centre))
    assert client.get(url(centre, learner)).status_code == 403
    assert signs_in_with(learner, centre, ["cat", "sun", "key"])


def test_a_learner_of_another_centre_cannot_be_reached_through_ones_own_centre(client, centre, learner):
    """A manager of Arles puts Belleville's learner in the address of Arles' page: 404 (as if the learner
    did not exist), the grid is never shown, and the learner's pictures are unchanged."""
    arles = factories.CentreFactory(name="Arles")
    client.force_login(staff(arles, Role.MANAGER))
    assert client.get(url(arles, learner)).status_code == 404
    for data in ({"pictures": "tree,fish,moon"}, {"draw": "1"}):
        response = client.post(url(arles, learner), data)
        assert response.status_code == 404 and "Amina Diallo" not in response.content.decode()
    assert signs_in_with(learner, centre, ["cat", "sun", "key"])
    assert not signs_in_with(learner, centre, ["tree", "fish", "moon"])
