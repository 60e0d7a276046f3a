"""A learner's data seen by their centre's staff: trainers read and download it, managers confirm erasure;
nobody from another centre reaches it."""

import json

import pytest
from django.urls import reverse

from accounts.models import ErasureRequest, LearnerSecret, User
from centres.constants import Role
from centres.models import Membership
from courses.models import Answer, LessonProgress
from tests import factories
from tests.accounts import test_privacy as accounts_privacy
from tests.accounts.test_privacy import NAME, answer, texts_naming

# The learner with everything Passerelle may hold about someone, and their centre and lesson.
centre, lesson, learner = accounts_privacy.centre, accounts_privacy.lesson, accounts_privacy.learner

pytestmark = pytest.mark.django_db


def staff(centre, role, name):
    user = factories.UserFactory(display_name=name)
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def elsewhere():
    return factories.CentreFactory(name="Montreuil")


@pytest.fixture
def manager(centre):
    return staff(centre, Role.MANAGER, "Manager Belleville")


@pytest.fixture
def trainer(centre):
    return staff(centre, Role.TRAINER, "Trainer Belleville")


def signed_in(client, user):
    client.force_login(user)
    return client


def export_url(centre, learner, name="learner_export"):
    return reverse(f"centres:{name}", args=[centre.pk, learner.pk])


def confirm_url(centre, request):
    return reverse("centres:erasure_confirm", args=[centre.pk, request.pk])


def ask_erasure(client, learner):
    signed_in(client, learner).post(reverse("accounts:erasure_request"))
    client.logout()
    return ErasureRequest.objects.get(user=learner)


# --- Export by the centre's staff --------------------------------------------------------------


def test_trainer_reads_the_data_of_a_learner_of_their_centre(client, trainer, centre, learner):
    response = signed_in(client, trainer).get(export_url(centre, learner))
    html = response.content.decode()
    assert response.status_code == 200 and NAME in html and "no-store" in response["Cache-Control"]
    assert len(response.context["data"]["records"]["courses.answer"]) == 2


def test_trainer_downloads_the_json_without_any_secret(client, trainer, centre, learner):
    response = signed_in(client, trainer).get(export_url(centre, learner, "learner_export_json"))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["records"]["courses.lessonprogress"] and data["records"]["courses.answer"]
    text = response.content.decode()
    for secret in LearnerSecret.objects.filter(user=learner).values_list("secret_hash", flat=True):
        assert secret not in text
    assert learner.password not in text


def test_trainer_of_another_centre_reaches_no_learner_here(client, centre, elsewhere, learner):
    stranger = signed_in(client, staff(elsewhere, Role.TRAINER, "Trainer Montreuil"))
    for name in ("learner_export", "learner_export_json"):
        assert stranger.get(export_url(centre, learner, name)).status_code == 403
        response = stranger.get(export_url(elsewhere, learner, name))
        assert response.status_code == 404 and NAME not in response.content.decode()


def test_a_learner_cannot_open_another_learners_data(client, centre, learner):
    other = signed_in(client, factories.learner_in(centre, display_name="Amina"))
    assert other.get(export_url(centre, learner)).status_code == 403


def test_trainer_asks_for_erasure_on_the_learners_behalf(client, trainer, centre, learner):
    response = signed_in(client, trainer).post(export_url(centre, learner, "erasure_request_for"))
    assert response.status_code == 302
    request = ErasureRequest.objects.get(user=learner)
    assert request.requested_by == trainer and request.confirmed_at is None
    assert User.objects.get(pk=learner.pk).display_name == NAME, "nothing is erased before a manager confirms"


# --- Erasure confirmed by a manager ------------------------------------------------------------


def test_learner_asks_manager_confirms_and_the_name_is_gone(client, manager, centre, learner, lesson):
    answer(learner, lesson, "hotspot_question", {"x": 0.5, "y": 0.5})
    request = ask_erasure(client, learner)
    progress_rows, answer_rows = LessonProgress.objects.count(), Answer.objects.count()

    listing = signed_in(client, manager).get(reverse("centres:erasure_requests", args=[centre.pk]))
    assert listing.status_code == 200 and NAME in listing.content.decode()
    response = client.post(confirm_url(centre, request))
    assert response.status_code == 302
    client.logout()

    assert texts_naming() == []
    request.refresh_from_db()
    assert request.confirmed_by == manager and request.confirmed_at is not None
    assert LessonProgress.objects.count() == progress_rows and Answer.objects.count() == answer_rows
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    sign_in = client.post(reverse("accounts:login"), {"username": "zerihun.t", "password": factories.PASSWORD})
    assert sign_in.status_code == 200 and "_auth_user_id" not in client.session


def test_a_trainer_who_is_not_a_manager_cannot_confirm(client, trainer, centre, learner):
    request = ask_erasure(client, learner)
    signed_in(client, trainer)
    assert client.get(reverse("centres:erasure_requests", args=[centre.pk])).status_code == 403
    assert client.post(confirm_url(centre, request)).status_code == 403
    request.refresh_from_db()
    assert request.confirmed_at is None and User.objects.get(pk=learner.pk).display_name == NAME


def test_a_manager_of_another_centre_cannot_confirm(client, centre, elsewhere, learner):
    request = ask_erasure(client, learner)
    signed_in(client, staff(elsewhere, Role.MANAGER, "Manager Montreuil"))
    assert client.post(confirm_url(centre, request)).status_code == 403
    assert client.post(confirm_url(elsewhere, request)).status_code == 404
    listing = client.get(reverse("centres:erasure_requests", args=[elsewhere.pk]))
    assert listing.status_code == 200 and NAME not in listing.content.decode()
    assert User.objects.get(pk=learner.pk).is_active


def test_confirming_by_get_is_refused(client, manager, centre, learner):
    request = ask_erasure(client, learner)
    assert signed_in(client, manager).get(confirm_url(centre, request)).status_code == 405
    assert client.get(export_url(centre, learner, "erasure_request_for")).status_code == 405
    assert User.objects.get(pk=learner.pk).is_active


def test_an_erasure_is_confirmed_once(client, manager, centre, learner):
    request = ask_erasure(client, learner)
    signed_in(client, manager)
    assert client.post(confirm_url(centre, request)).status_code == 302
    assert client.post(confirm_url(centre, request)).status_code == 404
