"""H5P in Chromium: a learner plays the fixture package inside a lesson step (the sandboxed frame,
h5p-standalone from npm), answers it, and the result and resume state are stored for them; signing
out right after answering keeps the result; a hostile package can reach neither the lesson page,
nor the learner's cookies, nor Passerelle as the learner; a broken package shows a clear message."""

import json
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from courses.models import Enrolment
from h5p import services
from h5p.models import H5PResult, H5PUserState
from tests import factories
from tests.h5p import packages
from tests.h5p.conftest import add_h5p_step_to_lessons, h5p_steps

from .conftest import TIMEOUT_MS
from .helpers import t

pytestmark = [
    pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("tests.e2e.h5p_urls"),
]
ANSWER = "amina.diallo@exemple.fr"


@pytest.fixture(autouse=True)
def h5p_step_in_lessons():
    undo = add_h5p_step_to_lessons()
    yield
    undo()


def lesson_with(data, *, required=True):
    """A learner following a course whose lesson has one H5P step playing the package ``data``."""
    trainer = factories.UserFactory(is_staff=True)
    package = services.h5p_package_create(uploaded_file=packages.upload(data), by=trainer)
    course = factories.course()
    lesson = factories.lesson(course, steps=h5p_steps(package, required=required), slug="activite")
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    return learner, package, lesson


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
         "url": live_server.url, "httpOnly": True, "sameSite": "Lax"},
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "fr", "url": live_server.url, "sameSite": "Lax"},
    ])


def open_lesson(page, lesson):
    page.goto(f"/test-h5p/{lesson.pk}/")
    return page.frame_locator("iframe[data-h5p-frame]")


def is_statement_post(response):
    return response.url.endswith("/h5p/api/statements/") and response.request.method == "POST"


def is_state_post(response):
    return "/h5p/api/state/" in response.url and response.request.method == "POST"


def test_a_learner_answers_an_h5p_activity_and_finds_it_again(page, live_server):
    learner, package, lesson = lesson_with(packages.quiz_package())
    sign_in(page, live_server, learner)
    frame = open_lesson(page, lesson)

    with page.expect_response(is_statement_post) as posted, page.expect_response(is_state_post):
        frame.get_by_role("button", name=ANSWER).click()

    assert posted.value.status == 201
    result = H5PResult.objects.get()
    assert (result.learner, result.package, result.score_scaled, result.success) == (learner, package, 1.0, True)
    assert json.loads(H5PUserState.objects.get(learner=learner).data) == {"chosen": 0}

    open_lesson(page, lesson)  # back to the lesson: the activity opens where they left it
    expect(page.frame_locator("iframe[data-h5p-frame]").get_by_role("button", name=ANSWER)).to_have_attribute(
        "aria-pressed", "true")


def test_signing_out_right_after_answering_keeps_the_result(page, live_server):
    learner, _package, lesson = lesson_with(packages.quiz_package())
    sign_in(page, live_server, learner)
    frame = open_lesson(page, lesson)
    expect(frame.get_by_role("button", name=ANSWER)).to_be_visible()

    frame.get_by_role("button", name=ANSWER).click()
    page.locator("form.end-session button[type=submit]").click()

    expect(page).not_to_have_url(re.compile(r"/test-h5p/"))
    assert H5PResult.objects.filter(learner=learner, score_scaled=1.0).count() == 1
    assert H5PUserState.objects.filter(learner=learner).exists()


def test_a_hostile_package_reaches_neither_the_page_nor_the_learner(page, live_server):
    learner, package, lesson = lesson_with(packages.probe_package())
    sign_in(page, live_server, learner)
    frame_requests = []
    page.on("request", lambda request: frame_requests.append(request) if request.frame != page.main_frame else None)

    open_lesson(page, lesson)
    probe = page.frame_locator("iframe[data-h5p-frame]").locator("body[data-probe]")
    expect(probe).to_have_count(1)
    found = json.loads(probe.get_attribute("data-probe"))

    assert found["parentDocument"] == "blocked"
    assert found["topDocument"] == "blocked"
    assert found["cookie"] == "blocked"
    assert found["topNavigation"] == "blocked"
    assert found["postStatement"] == "blocked"  # the frame's policy lets it reach its own files only
    assert found["fetchOwnFile"] == "blocked"  # with credentials, even its own files are refused to it
    assert page.url.endswith(f"/test-h5p/{lesson.pk}/")
    # Requests made from inside the frame (its files, the player) never carry the learner's session.
    from_frame = [r for r in frame_requests if f"/h5p/{package.pk}/frame/" not in r.url]
    assert from_frame and all("cookie" not in request.all_headers() for request in from_frame)
    assert not H5PResult.objects.exists()


@pytest.fixture
def page_with_frame_errors(browser, live_server):
    """A page whose frames may throw (a broken package does): their errors are expected here."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_a_package_that_fails_to_load_says_so(page_with_frame_errors, live_server):
    page = page_with_frame_errors
    broken = packages.quiz_package(**{f"{packages.QUIZ_LIBRARY}/quiz.js": "throw new Error('broken package');"})
    learner, _package, lesson = lesson_with(broken, required=False)
    sign_in(page, live_server, learner)

    open_lesson(page, lesson)

    failed = page.locator("[data-h5p-failed]")
    expect(failed).to_be_visible()
    expect(failed).to_contain_text(t("This activity could not be loaded.", "fr"))
    expect(failed).to_contain_text(t("It is optional: you can go on to the next step.", "fr"))
    expect(page.locator("iframe[data-h5p-frame]")).to_be_hidden()
