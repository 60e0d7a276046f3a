"""A trainer uploads a .h5p in the Wagtail admin (Snippets › H5P activities): the package is
checked, refused with the reason next to the field (nothing written), or stored and listed with
its content type, size, uploader and the lessons that use it."""

import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import ReferenceIndex
from wagtail.users.models import UserProfile

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
