"""Publishing a lesson has a real Celery worker generate its image renditions ahead, so that no
learner's request ever waits for an image to be resized."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from courses.models import Enrolment
from courses.rendering import COVER_SPECS, STEP_SPECS
from courses.tasks import page_renditions_generate
from lms.celery import app as celery_app
from tests import factories
from tests.workers import worker_start, worker_stop

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TASK_TIMEOUT = 60
Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real worker process on the test database, the test Redis and the test MEDIA_ROOT."""
    celery_app.control.purge()
    log = tmp_path / "worker.log"
    process = worker_start(log)
    try:
        yield process
    finally:
        worker_stop(process)
        print(log.read_text()[-4000:])


def _renditions(image, specs):
    return set(Rendition.objects.filter(image=image, filter_spec__in=specs).values_list("filter_spec", flat=True))


def _wait_for_renditions(image, specs):
    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline:
        if _renditions(image, specs) == set(specs):
            return
        time.sleep(0.2)
    pytest.fail(f"renditions missing after {TASK_TIMEOUT} s: {set(specs) - _renditions(image, specs)}")


def test_publishing_a_lesson_generates_its_renditions_in_the_worker(celery_worker, client):
    image = factories.make_image("screenshot", size=(1200, 900), seed=7)
    course = factories.course()
    assert not _renditions(image, STEP_SPECS)

    lesson = factories.lesson(course, steps=factories.every_kind_steps(image))

    _wait_for_renditions(image, STEP_SPECS)
    _wait_for_renditions(course.cover, COVER_SPECS)
    for rendition in Rendition.objects.filter(image=image):
        assert rendition.file.storage.exists(rendition.file.name), rendition.file.name

    # Running the task again (a redelivery after a crash) reuses what exists.
    count = Rendition.objects.count()
    result = page_renditions_generate.delay(lesson.pk)
    assert result.get(timeout=TASK_TIMEOUT) >= len(STEP_SPECS)
    assert Rendition.objects.count() == count

    # A learner's request finds every rendition ready: it writes none.
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    client.force_login(learner)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert Rendition.objects.count() == count
    writes = [q["sql"] for q in queries if "rendition" in q["sql"].lower() and q["sql"].startswith("INSERT")]
    assert not writes
    html = response.content.decode()
    for rendition in Rendition.objects.filter(image=image, filter_spec__in=STEP_SPECS):
        assert rendition.url in html


def test_replacing_an_image_file_has_the_worker_make_its_new_renditions(celery_worker, client):
    """A trainer replaces a screenshot in the admin: Wagtail deletes its renditions, the worker
    makes the new ones, and the lesson shows them (never a deleted one)."""
    import io
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse
    from PIL import Image as PILImage

    image = factories.make_image("capture", size=(1200, 900), seed=8)
    course = factories.course()
    lesson = factories.lesson(course, steps=factories.every_kind_steps(image))
    _wait_for_renditions(image, STEP_SPECS)
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    client.force_login(learner)
    old_urls = set(re.findall(r"/media/images/[^\s\"',]+", client.get(lesson.url).content.decode()))
    assert old_urls

    trainer = Client()
    trainer.force_login(factories.UserFactory(is_superuser=True))
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 700), "red").save(buffer, "PNG")
    response = trainer.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": image.title, "collection": image.collection_id,
         "file": SimpleUploadedFile("capture.png", buffer.getvalue())},
    )
    assert response.status_code == 302

    _wait_for_renditions(image, STEP_SPECS)
    html = client.get(lesson.url).content.decode()
    urls = set(re.findall(r"/media/images/[^\s\"',]+", html))
    assert urls and not urls & old_urls
    for rendition in Rendition.objects.filter(image=image, filter_spec__in=STEP_SPECS):
        assert rendition.url in html
        assert rendition.file.storage.exists(rendition.file.name), rendition.file.name
    assert all(client.get(url).status_code == 200 for url in urls)
