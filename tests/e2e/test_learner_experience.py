"""The lesson as a person who reads little uses it (issue 13), in Chromium, in French and Arabic, at the
sizes of a landscape tablet, a portrait tablet and a phone: nothing overflows its box, and « Écouter »
says so when the tablet has no voice instead of staying silent."""

import re

import pytest
from playwright.sync_api import expect

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres import services as centres_services
from courses.models import Enrolment
from tests import factories

from .helpers import OVERFLOWS, check_accessibility, screenshot, t, tablet_enrol
from .test_lesson_walk import KINDS, Walk, published_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = [(1024, 768), (800, 1280), (390, 844)]

def sign_in_to(page, course):
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    page.context.clear_cookies()
    page.goto("/fr/connexion/")
    page.locator("#id_username").fill(learner.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_no_label_button_or_bar_overflows_at_tablet_and_phone_sizes(page, language):
    """Every step answered (the feedback shown) at each size, by a learner who starts there."""
    course, lesson = published_lesson(language)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        sign_in_to(page, course)
        page.goto(lesson.url)
        walk = Walk(page, language)
        for number, kind in enumerate(KINDS, start=1):
            walk.expect_step(number)
            walk.answer(kind, right=True)
            problems = page.evaluate(OVERFLOWS)
            assert not problems, f"{language} {width}x{height} step {number} ({kind}): {problems}"
            if width == 390 and kind in ("single_choice", "ordering"):
                screenshot(page, f"{language}-{kind}-390x844")
            page.locator("[data-next]").click()


def test_listen_says_when_the_tablet_has_no_voice(page):
    course, lesson = published_lesson("fr")
    sign_in_to(page, course)
    page.goto(lesson.url)
    voices = page.evaluate("() => window.speechSynthesis ? speechSynthesis.getVoices().length : 0")
    if voices:
        pytest.skip("this Chromium has voices: the no-voice state cannot be seen here")
    page.locator("[data-listen]").click()
    expect(page.locator("[data-error]")).to_have_text(
        t("This tablet has no voice for this language, and this step has no recording.", "fr"))


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_error_pages_and_a_revoked_tablet_speak_the_learners_language(page, live_server, language):
    page.goto(f"/{language}/cette-page-n-existe-pas/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator("h1")).to_have_text(t("This page does not exist.", language))
    check_accessibility(page, f"the 404 page in {language}", strict=True)
    screenshot(page, f"{language}-404-1024x768")

    device = tablet_enrol(page, live_server.url, centre=factories.CentreFactory(), name="Tablette")
    centres_services.device_revoke(device=device)
    page.goto(f"/{language}/tablette/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(t("You cannot open this page.", language))
    expect(page.get_by_role("link", name=t("Back to the start", language))).to_be_visible()
    check_accessibility(page, f"the page of a revoked tablet in {language}", strict=True)
    screenshot(page, f"{language}-revoked-tablet-1024x768")


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (800, 1280), (390, 844)])
def test_a_slip_then_a_second_try_then_the_next_lesson(page, width, height):
    """One question wrong, tried again rightly: the first-try score, the pictorial end screen, and
    « Leçon suivante » to the next lesson of the course."""
    course, lesson = published_lesson("fr")
    type(lesson).objects.filter(pk=lesson.pk).update(pass_mark=80)  # 5 of 6 first tries right: passed
    following = factories.lesson(course, title="Envoyer un e-mail", slug="envoyer")
    page.set_viewport_size({"width": width, "height": height})
    sign_in_to(page, course)
    page.goto(lesson.url)
    walk = Walk(page, "fr")
    for number, kind in enumerate(KINDS, start=1):
        walk.expect_step(number)
        if kind == "true_false":
            walk.answer(kind, right=False)
        walk.answer(kind, right=True)
        if number < len(KINDS):
            walk.next()
    end = walk.finish()
    expect(end.locator("[data-end-score]")).to_have_text(
        t("Your score: %(score)s %% (needed: %(pass)s %%)", "fr", score=83, **{"pass": 80}))
    expect(end.locator("[data-end-passed]")).to_be_visible()
    expect(end.locator(".end-mark--wrong")).to_have_count(1)
    expect(end.locator("[data-end-bar]")).to_be_visible()
    screenshot(page, f"fr-end-second-try-{width}x{height}")
    end.get_by_role("link", name=re.compile(t("Next lesson", "fr"))).click()
    expect(page).to_have_url(re.compile(re.escape(following.url) + "$"))


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_tablet_screens_have_no_accessibility_violation(page, live_server, language):
    centre = factories.CentreFactory(name="Belleville")
    learner = factories.learner_in(centre, display_name="أمينة ديالو" if language == "ar" else "Amina Diallo")
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=["cat", "sun", "key"])
    tablet_enrol(page, live_server.url, centre=centre)
    page.goto(f"/{language}/tablette/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    check_accessibility(page, f"the tiles in {language}", strict=True)
    page.get_by_role("link", name=learner.display_name).click()
    expect(page.locator("[data-picture]")).to_have_count(12)
    check_accessibility(page, f"the picture screen in {language}", strict=True)
    screenshot(page, f"{language}-pictures-1024x768")
