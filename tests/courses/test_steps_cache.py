"""The cached steps of a lesson never show what no longer exists (issue 7.1): an image replaced in
the admin, its description changed, an audio file replaced; a site or a language of its own; and
renditions that are never made while a learner waits."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses.models import Enrolment
from courses.rendering import STEP_SPECS
from courses.tasks import page_renditions_generate
from tests import factories

pytestmark = pytest.mark.django_db
Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def learner(client, course_page):
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course_page)
    client.force_login(learner)
    return client


@pytest.fixture
def trainer(db):
    from django.test import Client

    trainer_client = Client()
    trainer_client.force_login(factories.UserFactory(is_superuser=True))
    return trainer_client


def media_urls(html):
    return set(re.findall(r"/media/[^\s\"',]+", html))


def png(colour, size=(640, 480)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def image_lesson(course_page, capture, image):
    with capture(execute=True):  # publishing: the renditions are made (by the worker in production)
        return factories.lesson(course_page, steps=factories.every_kind_steps(image))


def replace_file_in_admin(trainer_client, image, capture):
    with capture(execute=True):
        response = trainer_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "collection": image.collection_id,
             "file": SimpleUploadedFile("capture.png", png("red"))},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()


def test_replacing_an_image_file_shows_the_new_renditions_and_no_broken_url(
        learner, trainer, course_page, django_capture_on_commit_callbacks):
    image = factories.make_image("capture", size=(900, 600), seed=1)
    lesson = image_lesson(course_page, django_capture_on_commit_callbacks, image)
    before = media_urls(learner.get(lesson.url).content.decode())
    assert before and all(learner.get(url).status_code == 200 for url in before)

    replace_file_in_admin(trainer, image, django_capture_on_commit_callbacks)

    html = learner.get(lesson.url).content.decode()
    after = media_urls(html)
    assert not after & before  # the old renditions were deleted by Wagtail: none is shown
    assert all(learner.get(url).status_code == 200 for url in after), after
    new = Rendition.objects.filter(image=image, filter_spec__in=STEP_SPECS)
    assert {r.filter_spec for r in new} == set(STEP_SPECS)  # made again, as on publish
    assert all(r.url in html for r in new)
    assert "original_images/" not in html


def test_a_new_description_of_an_image_is_its_new_alternative_text(
        learner, course_page, django_capture_on_commit_callbacks):
    image = factories.make_image("capture", seed=2)
    lesson = image_lesson(course_page, django_capture_on_commit_callbacks, image)
    assert 'alt="capture"' in learner.get(lesson.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        image.description = "La boîte de réception"
        image.save()

    assert 'alt="La boîte de réception"' in learner.get(lesson.url).content.decode()


def test_replacing_an_audio_file_links_the_new_one(learner, course_page, django_capture_on_commit_callbacks):
    audio = get_document_model().objects.create(title="son", file=ContentFile(b"ID3 first", name="etape1.mp3"))
    step = {"image": factories.make_image("capture"), "text": "<p>Écoute.</p>", "audio": audio}
    with django_capture_on_commit_callbacks(execute=True):
        lesson = factories.lesson(course_page, steps=[("image", step)])
    assert audio.url in learner.get(lesson.url).content.decode()
    old_url = audio.url

    with django_capture_on_commit_callbacks(execute=True):
        audio.file = ContentFile(b"ID3 second", name="etape1-nouveau.mp3")
        audio.save()

    html = learner.get(lesson.url).content.decode()
    assert audio.url in html and old_url not in html


def test_each_language_gets_the_steps_in_its_own_language(learner, course_page, django_capture_on_commit_callbacks):
    lesson = image_lesson(course_page, django_capture_on_commit_callbacks, factories.make_image("capture"))
    french = learner.get(lesson.url).content.decode()
    english = learner.get(lesson.url.replace("/fr/", "/en/", 1)).content.decode()

    assert 'aria-label="Move up"' in english
    assert 'aria-label="Move up"' not in french


def rendered_steps(client, url, **extra):
    """True if the steps were rendered for this request (not read from the cache)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **extra).status_code == 200
    return any("wagtailimages_rendition" in q["sql"] for q in queries)


def test_another_site_gets_its_own_steps(learner, course_page, django_capture_on_commit_callbacks):
    lesson = image_lesson(course_page, django_capture_on_commit_callbacks, factories.make_image("capture"))
    assert rendered_steps(learner, lesson.url)
    assert not rendered_steps(learner, lesson.url)
    assert rendered_steps(learner, lesson.url, HTTP_HOST="centre-b.example")


def test_missing_renditions_are_never_made_during_a_request(learner, course_page):
    image = factories.make_image("capture", size=(900, 600), seed=3)
    lesson = factories.lesson(course_page, steps=factories.every_kind_steps(image))  # worker not run yet
    Rendition.objects.all().delete()

    with CaptureQueriesContext(connection) as queries:
        html = learner.get(lesson.url).content.decode()

    assert not any(q["sql"].startswith("INSERT") and "rendition" in q["sql"] for q in queries)
    assert not Rendition.objects.exists()
    originals = media_urls(html)
    assert originals and all("original_images/" in url for url in originals)
    assert all(learner.get(url).status_code == 200 for url in originals)  # the original, not a hole

    page_renditions_generate(lesson.pk)  # the worker catches up

    html = learner.get(lesson.url).content.decode()  # shown at once, not after the cache expires
    assert "original_images/" not in html
    assert all(r.url in html for r in Rendition.objects.filter(image=image, filter_spec__in=STEP_SPECS))
