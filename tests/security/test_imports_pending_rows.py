"""Issue 6, item 11 (first part): what waits between two pages is short-lived, and never a PIN in clear.

An import's rows (names, PINs) and a new learner's pictures used to sit in the session store for up to two
weeks when a trainer left the flow. They now wait in the cache for minutes (30 for an import, 10 for the
pictures), encrypted with a key that the server does not keep beside them: the preview page's form holds
an import's key, the session only the name of the entry.
"""

import time
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from centres.constants import Role
from centres.models import Membership
from centres.views.learners import HANDOVER_SECONDS, IMPORT_SECONDS
from core.stash import PREFIX, stash_id
from tests import factories

pytestmark = pytest.mark.django_db

NAME, PIN = "Amina Diallo", "4821"


@pytest.fixture
def centre():
    return factories.CentreFactory()


@pytest.fixture
def trainer_client(client, centre):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=centre, role=Role.TRAINER)
    client.force_login(trainer)
    return client


def url(name, centre):
    with translation.override("en"):
        return reverse(f"centres:{name}", args=[centre.pk])


def preview(client, centre):
    content = f"display_name;pin\n{NAME};{PIN}\n".encode()
    response = client.post(url("learner_import", centre), {"file": SimpleUploadedFile("learners.csv", content)})
    assert response.status_code == 200 and response.context["valid_count"] == 1
    return response


def confirm(client, centre, response):
    token = response.context["confirm_form"].initial["token"]
    return client.post(url("learner_import_confirm", centre), {"token": token})


def later(seconds):
    """The clock ``seconds`` from now, for the cache and the encrypted entry alike."""
    return mock.patch("time.time", return_value=time.time() + seconds)


def stored_texts(client) -> list[str]:
    """What the server keeps for this trainer: the session (in the database and in the cache) and the
    entry that the session names in the cache."""
    session = client.session
    texts = [str(dict(session.items()))]
    texts += [str(s.get_decoded()) for s in Session.objects.filter(session_key=session.session_key)]
    entry = session.get("learner_import")
    if entry:
        texts.append(repr(cache.get(PREFIX + entry)))
    return texts


def test_an_imports_names_and_pins_are_kept_nowhere_readable_on_the_server(trainer_client, centre):
    response = preview(trainer_client, centre)
    token = response.context["confirm_form"].initial["token"]
    assert trainer_client.session["learner_import"] == stash_id(token)  # the entry's name, not its key
    texts = stored_texts(trainer_client)
    assert len(texts) == 3 and "None" not in texts[-1]  # the session, its database row, the encrypted entry
    for text in texts:
        assert NAME not in text and PIN not in text
    done = confirm(trainer_client, centre, response)
    assert "1 learner imported." in done.content.decode()
    assert User.objects.get(display_name=NAME).secrets.filter(kind="pin").exists()


def test_an_import_left_for_longer_than_its_time_imports_nothing(trainer_client, centre):
    response = preview(trainer_client, centre)
    with later(IMPORT_SECONDS + 1):
        assert confirm(trainer_client, centre, response).status_code == 409
    assert not User.objects.filter(display_name=NAME).exists()


def test_an_import_confirmed_in_time_is_imported(trainer_client, centre):
    response = preview(trainer_client, centre)
    with later(IMPORT_SECONDS - 60):
        assert confirm(trainer_client, centre, response).status_code == 200
    assert User.objects.filter(display_name=NAME).exists()


def test_only_the_latest_preview_can_be_confirmed(trainer_client, centre):
    first = preview(trainer_client, centre)
    second = preview(trainer_client, centre)
    assert confirm(trainer_client, centre, first).status_code == 409
    assert confirm(trainer_client, centre, second).status_code == 200
    assert User.objects.filter(display_name=NAME).count() == 1


def test_a_damaged_token_imports_nothing(trainer_client, centre):
    response = preview(trainer_client, centre)
    token = response.context["confirm_form"].initial["token"]
    entry, key = token.split(".")
    for bad in ("", "x", entry, f"{entry}.{'A' * 43}=", f"{entry}.{key[::-1]}", f"nope.{key}"):
        assert trainer_client.post(url("learner_import_confirm", centre), {"token": bad}).status_code == 409
    assert not User.objects.filter(display_name=NAME).exists()


def test_another_trainer_of_the_centre_cannot_confirm_an_import_with_its_token(client, trainer_client, centre):
    response = preview(trainer_client, centre)
    colleague = factories.UserFactory()
    Membership.objects.create(user=colleague, centre=centre, role=Role.TRAINER)
    client.force_login(colleague)
    assert confirm(client, centre, response).status_code == 409
    assert not User.objects.filter(display_name=NAME).exists()


ADD = {"display_name": "Karim B.", "avatar_colour": "#2a6f97", "picture_1": "moon", "picture_2": "tree",
       "picture_3": "cup", "once": "first-click"}


def test_a_new_learners_pictures_are_not_kept_in_the_session(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre), ADD)
    assert response.status_code == 302
    for text in stored_texts(trainer_client):
        assert "moon" not in text and "Karim" not in text
    page = trainer_client.get(response["Location"]).content.decode()
    assert page.index("#pic-moon") < page.index("#pic-tree") < page.index("#pic-cup")


def test_a_new_learners_pictures_are_gone_after_a_few_minutes(trainer_client, centre):
    response = trainer_client.post(url("learner_add", centre), ADD)
    with later(HANDOVER_SECONDS + 1):
        page = trainer_client.get(response["Location"])
    assert page.status_code == 302 and "#pic-moon" not in page.content.decode()
    assert "learner_handover" not in trainer_client.session
