"""Issue 6, item 5: hidden tiles hide learners.

With « show learner tiles » off, the tile screen listed no one, yet /fr/tablette/<id>/ still showed each
learner's name for sequential ids and accepted their pictures without the learner code the centre meant
to require. Those screens now answer 404 and name no one; the learner code path still works."""

import pytest
from django.urls import reverse

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres import services
from tests import factories

pytestmark = pytest.mark.django_db
PICTURES = "cat,sun,key"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville", show_learner_tiles=False)


@pytest.fixture
def tablet(client, centre):
    _device, cookie = services.device_enrol(centre=centre, name="Accueil", by=None)
    client.cookies[services.DEVICE_COOKIE] = cookie
    return client


@pytest.fixture
def amina(centre):
    user = factories.learner_in(centre, display_name="Amina Diallo")
    accounts_services.learner_profile_ensure(user=user)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=PICTURES.split(","))
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PIN, value="4821")
    return user


@pytest.mark.parametrize("screen", ["centres:sign_in_picture", "centres:sign_in_pin"])
def test_hidden_tiles_do_not_name_a_learner_by_id(tablet, amina, screen):
    for user_id in range(max(amina.pk - 2, 1), amina.pk + 3):
        response = tablet.get(reverse(screen, args=[user_id]))
        assert response.status_code == 404 and "Amina" not in response.content.decode()


def test_hidden_tiles_refuse_pictures_and_pins_without_the_learner_code(tablet, amina):
    pictures = tablet.post(reverse("centres:sign_in_picture", args=[amina.pk]), {"pictures": PICTURES})
    pin = tablet.post(reverse("centres:sign_in_pin", args=[amina.pk]), {"pin": "4821"})
    assert pictures.status_code == 404 and pin.status_code == 404
    assert "_auth_user_id" not in tablet.session


def test_the_tile_screen_shows_no_name_no_letter_and_leads_to_the_code(tablet, amina):
    html = tablet.get(reverse("centres:tiles")).content.decode()
    assert "Amina" not in html and reverse("centres:sign_in_picture", args=[amina.pk]) not in html
    assert 'letter=A' not in html and reverse("accounts:home_code") in html


def test_the_learner_code_still_signs_in_on_that_tablet(tablet, amina):
    tablet.post(reverse("accounts:home_code"), {"code": amina.learner_profile.learner_code})
    response = tablet.post(reverse("accounts:home_picture"), {"pictures": PICTURES})
    assert response["Location"] == reverse("courses:my_path")
    assert int(tablet.session["_auth_user_id"]) == amina.pk


def test_with_tiles_shown_the_tile_screen_still_works(tablet, centre, amina):
    centre.show_learner_tiles = True
    centre.save()
    assert "Amina" in tablet.get(reverse("centres:sign_in_picture", args=[amina.pk])).content.decode()
    signed_in = tablet.post(reverse("centres:sign_in_picture", args=[amina.pk]), {"pictures": PICTURES})
    assert signed_in["Location"] == reverse("courses:my_path")
