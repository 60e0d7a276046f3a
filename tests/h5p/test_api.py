"""The endpoints the lesson page relays the player's results and saved state to: for the signed-in
learner only, CSRF-protected, size-limited, idempotent; anything forged or replayed changes nothing."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment
from h5p import services
from h5p.models import H5PResult, H5PUserState
from tests import factories

from . import packages
from .conftest import step_id

pytestmark = pytest.mark.django_db
STATEMENTS = "/h5p/api/statements/"


def statement(package, verb="answered", raw=1, maximum=1, statement_id=None, object_id=None, sub=False):
    activity = object_id or f"http://testserver/h5p/{package.pk}/frame/" + ("?subContentId=4a1b" if sub else "")
    return {
        "id": statement_id or str(uuid.uuid4()),
        "actor": {"account": {"name": "someone", "homePage": "http://testserver"}, "objectType": "Agent"},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"id": activity, "objectType": "Activity"},
        "result": {"score": {"min": 0, "max": maximum, "raw": raw, "scaled": raw / maximum},
                   "completion": True, "success": raw == maximum},
    }


def relay(client, lesson, package, sent, **overrides):
    body = {"package": package.pk, "lesson": lesson.pk, "step": step_id(lesson), "statement": sent, **overrides}
    # The endpoint has no language prefix: it answers in the tablet's language (here English).
    return client.post(STATEMENTS, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def test_an_answer_is_stored_for_the_signed_in_learner(learner_client, enrolled, lesson_page, package):
    sent = statement(package, raw=3, maximum=4)

    response = relay(learner_client, lesson_page, package, sent)

    assert response.status_code == 201
    result = H5PResult.objects.get()
    assert (result.learner, result.package, result.lesson_key) == (enrolled, package, lesson_page.translation_key)
    assert (result.score_raw, result.score_max, result.score_scaled, result.success) == (3, 4, 0.75, False)
    assert str(result.statement_id) == sent["id"] and str(result.step_id) == step_id(lesson_page)


def test_a_replayed_statement_is_stored_once(learner_client, lesson_page, package):
    sent = statement(package)

    first = relay(learner_client, lesson_page, package, sent)
    again = relay(learner_client, lesson_page, package, {**sent, "result": {"score": {"raw": 0, "max": 1}}})

    assert (first.status_code, again.status_code) == (201, 200)
    assert H5PResult.objects.get().score_raw == 1


def test_a_statement_replayed_by_another_learner_changes_nothing(learner_client, enrolled, course_page, lesson_page,
                                                                  package):
    sent = statement(package)
    relay(learner_client, lesson_page, package, sent)
    other = factories.UserFactory()
    Enrolment.objects.create(learner=other, course=course_page)
    other_client = Client()
    other_client.force_login(other)

    response = relay(other_client, lesson_page, package, {**sent, "result": {"score": {"raw": 0, "max": 1}}})

    assert response.status_code == 409
    assert "already sent" in response.json()["error"]
    assert list(H5PResult.objects.values_list("learner", "score_raw")) == [(enrolled.pk, 1)]


def test_a_statement_for_another_package_is_refused(learner_client, lesson_page, package, trainer):
    other = services.h5p_package_create(uploaded_file=packages.upload(packages.quiz_package()), by=trainer)

    posted_as_other = relay(learner_client, lesson_page, other, statement(other))
    other_activity = relay(learner_client, lesson_page, package, statement(other))

    assert posted_as_other.status_code == 400 and "not part of this lesson" in posted_as_other.json()["error"]
    assert other_activity.status_code == 400 and "not for this activity" in other_activity.json()["error"]
    assert not H5PResult.objects.exists()


def test_a_statement_for_a_lesson_the_learner_does_not_follow_is_refused(client, lesson_page, package):
    client.force_login(factories.UserFactory())

    response = relay(client, lesson_page, package, statement(package))

    assert response.status_code == 403
    assert not H5PResult.objects.exists()


def test_a_statement_for_a_step_that_is_not_in_the_lesson_is_refused(learner_client, lesson_page, package):
    response = relay(learner_client, lesson_page, package, statement(package), step=str(uuid.uuid4()))

    assert response.status_code == 400
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize("change", [
    {"sub": True},  # a question inside the activity
    {"verb": "interacted"},
    {"verb": "progressed"},
])
def test_sub_contents_and_other_verbs_are_acknowledged_and_not_stored(learner_client, lesson_page, package, change):
    response = relay(learner_client, lesson_page, package, statement(package, **change))

    assert response.status_code == 202
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize("result", [
    {"score": {"raw": 5, "max": 4}}, {"score": {"raw": -1, "max": 4}}, {"score": {"scaled": 1.5}},
    {"score": {"raw": "10", "max": 4}}, {"score": {"raw": True, "max": 1}},
])
def test_an_impossible_score_is_refused(learner_client, lesson_page, package, result):
    response = relay(learner_client, lesson_page, package, {**statement(package), "result": result})

    assert response.status_code == 400
    assert not H5PResult.objects.exists()


def test_a_statement_without_an_id_is_refused(learner_client, lesson_page, package):
    response = relay(learner_client, lesson_page, package, {**statement(package), "id": "not-a-uuid"})

    assert response.status_code == 400
    assert not H5PResult.objects.exists()


def test_a_signed_out_tablet_cannot_post_a_result(client, lesson_page, package):
    response = relay(client, lesson_page, package, statement(package))

    assert response.status_code == 403
    assert "Sign in again" in response.json()["error"]
    assert not H5PResult.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(enrolled, lesson_page, package):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(enrolled)
    browser.get(reverse("courses:my_path"))  # the page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value

    refused = relay(browser, lesson_page, package, statement(package))
    body = {"package": package.pk, "lesson": lesson_page.pk, "step": step_id(lesson_page),
            "statement": statement(package)}
    accepted = browser.post(STATEMENTS, json.dumps(body), content_type="application/json", HTTP_X_CSRFTOKEN=token)

    assert (refused.status_code, accepted.status_code) == (403, 201)
    assert H5PResult.objects.count() == 1


def test_a_statement_of_5_mb_is_refused(learner_client, lesson_page, package):
    sent = {**statement(package), "padding": "x" * (5 * 1024 * 1024)}

    response = relay(learner_client, lesson_page, package, sent)

    assert response.status_code == 413
    assert "too large" in response.json()["error"]
    assert not H5PResult.objects.exists()


def test_a_body_declaring_more_than_allowed_is_refused_before_it_is_read(learner_client, lesson_page, package):
    body = json.dumps({"package": package.pk, "lesson": lesson_page.pk, "step": step_id(lesson_page),
                       "statement": statement(package)})

    response = learner_client.generic("POST", STATEMENTS, body, content_type="application/json",
                                      CONTENT_LENGTH=str(5 * 1024 * 1024))

    assert response.status_code == 413
    assert not H5PResult.objects.exists()


# --- Saved state ---------------------------------------------------------------------------------


def save_state(client, package, state):
    return client.post(reverse("h5p:state", args=[package.pk]), json.dumps({"state": state}),
                       content_type="application/json")


def test_saved_state_comes_back_to_its_learner_only(learner_client, package):
    assert save_state(learner_client, package, '{"chosen": 1}').status_code == 200
    next_learner = Client()
    next_learner.force_login(factories.UserFactory())

    mine = learner_client.get(reverse("h5p:state", args=[package.pk])).json()
    theirs = next_learner.get(reverse("h5p:state", args=[package.pk])).json()

    assert mine == {"state": '{"chosen": 1}'}
    assert theirs == {"state": None}


def test_saving_state_again_replaces_it_and_an_empty_state_forgets_it(learner_client, package):
    save_state(learner_client, package, '{"chosen": 1}')
    save_state(learner_client, package, '{"chosen": 0}')
    assert H5PUserState.objects.get().data == '{"chosen": 0}'

    save_state(learner_client, package, "")

    assert not H5PUserState.objects.exists()


@pytest.mark.parametrize(("state", "status"), [
    (json.dumps({"text": "x" * (64 * 1024)}), 413),
    ("{not json", 400),
    (42, 400),
])
def test_a_state_too_large_or_damaged_is_refused(learner_client, package, state, status):
    save_state(learner_client, package, '{"chosen": 1}')

    response = save_state(learner_client, package, state)

    assert response.status_code == status
    assert H5PUserState.objects.get().data == '{"chosen": 1}'


def test_a_signed_out_tablet_has_no_state(client, package):
    assert client.get(reverse("h5p:state", args=[package.pk])).status_code == 403
    assert save_state(client, package, '{"chosen": 1}').status_code == 403
    assert not H5PUserState.objects.exists()
