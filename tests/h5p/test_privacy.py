"""« My data » shows a learner their H5P results and a summary of their saved states (the JSON
download holds the same); erasure deletes both, and the lesson keeps its anonymous record."""

import json

import pytest
from django.urls import reverse

from accounts import privacy
from courses.models import Answer, LessonProgress
from h5p import services
from h5p.models import H5PResult, H5PUserState
from tests import factories

from .conftest import step_id
from .test_api import statement

pytestmark = pytest.mark.django_db

STATE = json.dumps({"chosen": 0, "note": "amina.diallo@exemple.fr"})
SUMMARY = f"Saved answers of this activity ({len(STATE)}\xa0bytes)"  # as filesizeformat writes it


@pytest.fixture
def played(enrolled, lesson_page, package):
    """The learner answered the activity and their state is saved."""
    services.h5p_statement_record(learner=enrolled, package=package, lesson=lesson_page,
                                  step_id=step_id(lesson_page), statement=statement(package, raw=3, maximum=4))
    services.h5p_state_save(learner=enrolled, package=package, data=STATE)
    return enrolled


def test_the_export_holds_the_results_and_a_summary_of_the_saved_state(played, package):
    records = privacy.learner_data_export(user=played)["records"]

    [result] = records["h5p.h5presult"]
    assert (result["package"]["label"], result["score_scaled"], result["success"]) == (package.title, 0.75, False)
    [state] = records["h5p.h5puserstate"]
    assert state["package"]["label"] == package.title and state["updated_at"]
    assert state["data"] == SUMMARY and "amina.diallo" not in json.dumps(state)


def test_the_learner_reads_them_on_the_my_data_page(client, played, package):
    client.force_login(played)

    page = client.get(reverse("accounts:my_data_export")).content.decode()
    download = json.loads(client.get(reverse("accounts:my_data_export_json")).content)

    assert "H5P results" in page and "H5P saved states" in page and SUMMARY in page
    assert download["records"]["h5p.h5presult"][0]["score_scaled"] == 0.75


def test_erasure_deletes_them_and_the_lesson_keeps_its_anonymous_record(played, lesson_page):
    privacy.learner_erase(user=played, by=factories.UserFactory())

    assert not H5PResult.objects.exists() and not H5PUserState.objects.exists()
    assert LessonProgress.objects.filter(learner=played, lesson_key=lesson_page.translation_key).exists()
    assert Answer.objects.filter(learner=played, step_kind="h5p").values_list("payload", flat=True).get() == {}
    assert "h5p.h5presult" not in privacy.learner_data_export(user=played)["records"]
