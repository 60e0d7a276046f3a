"""Lesson, course, catalogue and « Mon parcours » pages stay within the query budget
(DESIGN.md §7: ≤ 8 queries for a lesson page) whatever the number of steps, lessons or courses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.tasks import page_renditions_generate
from tests import factories

pytestmark = pytest.mark.django_db

LESSON_BUDGET = 8


def image_steps(count):
    return [("image", {"image": factories.make_image(f"img{i}", seed=i), "text": f"<p>Étape {i}</p>",
                       "audio": None}) for i in range(count)]


@pytest.fixture
def signed_in(client, course_page):
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course_page)
    client.force_login(learner)
    return learner


@pytest.mark.parametrize("steps", [3, 20])
def test_lesson_page_queries_do_not_grow_with_steps(client, signed_in, course_page, steps,
                                                    django_assert_max_num_queries,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # publishing makes the renditions
        lesson = factories.lesson(course_page, steps=image_steps(steps) + factories.every_kind_steps())
    LessonProgress.objects.create(learner=signed_in, lesson=lesson)
    client.get(lesson.url)  # first learner after publishing: the steps are rendered once
    with django_assert_max_num_queries(LESSON_BUDGET):
        response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("data-step-id=") == steps + 9
    # Each image step shows its AVIF and WebP renditions, none its original.
    assert html.count('type="image/avif"') == steps + 3 and "original_images/" not in html


def test_lesson_page_first_render_is_bounded_by_block_types_not_steps(client, signed_in, course_page):
    small = factories.lesson(course_page, slug="small", steps=image_steps(2))
    big = factories.lesson(course_page, slug="big", steps=image_steps(20))
    warm_up = factories.lesson(course_page, slug="warm-up", steps=image_steps(1))
    client.get(warm_up.url)  # process-wide caches (content types, site) filled once
    counts = []
    for lesson in (small, big):
        page_renditions_generate(lesson.pk)  # what publishing does in the worker
        with CaptureQueriesContext(connection) as queries:
            client.get(lesson.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_course_page_queries_do_not_grow_with_lessons(client, signed_in, course_page, django_assert_max_num_queries):
    for i in range(12):
        lesson = factories.lesson(course_page, slug=f"l{i}", steps=image_steps(1))
        LessonProgress.objects.create(learner=signed_in, lesson=lesson)
    client.get(course_page.url)
    with django_assert_max_num_queries(12):
        response = client.get(course_page.url)
    assert response.content.decode().count("lesson-row ") == 12


def test_catalogue_and_my_path_queries_do_not_grow_with_courses(client, signed_in, django_assert_max_num_queries):
    for i in range(6):
        course = factories.course(title=f"Cours {i}", slug=f"cours-{i}")
        factories.lesson(course, slug="l", steps=image_steps(1))
        Enrolment.objects.create(learner=signed_in, course=course)
    client.get("/fr/")
    with django_assert_max_num_queries(12):
        catalogue = client.get("/fr/")
    with django_assert_max_num_queries(12):
        my_path = client.get(reverse("courses:my_path"))
    assert catalogue.content.decode().count('class="course-card"') == 7
    assert my_path.content.decode().count('class="course-card"') == 7


def test_the_last_lesson_costs_no_more_than_one_with_a_next_lesson(client, signed_in, course_page):
    """« Leçon suivante » is read once per content version, also when there is none (the last lesson)."""
    first = factories.lesson(course_page, slug="first", steps=image_steps(1))
    last = factories.lesson(course_page, slug="last", steps=image_steps(1))
    counts = []
    for lesson in (first, last):
        client.get(lesson.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(lesson.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]
