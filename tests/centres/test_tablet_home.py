"""An enrolled tablet with nobody signed in always comes back to its tiles (issue 13): the catalogue, a
lesson or « Mon parcours » — what Back reaches after « Terminer » — lead there; the tablet's own pages,
the ways to sign in and the public verification page stay open."""

import pytest
from django.urls import reverse
from django.utils import translation

from centres import services as centres_services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return factories.lesson(factories.course())


@pytest.fixture
def tablet(client):
    centre = factories.CentreFactory()
    device, cookie = centres_services.device_enrol(centre=centre, name="Tablette 1", by=None)
    client.cookies[centres_services.DEVICE_COOKIE] = cookie
    return device


def url(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def test_learner_pages_lead_to_the_tiles(client, tablet, lesson):
    with translation.override("fr"):  # the pages' French addresses, whatever language an earlier test left
        pages = [lesson.get_parent().url, lesson.url]
    for path in ("/fr/", *pages, url("courses:my_path"),
                 url("certification:my_certificates"), url("certification:exam_home")):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == url("centres:tiles"), path


def test_the_tablet_pages_and_the_ways_to_sign_in_stay_open(client, tablet):
    for name in ("centres:tiles", "centres:join", "accounts:login"):
        assert client.get(url(name)).status_code == 200, name
    assert client.get(url("certification:verify")).status_code == 200


def test_a_signed_in_learner_an_ordinary_browser_and_a_revoked_tablet_see_the_catalogue(client, tablet, lesson):
    assert client.get("/fr/").status_code == 302
    learner = factories.learner_in(tablet.centre)
    client.force_login(learner)
    assert client.get("/fr/").status_code == 200
    client.logout()
    centres_services.device_revoke(device=tablet)
    assert client.get("/fr/").status_code == 200
    client.cookies.pop(centres_services.DEVICE_COOKIE, None)  # the revoked tablet may have had it cleared
    assert client.get(lesson.get_parent().url).status_code == 200


def test_the_pictograms_glossary_linked_from_the_tiles_opens_on_the_tablet(client, tablet):
    """The tiles offer « what the pictures mean »; it led straight back to the tiles."""
    tiles = client.get(url("centres:tiles")).content.decode()
    assert f'href="{url("courses:glossary")}"' in tiles
    assert client.get(url("courses:glossary")).status_code == 200
