"""Routing stays Wagtail's (issue 7.2): a remembered URL answers exactly as Wagtail would after the
tree or the site changes: move, rename, unpublish, delete, a new site root, a page type that
routes by itself. Each change is made with its on-commit callbacks run (as in production) and,
to show that the check on every request does not rely on them, with the callbacks dropped."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from core.content_version import content_version_bump
from courses.models import CatalogueIndexPage, CoursePage, Enrolment
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[True, False], ids=["on-commit run", "on-commit dropped"])
def tree_change(request, django_capture_on_commit_callbacks):
    """A context manager for a change of the tree: its on-commit callbacks run or not."""
    return lambda: django_capture_on_commit_callbacks(execute=request.param)


@pytest.fixture
def learner_client(client, db):
    learner = factories.UserFactory()
    client.force_login(learner)
    client.learner = learner
    return client


def answer(response):
    if response.status_code in (301, 302):
        return f"{response.status_code} {response['Location']}"
    return response.status_code


def answers(client, *urls):
    return {url: answer(client.get(url)) for url in urls}


def wagtail_answers(client, *urls):
    """What Wagtail answers with nothing remembered."""
    cache.clear()
    client.force_login(client.learner)
    return answers(client, *urls)


def check(client, expected):
    """The answers with routes remembered are as expected, and the same as Wagtail's own.
    An expected value may be a set: a moved page's old URL answers 404, or redirects to the new
    URL once Wagtail's redirects app has recorded the move."""
    urls = list(expected)
    remembered = answers(client, *urls)
    for url, allowed in expected.items():
        assert remembered[url] in (allowed if isinstance(allowed, set) else {allowed}), url
    assert wagtail_answers(client, *urls) == remembered


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_remembered_url_skips_wagtails_walk_down_the_tree(learner_client):
    course = factories.course()
    Enrolment.objects.create(learner=learner_client.learner, course=course)
    factories.lesson(course)
    learner_client.get("/fr/emails/adresse/")
    remembered = queries_for(learner_client, "/fr/emails/adresse/")

    content_version_bump()  # nothing remembered any more: Wagtail walks the tree
    walked = queries_for(learner_client, "/fr/emails/adresse/")

    assert remembered < walked


def test_renamed_course_answers_at_its_new_url_only(learner_client, tree_change):
    course = factories.course()
    assert answers(learner_client, "/fr/emails/") == {"/fr/emails/": 200}

    with tree_change():
        course.slug = "courriels"
        course.save_revision().publish()

    check(learner_client, {"/fr/emails/": {404, "301 /fr/courriels/"}, "/fr/courriels/": 200})


def test_moved_lesson_answers_at_its_new_url_only(learner_client, tree_change):
    emails = factories.course()
    caf = factories.course(title="La CAF", slug="caf")
    for course in (emails, caf):
        Enrolment.objects.create(learner=learner_client.learner, course=course)
    lesson = factories.lesson(emails)
    assert answers(learner_client, "/fr/emails/adresse/") == {"/fr/emails/adresse/": 200}

    with tree_change():
        Page.objects.get(pk=lesson.pk).move(caf, pos="last-child")

    check(learner_client, {"/fr/emails/adresse/": {404, "301 /fr/caf/adresse/"}, "/fr/caf/adresse/": 200})


def test_unpublished_course_is_not_found(learner_client, tree_change):
    course = factories.course()
    assert answers(learner_client, "/fr/emails/") == {"/fr/emails/": 200}

    with tree_change():
        course.unpublish()

    check(learner_client, {"/fr/emails/": 404})


def test_deleted_course_is_not_found(learner_client, tree_change):
    course = factories.course()
    assert answers(learner_client, "/fr/emails/") == {"/fr/emails/": 200}

    with tree_change():
        course.delete()

    check(learner_client, {"/fr/emails/": 404})


def test_a_new_site_root_leaves_the_old_tree_unreachable(learner_client, tree_change):
    factories.course()
    assert answers(learner_client, "/fr/", "/fr/emails/") == {"/fr/": 200, "/fr/emails/": 200}
    new_root = CatalogueIndexPage(title="Nouveau catalogue", slug="nouveau",
                                  locale=Locale.objects.get(language_code="fr"))
    Page.get_first_root_node().add_child(instance=new_root)
    factories.course(parent=new_root, title="La CAF", slug="caf")

    with tree_change():
        site = Site.objects.get(is_default_site=True)
        site.root_page = new_root
        site.save()

    check(learner_client, {"/fr/": 200, "/fr/emails/": 404, "/fr/caf/": 200})


def test_a_page_type_that_routes_by_itself_is_asked_every_time(learner_client, monkeypatch):
    factories.course()
    factories.course(title="La CAF", slug="caf")
    assert answers(learner_client, "/fr/emails/", "/fr/caf/") == {"/fr/emails/": 200, "/fr/caf/": 200}

    def route(self, request, path_components):  # e.g. a catalogue that hides a course for now
        if path_components[:1] == ["emails"]:
            raise Http404
        return Page.route(self, request, path_components)

    monkeypatch.setattr(CatalogueIndexPage, "route", route)

    check(learner_client, {"/fr/emails/": 404, "/fr/caf/": 200})


def test_a_url_remembered_in_one_language_is_not_served_in_another(learner_client):
    factories.course()
    assert answers(learner_client, "/fr/emails/") == {"/fr/emails/": 200}
    # No English catalogue: Wagtail serves the French tree under /en/ too, and so do we.
    check(learner_client, {"/en/emails/": 200, "/fr/emails/": 200, "/en/nothing/": 404})


def test_an_unknown_host_of_another_site_is_routed_by_wagtail(learner_client, client):
    course = factories.course()
    other_root = CatalogueIndexPage(title="Autre centre", slug="autre",
                                    locale=Locale.objects.get(language_code="fr"))
    Page.get_first_root_node().add_child(instance=other_root)
    Site.objects.create(hostname="autre.example", port=80, root_page=other_root)
    assert learner_client.get("/fr/emails/").status_code == 200

    other = learner_client.get("/fr/emails/", HTTP_HOST="autre.example")

    assert other.status_code == 404
    assert CoursePage.objects.get(pk=course.pk).live
