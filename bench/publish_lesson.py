"""Publishing benchmark (issue 14, item 6): a trainer publishes a lesson of 20 image steps (distinct
1600×1200 photo-like images, no renditions yet) from the admin, in the embedded mode (no Redis, Celery
tasks eager). Prints the publish request's time with the renditions made in the request (as before)
and handed to a background thread (now), and how long the thread took to make them.

Run: .venv/bin/python -m bench.publish_lesson   (uses a throwaway SQLite database)"""

import io
import time

from bench._setup import django_setup

STEPS = 20


def images(offset):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from bench.lesson_page import photo_like

    made = []
    for i in range(STEPS):
        buffer = io.BytesIO()
        photo_like(offset + i).save(buffer, "JPEG", quality=90)
        made.append(get_image_model().objects.create(title=f"photo {offset + i}",
                                                     file=ImageFile(buffer, name=f"photo{offset + i}.jpg")))
    return made


def publish_post(client, course, slug, pictures):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from courses.models import LessonPage

    steps = [("image", {"image": {"image": p.pk, "alt_text": f"Photo {i + 1}", "decorative": ""},
                        "text": rich_text(f"<p>Étape {i + 1}</p>", features=["bold"]), "audio": ""})
             for i, p in enumerate(pictures)]
    data = nested_form_data({"title": f"Leçon {slug}", "slug": slug, "summary": "", "estimated_minutes": "10",
                             "pass_mark": "80", "steps": streamfield(steps), "action-publish": "publish"})
    url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", course.pk))
    started = time.perf_counter()
    response = client.post(url, data)
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, f"the lesson was not published (HTTP {response.status_code})"
    assert LessonPage.objects.get(slug=slug).live
    return elapsed


def main():
    django_setup("publish")
    from django.conf import settings
    from django.test import Client

    from courses.rendering import STEP_SPECS
    from courses.tasks import background_runs_wait
    from tests import factories

    assert settings.CELERY_TASK_ALWAYS_EAGER, "run without REDIS_URL: the embedded mode"
    course = factories.course()
    background_runs_wait()
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))

    settings.PASSERELLE_EAGER_TASKS_IN_THREAD = False
    before = images(0)
    in_request = publish_post(client, course, "dans-la-requete", before)

    settings.PASSERELLE_EAGER_TASKS_IN_THREAD = True
    after = images(100)
    handed_over = publish_post(client, course, "en-arriere-plan", after)
    started = time.perf_counter()
    background_runs_wait()
    background = time.perf_counter() - started + handed_over
    made = sum(image.renditions.filter(filter_spec__in=STEP_SPECS).count() for image in after)

    print(f"lesson of {STEPS} image steps, {len(STEP_SPECS)} renditions each, embedded mode (eager tasks)")
    print(f"publish request, renditions made in the request: {in_request:.2f} s")
    print(f"publish request, renditions handed to a thread:  {handed_over:.2f} s")
    print(f"renditions ready after the publish (thread):     {background:.2f} s ({made} made)")


if __name__ == "__main__":
    main()
