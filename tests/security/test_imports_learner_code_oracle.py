"""Issue 6, item 2: no oracle for learner codes.

The import preview used to answer « KPX4RT is already used » for a code held by a learner of any centre, so
a trainer could test thousands of codes per upload (and then see those learners' names on the home sign-in
screen). Learner codes are now always made by the server: the import has no learner code column (an old
file's column is ignored, with a notice) and no caller can choose a code.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import LearnerProfile, User
from centres import learners
from centres.constants import Role
from centres.imports import COLUMNS
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

HELD_ELSEWHERE = "KPX4RT"
FREE = "W7HQ3M"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def other_centres_learner():
    handover = learners.learner_create(centre=factories.CentreFactory(name="Ailleurs"), display_name="Hors centre",
                                       created_by=None)
    LearnerProfile.objects.filter(user=handover.user).update(learner_code=HELD_ELSEWHERE)
    return handover.user


@pytest.fixture
def trainer_client(client, centre):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=centre, role=Role.TRAINER)
    client.force_login(trainer)
    return client


def url(name, centre):
    with translation.override("en"):
        return reverse(f"centres:{name}", args=[centre.pk])


def test_the_import_preview_says_nothing_about_learner_codes_held_in_other_centres(
    trainer_client, centre, other_centres_learner
):
    content = f"display_name;learner_code\nAmina Diallo;{HELD_ELSEWHERE}\nYonas Tekle;{FREE}\n"
    upload = SimpleUploadedFile("l.csv", content.encode())
    preview = trainer_client.post(url("learner_import", centre), {"file": upload})
    html = preview.content.decode().replace("&#x27;", "'")
    assert preview.status_code == 200
    assert preview.context["errors"] == [] and preview.context["valid_count"] == 2  # both rows look the same
    assert "already used" not in html and HELD_ELSEWHERE not in html and FREE not in html
    assert "The « learner_code » column is ignored: Passerelle makes every learner's code itself." in html

    token = preview.context["confirm_form"].initial["token"]
    done = trainer_client.post(url("learner_import_confirm", centre), {"token": token})
    codes = {h.user.display_name: h.learner_code for h, _pictures in done.context["imported"]}
    assert set(codes) == {"Amina Diallo", "Yonas Tekle"}
    assert not set(codes.values()) & {HELD_ELSEWHERE, FREE}
    assert User.objects.get(learner_profile__learner_code=HELD_ELSEWHERE) == other_centres_learner


def test_no_caller_can_choose_a_learner_code(centre):
    with pytest.raises(TypeError):
        learners.learner_create(centre=centre, display_name="Amina", learner_code=FREE, created_by=None)
    assert not User.objects.filter(display_name="Amina").exists()


def test_the_list_to_fill_in_and_the_import_page_have_no_learner_code_column(trainer_client, centre):
    assert "learner_code" not in COLUMNS
    template = trainer_client.get(url("import_template", centre)).content.decode("utf-8-sig")
    assert "learner_code" not in template
    assert "learner_code" not in trainer_client.get(url("learner_import", centre)).content.decode()
