"""A trainer uploads a .h5p in the Wagtail admin (Snippets › H5P activities): the package is
checked, refused with the reason next to the field (nothing written), or stored and listed with
its content type, size, uploader and the lessons that use it."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import ReferenceIndex
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from courses.models import Enrolment, LessonPage
from h5p.models import H5PPackage
from tests import factories

from . import packages
from .conftest import h5p_steps, storage_files

ADD_URL = "wagtailsnippets_h5p_h5ppackage:add"
INDEX_URL = "wagtailsnippets_h5p_h5ppackage:list"


@pytest.fixture
def trainer_client(client, db):
    """A trainer as the demo and Wagtail set one up: a member of the "Editors" group."""
    user = factories.UserFactory(username="formatrice")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    client.user = user
    return client


def upload(client, data, title=""):
    return client.post(reverse(ADD_URL), {"package_file": packages.upload(data), "title": title})


def test_a_trainer_uploads_a_package(trainer_client):
    response = upload(trainer_client, packages.quiz_package())

    package = H5PPackage.objects.get()
    assert response.status_code == 302
    assert package.title == "Adresse e-mail" and package.uploaded_by == trainer_client.user
    assert any(name.startswith(package.storage_prefix) for name in storage_files())


@pytest.mark.parametrize("kind", ["javascript_in_content", "h5p_json_missing_library", "symlink", "not_a_zip"])
def test_a_refused_package_shows_why_next_to_the_field_and_writes_nothing(trainer_client, kind):
    make, expected = packages.BAD_PACKAGES[kind]
    profile = UserProfile.get_for_user(trainer_client.user)  # the reasons are checked in English here
    profile.preferred_language = "en"
    profile.save()
    before = storage_files()

    response = upload(trainer_client, make())

    assert response.status_code == 200
    errors = response.context["form"].errors["package_file"]
    assert any(expected in error for error in errors)
    assert html.escape(errors[0]) in response.content.decode()
    assert storage_files() == before and not H5PPackage.objects.exists()


def test_the_refusal_is_in_the_trainers_language(trainer_client):
    """Wagtail shows the admin in the trainer's own language; so is the reason of a refusal."""
    profile = UserProfile.get_for_user(trainer_client.user)
    profile.preferred_language = "ar"
    profile.save()
    with translation.override("ar"):
        expected = translation.gettext(
            "This file is not an H5P package (it is not a zip archive). Choose the .h5p file exported "
            "from your H5P editor.")

    response = upload(trainer_client, b"%PDF-1.4")

    assert response.context["LANGUAGE_CODE"] == "ar"
    assert html.escape(expected) in response.content.decode()


def test_the_list_shows_content_type_size_uploader_and_lessons(trainer_client, package, course_page):
    lesson = factories.lesson(course_page, steps=h5p_steps(package), title="Écrire une adresse", slug="ecrire")
    ReferenceIndex.create_or_update_for_object(lesson)

    response = trainer_client.get(reverse(INDEX_URL))

    page = response.content.decode()
    assert "Adresse e-mail" in page and "H5P.PasserelleQuiz 1.0.3" in page
    assert package.uploaded_by.get_username() in page or str(package.uploaded_by) in page
    assert "Écrire une adresse" in page
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in page


def test_a_package_cannot_be_replaced_only_renamed(trainer_client, package):
    edit = reverse("wagtailsnippets_h5p_h5ppackage:edit", args=[package.pk])
    prefix = package.storage_prefix

    response = trainer_client.post(edit, {"title": "Écrire une adresse",
                                          "package_file": packages.upload(packages.probe_package())})

    package.refresh_from_db()
    assert response.status_code == 302
    assert (package.title, package.storage_prefix, package.main_library) == (
        "Écrire une adresse", prefix, "H5P.PasserelleQuiz")


def test_a_trainer_uploads_the_package_adds_it_to_a_lesson_and_learners_play_it(trainer_client, course_page):
    """The whole trainer's path: upload in Snippets › H5P activities, choose it in a lesson's
    steps in the page editor, publish; the learner's lesson page plays it in its sandboxed frame."""
    lesson = factories.lesson(course_page, steps=[("tip", {"kind": "tip", "text": "<p>Une adresse a un @.</p>",
                                                          "image": None, "audio": None})], slug="ecrire")
    publisher = factories.UserFactory(username="coordinatrice")
    publisher.groups.add(Group.objects.get(name="Moderators"))  # Editors submit, Moderators publish

    upload(trainer_client, packages.quiz_package(), title="Remets l'adresse dans l'ordre")
    package = H5PPackage.objects.get()
    trainer_client.force_login(publisher)
    response = trainer_client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), nested_form_data({
        "title": lesson.title, "slug": lesson.slug, "summary": "", "estimated_minutes": "10", "pass_mark": "80",
        "steps": streamfield([("h5p", {"package": package.pk, "required": "on", "pass_threshold": "60"})]),
        "action-publish": "publish",
    }))

    assert response.status_code == 302, response.context and response.context["form"].errors
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course_page)
    learner_client = Client()
    learner_client.force_login(learner)
    page = learner_client.get(LessonPage.objects.get(pk=lesson.pk).url).content.decode()
    frame = re.search(r"<iframe[^>]*data-h5p-frame[^>]*>", page).group(0)
    assert f'src="{reverse("h5p:frame", args=[package.pk])}"' in frame and 'sandbox="allow-scripts"' in frame
    assert 'title="Remets l&#x27;adresse dans l&#x27;ordre"' in frame
    assert "Une adresse a un @." not in page  # the step chosen replaced the lesson's tip
