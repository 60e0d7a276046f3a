"""Renditions are made when a page is published, so no learner waits for an image to be resized."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.rendering import CHOICE_SPECS, COVER_SPECS, STEP_SPECS
from tests import factories

pytestmark = pytest.mark.django_db


def rendition_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_publishing_a_lesson_generates_its_renditions(course_page, django_capture_on_commit_callbacks):
    image = factories.make_image("step", seed=7)
    steps = factories.every_kind_steps(image=image)
    with django_capture_on_commit_callbacks(execute=True):
        factories.lesson(course_page, steps=steps)
    assert set(STEP_SPECS) <= rendition_specs(image)


def test_publishing_a_course_generates_its_cover_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        course = factories.course()
    assert set(COVER_SPECS) <= rendition_specs(course.cover)


def test_choice_images_get_choice_sized_renditions(course_page, django_capture_on_commit_callbacks):
    picture = factories.make_image("choice", seed=3)
    question = {"prompt": "<p>Laquelle ?</p>", "image": None, "audio": None, "competence": None,
                "feedback_correct": "Oui", "feedback_wrong": "Non",
                "choices": [{"text": "", "image": picture, "is_correct": True},
                            {"text": "Non", "image": None, "is_correct": False}]}
    with django_capture_on_commit_callbacks(execute=True):
        factories.lesson(course_page, steps=[("single_choice", question)])
    assert set(CHOICE_SPECS) <= rendition_specs(picture)


@pytest.fixture
def trainer_client(client):
    trainer = factories.UserFactory(is_superuser=True)
    client.force_login(trainer)
    return client


def png_bytes(size):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content", [
    ("notes.txt", b"not an image at all"),
    ("fake.png", b"\x89PNG but not really"),
    ("huge.png", png_bytes((8000, 6000))),
])
def test_bad_image_uploads_are_refused_and_nothing_is_saved(trainer_client, settings, name, content):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 20_000_000
    response = trainer_client.post(
        reverse("wagtailimages:add"),
        {"title": "test", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]  # shown next to the field, in the trainer's language
    assert not get_image_model().objects.exists()


def test_oversized_image_upload_is_refused(trainer_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = trainer_client.post(
        reverse("wagtailimages:add"),
        {"title": "big", "file": SimpleUploadedFile("big.png", png_bytes((400, 400))), "collection": 1},
    )
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_pictures_are_wagtails_own_with_the_specs_defined_once(django_capture_on_commit_callbacks):
    from django.template import Context, Template

    image = factories.make_image("step", size=(1200, 900), seed=5)
    image.get_renditions(*STEP_SPECS)  # what the worker does when a lesson is published
    wagtail = Template(
        "{% load wagtailimages_tags %}"
        '{% picture image width-{480,800,1024} format-{avif,webp} sizes="(min-width: 1100px) 1024px, 100vw" '
        'decoding="async" loading="lazy" alt="Une capture" %}'
    ).render(Context({"image": image}))
    ours = Template('{% load passerelle_images %}{% prepared_picture image "step" alt="Une capture" %}').render(
        Context({"image": image})
    )
    assert ours == wagtail
    assert ours.startswith('<picture><source sizes="(min-width: 1100px) 1024px, 100vw" srcset="')
    assert 'type="image/avif"' in ours and ours.count(" 1024w") == 2


def test_a_lesson_loads_its_first_image_at_once_and_the_others_lazily(
        client, course_page, django_capture_on_commit_callbacks):
    from courses.models import Enrolment

    steps = [("image", {"image": factories.make_image(f"i{i}", seed=i), "text": "<p>Étape</p>", "audio": None})
             for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        lesson = factories.lesson(course_page, steps=steps)
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course_page)
    client.force_login(learner)

    html = client.get(lesson.url).content.decode()

    assert html.count("<picture>") == 3 and html.count('type="image/avif"') == 3
    assert html.count('loading="lazy"') == 2
    first = html.split("<picture>")[1].split("</picture>")[0]
    assert 'loading="lazy"' not in first


def test_the_renditions_task_asked_for_by_name_exists():
    """The steps cache asks the worker for missing renditions by task name: a renamed task would
    leave learners with original images for good."""
    from courses.rendering import RENDITIONS_TASK
    from lms.celery import app

    app.loader.import_default_modules()
    assert RENDITIONS_TASK in app.tasks


READ_UNCOMMITTED = "tests.courses.read_uncommitted"


def _sqlite_readers_do_not_wait():
    """SQLite's shared in-memory test database locks a table for every reader while another
    connection writes it and fails at once (« database table is locked ») instead of waiting. The
    background thread reads pages while the request logs its publication: let readers read."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def read_uncommitted(connection, **kwargs):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA read_uncommitted = true")

    connection_created.connect(read_uncommitted, weak=False, dispatch_uid=READ_UNCOMMITTED)
    connection.ensure_connection()
    read_uncommitted(connection)


@pytest.fixture
def committed_tree(transactional_db):
    """Committed rows (the background thread reads them), and Wagtail's roots back if an earlier
    transactional test flushed the ones the migrations made."""
    from django.db import connection
    from django.db.backends.signals import connection_created
    from wagtail.models import Collection, Locale, Page

    _sqlite_readers_do_not_wait()
    try:
        Locale.objects.get_or_create(language_code="fr")
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root"))
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        yield
    finally:
        connection_created.disconnect(dispatch_uid=READ_UNCOMMITTED)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA read_uncommitted = false")


def test_embedded_mode_makes_the_renditions_after_the_publish_request(committed_tree, client, settings):
    """No Redis (tasks eager): the trainer's publish request hands the renditions to a background
    thread and returns; the learner's lesson shows the originals until they exist, then the renditions."""
    from courses.models import LessonPage
    from courses.tasks import background_runs_wait

    settings.CELERY_TASK_ALWAYS_EAGER = True
    course = factories.course()
    lesson = factories.lesson(course, steps=[("tip", {"kind": "tip", "text": "<p>Le @.</p>",
                                                      "image": None, "audio": None})], slug="photo")
    image = factories.make_image("step", seed=11)
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    # Threads only from here: the set-up above must not race background runs of its own publishes.
    settings.PASSERELLE_EAGER_TASKS_IN_THREAD = True
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), nested_form_data({
        "title": lesson.title, "slug": lesson.slug, "summary": "", "estimated_minutes": "10", "pass_mark": "80",
        "steps": streamfield([("image", {
            "image": {"image": image.pk, "alt_text": "Une photo", "decorative": ""},
            "text": rich_text("<p>Regarde.</p>", features=["bold"]), "audio": "",
        })]),
        "action-publish": "publish",
    }))
    assert response.status_code == 302
    published = LessonPage.objects.get(pk=lesson.pk)
    assert published.live and published.live_revision_id == published.latest_revision_id
    assert background_runs_wait(60) == 1  # handed to a thread by the request, not made in it
    assert set(STEP_SPECS) <= rendition_specs(image)
