"""Trainers publish their own lessons (issue 14): the group trainers join may publish, and no
moderation workflow stands in the way unless someone attaches one."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from centres.constants import Role
from centres.models import Membership
from courses.models import Answer, Enrolment, LessonPage, LessonProgress
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
    """« Voir le brouillon » (not the editor's own preview) is graded against the latest draft."""
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    request_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    html = lesson.make_preview_request(original_request=client.get(request_url).wsgi_request).content.decode()
    assert f'data-answer-url="{reverse("courses:answer_preview", args=[lesson.pk])}?draft=1" data-preview' in html


PREVIEWED_STEP = "6f1c2a8e-0d5b-4c43-9d7e-3a1b2c4d5e6f"


def _lesson_form(*, is_true, step_id=PREVIEWED_STEP):
    """What the editor's form holds: one true-or-false question, typed and never saved."""
    data = nested_form_data({
        "title": "Le ciel", "slug": "le-ciel", "summary": "", "estimated_minutes": "10", "pass_mark": "80",
        "steps": streamfield([("true_false", {
            "prompt": rich_text("<p>Le ciel est vert.</p>"), "image": {"image": "", "alt_text": "", "decorative": ""},
            "audio": "", "is_true": "on" if is_true else "", "feedback_correct": "Oui, il est bleu.",
            "feedback_wrong": "Regarde le ciel.", "competence": "",
        })]),
    })
    data["steps-0-id"] = step_id  # the admin's script gives each new block its id
    return data


def _answer(client, url, value, step_id=PREVIEWED_STEP):
    return client.post(url, json.dumps({"step_id": step_id, "payload": {"value": value}}),
                       content_type="application/json")


def test_a_new_lessons_preview_shows_and_grades_what_the_trainer_typed_before_any_save(client, trainer):
    """The preview panel is open while the trainer writes a lesson that does not exist yet: it shows
    her question (it was an error page) and grades it as she wrote it; nothing is created or stored."""
    course = factories.course()
    client.force_login(trainer)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", course.pk])
    assert client.post(preview_url, _lesson_form(is_true=False)).json()["is_valid"] is True
    preview = client.get(preview_url)
    answer_url = reverse("courses:answer_preview_new", args=[course.pk])
    html = preview.content.decode()
    assert preview.status_code == 200 and "Le ciel est vert." in html
    assert f'data-answer-url="{answer_url}" data-preview' in html and f'data-step-id="{PREVIEWED_STEP}"' in html
    right, wrong = _answer(client, answer_url, False).json(), _answer(client, answer_url, True).json()
    assert (right["is_correct"], right["feedback"]) == (True, "Oui, il est bleu.")
    assert (wrong["is_correct"], wrong["feedback"]) == (False, "Regarde le ciel.")
    assert not LessonPage.objects.filter(slug="le-ciel").exists() and not Answer.objects.exists()


def _true_false_lesson():
    lesson = factories.lesson(factories.course(), steps=[("true_false", {
        "prompt": "<p>Le ciel est vert.</p>", "image": None, "audio": None, "competence": None, "is_true": True,
        "feedback_correct": "Oui.", "feedback_wrong": "Non.",
    })])
    return lesson, str(step_of(lesson, "true_false").id)


def test_the_preview_grades_the_edit_it_shows_not_the_last_saved_draft(client, trainer):
    """The trainer turned the right answer round in the form and has not saved: her preview panel
    shows the question as she typed it and grades it so; « Voir le brouillon » keeps the draft's."""
    lesson, step_id = _true_false_lesson()
    client.force_login(trainer)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    assert client.post(preview_url, _lesson_form(is_true=False, step_id=step_id)).json()["is_valid"] is True
    answer_url = reverse("courses:answer_preview", args=[lesson.pk])
    assert f'data-answer-url="{answer_url}" data-preview' in client.get(preview_url).content.decode()
    assert _answer(client, answer_url, False, step_id=step_id).json()["is_correct"] is True
    assert _answer(client, f"{answer_url}?draft=1", False, step_id=step_id).json()["is_correct"] is False
    assert LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object().title != "Le ciel"  # nothing saved


def test_a_preview_form_that_no_longer_validates_is_graded_as_the_latest_draft(client, trainer):
    """Someone else took the slug of the lesson's form since: the form no longer validates, and the
    answers are graded against the saved draft, not a half-applied form."""
    lesson, step_id = _true_false_lesson()
    client.force_login(trainer)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    assert client.post(preview_url, _lesson_form(is_true=False, step_id=step_id)).json()["is_valid"] is True
    factories.lesson(lesson.get_parent().specific, slug="le-ciel", title="Une autre leçon")
    answer_url = reverse("courses:answer_preview", args=[lesson.pk])
    assert _answer(client, answer_url, True, step_id=step_id).json()["is_correct"] is True


def test_without_a_preview_in_progress_the_answers_are_graded_against_the_last_draft(client, trainer):
    lesson = factories.lesson(factories.course())
    step = step_of(lesson, "true_false")
    client.force_login(trainer)
    answer_url = reverse("courses:answer_preview", args=[lesson.pk])
    assert _answer(client, answer_url, True, step_id=str(step.id)).json()["is_correct"] is True


def test_a_new_courses_preview_shows_its_start_button_and_enrols_nobody(client, trainer):
    catalogue = factories.catalogue()
    client.force_login(trainer)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "coursepage", catalogue.pk])
    client.post(preview_url, nested_form_data({"title": "La CAF", "slug": "caf", "summary": "Mes allocations.",
                                               "level": "beginner", "estimated_minutes": "30"}))
    preview = client.get(preview_url)
    html = preview.content.decode()
    assert preview.status_code == 200 and "La CAF" in html and 'aria-disabled="true"' in html
    assert "/commencer/" not in html and not Enrolment.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("learner", 403), ("anonymous", 401)])
def test_only_those_who_may_add_a_lesson_may_try_a_new_lessons_preview(client, who, status):
    course = factories.course()
    if who == "learner":
        client.force_login(factories.learner_in(factories.CentreFactory()))
    response = _answer(client, reverse("courses:answer_preview_new", args=[course.pk]), False)
    assert response.status_code == status and "is_correct" not in response.json()


def test_a_new_lessons_preview_answer_for_a_course_that_is_gone_or_a_step_it_lacks_is_refused_clearly(
        client, trainer):
    course = factories.course()
    client.force_login(trainer)
    gone = _answer(client, reverse("courses:answer_preview_new", args=[course.pk + 999]), False)
    assert gone.status_code == 404 and gone.json()["error"]
    unknown = _answer(client, reverse("courses:answer_preview_new", args=[course.pk]), False)  # nothing previewed
    assert unknown.status_code == 400 and unknown.json()["error"] and "is_correct" not in unknown.json()


def test_a_preview_answer_for_a_page_that_is_not_a_lesson_or_not_a_course_is_refused_clearly(client, trainer):
    course = factories.course()
    client.force_login(trainer)
    for url in (reverse("courses:answer_preview", args=[course.pk]),  # a course is not a lesson
                reverse("courses:answer_preview_new", args=[course.get_parent().pk])):  # lessons go in courses
        response = _answer(client, url, False)
        assert response.status_code == 404 and response.json()["error"] and "is_correct" not in response.json()


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


def test_when_moderation_is_turned_on_a_manager_of_the_centre_approves_and_the_lesson_goes_live(client, trainer):
    """No workflow stands in the way by default; a centre that wants one attaches Wagtail's moderation to
    the catalogue. The trainer's change then waits for approval, which the trainer cannot give herself and
    a manager (« responsable ») of the centre gives from the admin."""
    from wagtail.models import Workflow, WorkflowPage

    lesson = factories.lesson(factories.course())
    workflow = Workflow.objects.get(workflow_tasks__task__name="Relecture par un responsable")
    WorkflowPage.objects.create(workflow=workflow, page=factories.catalogue())
    manager = factories.UserFactory(display_name="Nadia Responsable")
    Membership.objects.create(user=manager, centre=trainer.memberships.get().centre, role=Role.MANAGER)
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert "Relecture par un responsable" in html and "Moderators approval" not in html
    lesson.title = "Adresse e-mail, version relue"
    revision = lesson.save_revision(user=trainer)
    workflow.start(lesson, trainer)
    task_state = lesson.current_workflow_task_state
    assert task_state.task.specific.get_actions(lesson, trainer) == []  # a trainer approves no change
    assert "approve" in [name for name, *_ in task_state.task.specific.get_actions(lesson, manager)]

    client.force_login(manager)
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]))
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live_revision_id == revision.pk and lesson.title == "Adresse e-mail, version relue"
