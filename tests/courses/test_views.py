"""The lesson path over HTTP: what a learner's tablet sends and sees."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Answer, Enrolment, LessonProgress
from tests import factories

from .conftest import right_payload, step_of, wrong_payload

pytestmark = pytest.mark.django_db


def post_answer(client, lesson, body, lang="fr"):
    url = f"/{lang}" + reverse("courses:answer_create", args=[lesson.pk])[3:]
    return client.post(url, data=json.dumps(body) if not isinstance(body, bytes | str) else body,
                       content_type="application/json")


def body_for(step, payload=None):
    return {"step_id": str(step.id), "client_uuid": str(uuid.uuid4()),
            "payload": payload if payload is not None else right_payload(step)}


def test_lesson_asks_anonymous_visitors_to_sign_in(client, lesson_page):
    response = client.get(lesson_page.url)
    assert response.status_code == 302 and "/bienvenue/" in response["Location"]


def test_opening_a_lesson_of_a_course_not_started_changes_nothing(client, learner, lesson_page, course_page):
    client.force_login(learner)
    response = client.get(lesson_page.url)
    assert response.status_code == 302 and response["Location"] == course_page.url
    assert not Enrolment.objects.exists() and not LessonProgress.objects.exists()


def test_start_is_a_post_and_enrols_once(client, learner, course_page, lesson_page):
    client.force_login(learner)
    url = reverse("courses:course_start", args=[course_page.pk])
    assert client.get(url).status_code == 405
    assert client.post(url)["Location"] == lesson_page.url
    client.post(url)
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_lesson_page_never_contains_the_answer_key(learner_client, lesson_page):
    html = learner_client.get(lesson_page.url).content.decode()
    single = step_of(lesson_page, "single_choice")
    ordering = step_of(lesson_page, "ordering")
    for secret in ("Bravo !", "Regarde bien le @.", "Oui !", "Non, à droite.", "amina@exemple.fr",
                   "is_correct", "is_true", '"zones"', "0.5, 0.5", "feedback"):
        assert secret not in html.replace('class="feedback"', "").replace("data-feedback", ""), secret
    right = next(c for c in single.value["choices"].bound_blocks if c.value["is_correct"])
    assert f'value="{right.id}"' in html  # the choice is there, with nothing marking it right
    ids = [str(item.id) for item in ordering.value["items"].bound_blocks]
    assert [i for i in _item_order(html) if i in ids] != ids


def _item_order(html):
    return [part.split('"')[0] for part in html.split('data-item-id="')[1:]]


def test_lesson_page_is_not_stored_by_the_browser(learner_client, lesson_page):
    response = learner_client.get(lesson_page.url)
    assert "no-store" in response["Cache-Control"]


def test_answer_is_graded_and_feedback_returned(learner_client, lesson_page):
    step = step_of(lesson_page, "true_false")
    response = post_answer(learner_client, lesson_page, body_for(step, {"value": False}))
    assert response.status_code == 200
    assert response.json()["is_correct"] is False
    assert response.json()["feedback"] == "Regarde bien le @."


def test_the_same_post_twice_is_recorded_once(learner_client, lesson_page):
    body = body_for(step_of(lesson_page, "typed_answer"))
    first, second = post_answer(learner_client, lesson_page, body), post_answer(learner_client, lesson_page, body)
    assert first.json() == second.json()
    assert Answer.objects.count() == 1


BAD_BODIES = {
    "not json": b"{not json",
    "a list": [],
    "no step id": {"client_uuid": str(uuid.uuid4()), "payload": {"value": True}},
    "unknown step id": {"step_id": str(uuid.uuid4()), "client_uuid": str(uuid.uuid4()), "payload": {}},
    "step id not a uuid": {"step_id": "3", "client_uuid": str(uuid.uuid4()), "payload": {}},
    "no client uuid": {"step_id": None, "payload": {"value": True}},
}


@pytest.mark.parametrize("name", BAD_BODIES)
def test_malformed_answers_get_a_message_and_change_nothing(learner_client, lesson_page, name):
    body = BAD_BODIES[name]
    if name == "no client uuid":
        body = {**body, "step_id": str(step_of(lesson_page, "true_false").id)}
    response = post_answer(learner_client, lesson_page, body)
    assert response.status_code == 400 and response.json()["error"]
    assert not Answer.objects.exists() and not LessonProgress.objects.exists()


def test_ten_thousand_characters_typed_answer_is_refused(learner_client, lesson_page):
    step = step_of(lesson_page, "typed_answer")
    response = post_answer(learner_client, lesson_page, body_for(step, {"text": "x" * 10_000}))
    assert response.status_code == 400 and not Answer.objects.exists()


def test_step_of_another_lesson_is_refused(learner_client, lesson_page, course_page):
    other = factories.lesson(course_page, slug="autre", title="Autre")
    response = post_answer(learner_client, lesson_page, body_for(step_of(other, "true_false")))
    assert response.status_code == 400 and not Answer.objects.exists()


def test_lesson_of_a_course_not_started_is_refused(client, learner, lesson_page):
    client.force_login(learner)
    response = post_answer(client, lesson_page, body_for(step_of(lesson_page, "true_false")))
    assert response.status_code == 403 and response.json()["error"]
    assert not Answer.objects.exists()


def test_answers_need_a_signed_in_learner_a_post_and_csrf(lesson_page, enrolled):
    anonymous = post_answer(Client(), lesson_page, body_for(step_of(lesson_page, "true_false")))
    assert anonymous.status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(enrolled)
    assert post_answer(strict, lesson_page, body_for(step_of(lesson_page, "true_false"))).status_code == 403
    strict.force_login(enrolled)
    url = reverse("courses:answer_create", args=[lesson_page.pk])
    assert strict.get(url).status_code == 405
    assert not Answer.objects.exists()


def test_unpublished_lesson_cannot_be_answered(learner_client, lesson_page):
    step = step_of(lesson_page, "true_false")
    lesson_page.unpublish()
    assert post_answer(learner_client, lesson_page, body_for(step)).status_code == 404


def test_restart_is_a_post_and_a_double_tap_restarts_once(learner_client, lesson_page, enrolled):
    url = reverse("courses:lesson_restart", args=[lesson_page.pk])
    assert learner_client.get(url).status_code == 405
    once = learner_client.get(lesson_page.url).context["once"]
    assert learner_client.post(url, {"once": once})["Location"] == lesson_page.url
    learner_client.post(url, {"once": once})
    assert LessonProgress.objects.get(learner=enrolled, lesson=lesson_page).attempt == 2


def test_reopening_resumes_at_the_last_step(learner_client, lesson_page):
    fourth = list(lesson_page.steps)[3]
    url = reverse("courses:step_visit", args=[lesson_page.pk])
    learner_client.post(url, data=json.dumps({"step_id": str(fourth.id)}), content_type="application/json")
    html = learner_client.get(lesson_page.url).content.decode()
    state = json.loads(html.split('<script id="player-state" type="application/json">')[1].split("</script>")[0])
    assert state["current"] == 3


def test_course_page_shows_each_lesson_status(learner_client, lesson_page, course_page, enrolled):
    LessonProgress.objects.create(learner=enrolled, lesson=lesson_page, status="in_progress")
    html = learner_client.get(course_page.url).content.decode()
    assert "lesson-row--in_progress" in html


def test_my_path_lists_started_courses_only(learner_client, course_page):
    factories.course(title="Améli", slug="ameli")
    html = learner_client.get(reverse("courses:my_path")).content.decode()
    assert course_page.title in html and "Améli" not in html


def test_the_right_choice_is_shown_only_once_no_try_is_left(learner_client, lesson_page):
    step = step_of(lesson_page, "single_choice")
    first = post_answer(learner_client, lesson_page, body_for(step, wrong_payload(step))).json()
    assert (first["is_correct"], first["first_try"], first["tries_left"], first["reveal"]) == (False, False, 1, {})
    second = post_answer(learner_client, lesson_page, body_for(step, wrong_payload(step))).json()
    assert second["tries_left"] == 0 and second["reveal"]["correct_choices"] == [right_payload(step)["choice"]]


def test_a_miss_on_the_tap_step_shows_the_right_place_and_it_can_be_tapped_again(learner_client, lesson_page):
    step = step_of(lesson_page, "hotspot")
    miss = post_answer(learner_client, lesson_page, body_for(step, {"x": 0.01, "y": 0.01})).json()
    assert miss["is_correct"] is False and miss["tries_left"] is None and miss["reveal"]["zones"]
    hit = post_answer(learner_client, lesson_page, body_for(step, right_payload(step))).json()
    assert hit["is_correct"] is True and hit["first_try"] is False


def test_the_lesson_end_offers_the_next_lesson_of_the_course(learner_client, lesson_page, course_page):
    following = factories.lesson(course_page, title="Envoyer un e-mail", slug="envoyer")
    html = learner_client.get(lesson_page.url).content.decode()
    assert f'href="{following.url}" data-when-passed' in html
    assert "data-when-passed" not in learner_client.get(following.url).content.decode()  # the last one
