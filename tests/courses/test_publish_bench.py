"""bench/publish_lesson.py times the editor's publish request: it must post a form the editor accepts,
or it times an error page (it did, once the step pictures gained their alt text)."""

import pytest

from courses.models import LessonPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_publish_benchmark_publishes_the_lesson_it_times(client):
    from bench.publish_lesson import publish_post

    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    picture = factories.make_image("banc")
    publish_post(client, factories.course(), "banc", [picture])
    lesson = LessonPage.objects.get(slug="banc")
    (step,) = lesson.steps
    assert lesson.live and step.value["image"].pk == picture.pk and step.value["image"].contextual_alt_text == "Photo 1"
