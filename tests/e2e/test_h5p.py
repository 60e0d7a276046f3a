"""H5P in Chromium, in real lessons (a course's LessonPage served by Wagtail at its own URL, the
learner signed in through the sign-in page): a learner plays the fixture package in a lesson step
(the sandboxed frame, h5p-standalone from npm), answers it, and the lesson's progress records the
score, on the end screen, in the course and in « Mon parcours »; the resume state is stored for
them; signing out right after answering keeps the result, by « Terminer » and by the idle end of a
shared tablet; a hostile package can reach neither the lesson page, nor the learner's cookies, nor
Passerelle as the learner; a broken package shows a clear message."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from courses.constants import ProgressStatus
from courses.models import Answer, Enrolment, LessonProgress
from h5p import demo as h5p_demo
from h5p import services
from h5p.models import H5PResult, H5PUserState
from tests import factories
from tests.h5p import packages
from tests.h5p.conftest import h5p_steps

from .conftest import TIMEOUT_MS
from .helpers import t, tb
from .test_tablet_sign_in import A_NAME, A_PICTURES, sign_in_with_pictures, tablet  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ANSWER = "amina.diallo@exemple.fr"
INTRO = ("tip", {"kind": "tip", "text": "<p>Une adresse a trois parties.</p>", "image": None, "audio": None})


def h5p_package(data):
    trainer = factories.UserFactory(is_staff=True)
    return services.h5p_package_create(uploaded_file=packages.upload(data), by=trainer)


def lesson_with(data, *, required=True, before=()):
    """A learner following a course whose lesson has an H5P step playing the package ``data``
    (after the steps ``before``)."""
    package = h5p_package(data)
    course = factories.course()
    steps = [*before, *h5p_steps(package, required=required)]
    lesson = factories.lesson(course, steps=steps, slug="activite")
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    return learner, package, lesson


def french(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def sign_in(page, user):
    """As a learner does on the sign-in page."""
    page.goto(french("accounts:login"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(french("courses:my_path")) + "$"))


def is_visit(response):
    return "/etapes/" in response.url and response.request.method == "POST"


def open_lesson(page, lesson):
    """The lesson at its Wagtail URL; returns the H5P step's frame."""
    with page.expect_response(is_visit):
        page.goto(lesson.url)
    return page.frame_locator("iframe[data-h5p-frame]")


def is_statement_post(response):
    return response.url.endswith("/h5p/api/statements/") and response.request.method == "POST"


def is_state_post(response):
    return "/h5p/api/state/" in response.url and response.request.method == "POST"


def test_a_learner_plays_an_h5p_step_of_a_lesson_and_the_progress_records_the_score(page):
    learner, _package, lesson = lesson_with(packages.quiz_package(), before=[INTRO])
    sign_in(page, learner)
    frame = open_lesson(page, lesson)
    with page.expect_response(is_visit):
        page.locator("[data-next]").click()  # the activity is the second step

    # The result, then the progress read again for the end screen.
    with page.expect_response(is_statement_post) as posted, page.expect_response(is_visit):
        frame.get_by_role("button", name=ANSWER).click()
    assert posted.value.status == 201
    page.locator("[data-next]").click()  # « Terminer la leçon »

    end = page.locator("[data-end]")
    expect(end.locator("[data-end-score]")).to_have_text(
        t("Your score: %(score)s %% (needed: %(pass)s %%)", "fr", score=100, **{"pass": lesson.pass_mark}))
    expect(end.locator("[data-end-passed]")).to_be_visible()
    progress = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert (progress.status, progress.best_score) == (ProgressStatus.COMPLETED, 1.0)
    answer = Answer.objects.get(learner=learner, step_kind="h5p")
    assert (answer.is_correct, answer.payload) == (True, {"score": 1.0})

    page.locator("[data-end] a").click()  # back to the course: the lesson is done
    expect(page.locator(".lesson-row--completed")).to_contain_text(lesson.title)
    page.goto(french("courses:my_path"))
    expect(page.locator(".course-card__progress")).to_have_text(
        tb("%(done)s of %(total)s lessons done", "fr", done=1, total=1))


def test_a_learner_answers_an_h5p_activity_and_finds_it_again(page):
    learner, package, lesson = lesson_with(packages.quiz_package())
    sign_in(page, learner)
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


def record_result_and_sign_out(page):
    """The order in which the result reached Passerelle and the sign-out left the tablet."""
    events = []
    logout = french("accounts:logout")
    page.on("response", lambda response: events.append("result") if is_statement_post(response) else None)
    page.on("request", lambda request: events.append("sign-out")
            if request.method == "POST" and request.url.endswith(logout) else None)
    return events


def test_signing_out_right_after_answering_keeps_the_result(page):
    learner, _package, lesson = lesson_with(packages.quiz_package())
    sign_in(page, learner)
    frame = open_lesson(page, lesson)
    expect(frame.get_by_role("button", name=ANSWER)).to_be_visible()

    events = record_result_and_sign_out(page)
    frame.get_by_role("button", name=ANSWER).click()
    page.locator("form.end-session button[type=submit]").click()

    expect(page.locator("form.end-session")).to_have_count(0)  # signed out
    assert events == ["result", "sign-out"]  # « Terminer » waited for the result
    expect(page).not_to_have_url(re.compile(re.escape(lesson.url) + "$"))
    assert H5PResult.objects.filter(learner=learner, score_scaled=1.0).count() == 1
    assert H5PUserState.objects.filter(learner=learner).exists()
    assert Answer.objects.filter(learner=learner, is_correct=True).count() == 1


def test_the_idle_end_of_a_tablet_session_right_after_answering_keeps_the_result(page, tablet):  # noqa: F811
    learner = tablet["a"]
    package = h5p_package(packages.quiz_package())
    lesson = factories.lesson(tablet["lesson"].get_parent().specific, steps=h5p_steps(package), slug="activite")
    page.clock.install()  # the tablet's clock, moved forward below instead of waiting
    sign_in_with_pictures(page, A_NAME, A_PICTURES)
    frame = open_lesson(page, lesson)
    expect(frame.get_by_role("button", name=ANSWER)).to_be_visible()

    events = record_result_and_sign_out(page)
    frame.get_by_role("button", name=ANSWER).click()
    page.clock.fast_forward(learner.memberships.get().centre.idle_timeout_minutes * 60_000)

    expect(page.locator("form.end-session")).to_have_count(0)  # the session ended by itself
    assert events == ["result", "sign-out"]  # the idle end waited for the result
    assert H5PResult.objects.filter(learner=learner, score_scaled=1.0).count() == 1
    assert H5PUserState.objects.filter(learner=learner).exists()
    assert Answer.objects.filter(learner=learner, is_correct=True).count() == 1


def test_a_hostile_package_reaches_neither_the_page_nor_the_learner(page):
    learner, package, lesson = lesson_with(packages.probe_package())
    sign_in(page, learner)
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
    assert page.url.endswith(lesson.url)
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


def test_a_package_that_fails_to_load_says_so(page_with_frame_errors):
    page = page_with_frame_errors
    broken = packages.quiz_package(**{f"{packages.QUIZ_LIBRARY}/quiz.js": "throw new Error('broken package');"})
    learner, _package, lesson = lesson_with(broken, required=False)
    sign_in(page, learner)

    open_lesson(page, lesson)

    failed = page.locator("[data-h5p-failed]")
    expect(failed).to_be_visible()
    expect(failed).to_contain_text(t("This activity could not be loaded.", "fr"))
    expect(failed).to_contain_text(t("It is optional: you can go on to the next step.", "fr"))
    expect(page.locator("iframe[data-h5p-frame]")).to_be_hidden()


def test_the_demo_activity_plays_and_a_retry_after_a_mistake_counts(page):
    """The demo's own content type (h5p/demo.py): tap the parts of a reply in order."""
    package = h5p_demo.demo_package_ensure("reponse-a-sophie")
    activity = h5p_demo.DEMO_ACTIVITIES["reponse-a-sophie"]
    course = factories.course()
    lesson = factories.lesson(course, steps=h5p_steps(package, pass_threshold=100), slug="repondre")
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    sign_in(page, learner)
    frame = open_lesson(page, lesson)

    def tap(tiles):
        for index, tile in enumerate(tiles):
            button = frame.get_by_role("button", name=tile, exact=True)
            if index < len(tiles) - 1:
                button.click()
                continue
            with page.expect_response(is_statement_post) as posted:
                button.click()
            assert posted.value.status == 201

    tap([activity.tiles[i] for i in (1, 0, 2, 3, 4)])  # « Merci » before « Bonjour »
    expect(frame.get_by_role("status")).to_have_text(activity.wrong)
    assert not Answer.objects.get(learner=learner).is_correct
    frame.get_by_role("button", name=activity.retry).click()
    tap(activity.tiles)

    expect(frame.get_by_role("status")).to_have_text(activity.right)
    expect(frame.get_by_role("listitem")).to_have_text(list(activity.tiles))
    scores = sorted(H5PResult.objects.filter(learner=learner).values_list("score_scaled", flat=True))
    assert scores == [0.6, 1.0]
    assert Answer.objects.get(learner=learner).is_correct
