"""Static and media files as a tablet on a weak network needs them (issue 7.6): renditions kept a
year, originals an hour, static files fingerprinted wherever the site is served, a favicon, and a
messages list that is valid markup."""

import os
import re
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

from courses.models import CoursePage
from courses.rendering import STEP_SPECS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client, db):
    client.force_login(factories.UserFactory())
    return client


def test_renditions_are_kept_a_year_by_the_tablet(learner_client):
    image = factories.make_image("capture", size=(900, 600))
    rendition = image.get_rendition(STEP_SPECS[0])

    response = learner_client.get(rendition.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_original_uploads_are_kept_an_hour(learner_client):
    image = factories.make_image("capture")

    response = learner_client.get(image.file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"


def test_a_missing_media_file_is_not_found(learner_client):
    assert learner_client.get("/media/images/nothing-here.width-480.avif").status_code == 404


def test_a_rendition_name_is_never_used_twice(django_capture_on_commit_callbacks):
    """A replaced original's name can come back; its renditions' names never do."""
    title = f"capture-{uuid.uuid4().hex[:8]}"  # a name no other test's file has
    first = factories.make_image(title)
    first_name, first_url = first.file.name, first.get_rendition(STEP_SPECS[0]).url
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()  # the original and its renditions go, files included
    second = factories.make_image(title)
    assert second.file.name == first_name  # Django gave the freed name again

    assert second.get_rendition(STEP_SPECS[0]).url != first_url


def test_pages_stay_unstored_for_a_signed_in_learner(learner_client):
    factories.course()
    assert "no-store" in learner_client.get("/fr/emails/")["Cache-Control"]


def settings_value(module, expression, **env):
    """A value of lms.settings.<module>, read in a fresh interpreter with the given environment."""
    code = f"import lms.settings.{module} as s; print({expression})"
    environment = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")} | env
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=environment, cwd=settings.BASE_DIR,
        capture_output=True, text=True, check=True,
    ).stdout.strip()


@pytest.mark.parametrize("module,env", [
    ("dev", {}),
    ("production", {"DJANGO_SECRET_KEY": "x" * 50, "REDIS_URL": "redis://localhost:6379/0"}),
])
def test_the_demo_and_production_fingerprint_static_files(module, env):
    backend = settings_value(module, 's.STORAGES["staticfiles"]["BACKEND"]', **env)
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_fingerprinted_static_files_are_served_immutable(tmp_path):
    manifest = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    storages = settings.STORAGES | {"staticfiles": manifest}
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path,
                           STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"]):
        call_command("collectstatic", interactive=False, verbosity=0)
        url = static("css/passerelle.css")
        response = Client().get(url)  # a new client: WhiteNoise reads the collected files

        assert re.fullmatch(r"/static/css/passerelle\.[0-9a-f]{12}\.css", url)
        assert response.status_code == 200
        assert "immutable" in response["Cache-Control"]


def test_every_page_links_a_favicon_that_exists(client):
    factories.course()
    html = client.get("/fr/").content.decode()

    icons = re.findall(r'<link rel="icon" href="/static/([^"]+)"', html)

    assert icons == ["favicon.ico", "favicon.svg"]
    assert all(finders.find(icon) for icon in icons)


def test_favicon_ico_at_the_root_answers(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_messages_are_a_status_region_holding_a_plain_list(client):
    learner = factories.UserFactory()
    course = factories.course()
    lesson = factories.lesson(CoursePage.objects.get(pk=course.pk))
    client.force_login(learner)

    html = client.get(lesson.url, follow=True).content.decode()  # « Press Start to begin this course. »

    region = re.search(r'<div class="messages" role="status"><ul>(.*?)</ul></div>', html, re.S)
    assert region and '<li class="message' in region.group(1)
    assert not re.search(r"<ul[^>]*role=", html)  # a list with a role makes its items orphans
