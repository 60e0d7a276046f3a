"""Trainers publish their own lessons (issue 14): the group trainers join may publish, and no
moderation workflow stands in the way unless someone attaches one."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from centres.constants import Role
from centres.models import Membership
from courses.models import Answer, Enrolment, LessonProgress
from tests import factories

from .conftest import right_payload, step_of, wrong_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    user = factories.UserFactory(display_name="Fatou Formatrice")
    Membership.objects.create(user=user, centre=factories.CentreFactory(), role=Role.TRAINER)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_trainer_may_publish_a_lesson_and_no_workflow_asks_for_approval(trainer):
    lesson = factories.lesson(factories.course())
    permissions = lesson.permissions_for_user(trainer)
    assert permissions.can_edit() and permissions.can_publish()
    assert lesson.get_workflow() is None


def test_the_editor_offers_publish_not_submit_for_moderation(client, trainer):
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert 'name="action-publish"' in html
    assert 'name="action-submit"' not in html and "Moderators approval" not in html


def test_a_learner_has_no_way_into_the_admin(client):
    learner = factories.learner_in(factories.CentreFactory())
    client.force_login(learner)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _preview_answer(client, lesson, step, payload):
    return client.post(reverse("courses:answer_preview", args=[lesson.pk]), json.dumps(
        {"step_id": str(step.id), "payload": payload}), content_type="application/json")


def test_the_preview_grades_a_trainers_answers_and_stores_nothing(client, trainer):
    lesson = factories.lesson(factories.course())
    step = step_of(lesson, "single_choice")
    client.force_login(trainer)
    wrong = _preview_answer(client, lesson, step, wrong_payload(step)).json()
    right = _preview_answer(client, lesson, step, right_payload(step)).json()
    assert (wrong["is_correct"], wrong["reveal"]) == (False, {})  # tries again as a learner would
    assert right["is_correct"] is True and right["feedback"]
    assert not Answer.objects.exists() and not Enrolment.objects.exists() and not LessonProgress.objects.exists()


def test_the_preview_shows_the_lesson_without_enrolling_and_answers_go_to_the_preview(client, trainer):
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    request_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    html = lesson.make_preview_request(original_request=client.get(request_url).wsgi_request).content.decode()
    assert f'data-answer-url="{reverse("courses:answer_preview", args=[lesson.pk])}" data-preview' in html


@pytest.mark.parametrize(("who", "status"), [("learner", 403), ("anonymous", 401)])
def test_only_its_editors_may_try_a_lessons_preview(client, who, status):
    lesson = factories.lesson(factories.course())
    step = step_of(lesson, "true_false")
    if who == "learner":
        client.force_login(factories.learner_in(factories.CentreFactory()))
    response = _preview_answer(client, lesson, step, {"value": True})
    assert response.status_code == status and "is_correct" not in response.json()


def test_a_preview_answer_that_does_not_fit_is_refused_clearly(client, trainer):
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    response = _preview_answer(client, lesson, step_of(lesson, "true_false"), {"value": "maybe"})
    assert response.status_code == 400 and response.json()["error"]


def test_the_preview_may_be_framed_by_the_admin_and_the_lesson_by_nobody(client, trainer):
    """The admin's preview panel is a frame of the admin: the preview allows its own site as a framer (and
    nothing else); the lesson a learner opens still refuses every frame."""
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    request_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    preview = lesson.make_preview_request(original_request=client.get(request_url).wsgi_request)
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert "'none'" not in preview["Content-Security-Policy"].split("frame-ancestors")[1].split(";")[0]
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=lesson.get_parent().specific)
    client.force_login(learner)
    live = client.get(lesson.url)
    assert live.status_code == 200 and "frame-ancestors 'none'" in live["Content-Security-Policy"]


def test_the_admin_shows_the_trainers_avatar_from_this_site_not_a_broken_gravatar(client, trainer):
    """The site's CSP allows pictures from itself only: a Gravatar showed as a broken image, and sent a
    hash of the trainer's e-mail to a third party."""
    trainer.email = "fatou@example.org"
    trainer.save()
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html
    assert "wagtailadmin/images/default-user-avatar" in html
