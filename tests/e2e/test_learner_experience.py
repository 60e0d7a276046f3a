"""The lesson as a person who reads little uses it (issue 13), in Chromium, in French and Arabic, at the
sizes of a landscape tablet, a portrait tablet and a phone: nothing overflows its box, and « Écouter »
says so when the tablet has no voice instead of staying silent."""

import pytest
from playwright.sync_api import expect

from centres import services as centres_services
from courses.models import Enrolment
from tests import factories

from .helpers import check_accessibility, screenshot, t
from .test_lesson_walk import KINDS, Walk, published_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = [(1024, 768), (800, 1280), (390, 844)]

# Elements whose content must stay inside them (answer labels, buttons, bars).
OVERFLOWS = """() => {
  const shown = el => el.checkVisibility();
  const found = [];
  const width = document.documentElement.clientWidth;
  const boxes = '.choice, .choice__text, .button, .player__nav, .player__foot, .ordering__item, .feedback, .typed';
  for (const el of document.querySelectorAll(boxes)) {
    if (!shown(el)) continue;
    const box = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 || box.left < -1 || box.right > width + 1) {
      const where = `${Math.round(box.left)}..${Math.round(box.right)} of ${width}`;
      found.push(`${el.className}: ${el.textContent.trim().slice(0, 40)} (${where})`);
    }
  }
  return found;
}"""


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

    device, cookie = centres_services.device_enrol(centre=factories.CentreFactory(), name="Tablette", by=None)
    centres_services.device_revoke(device=device)
    page.context.add_cookies([{"name": centres_services.DEVICE_COOKIE, "value": cookie, "url": live_server.url}])
    page.goto(f"/{language}/tablette/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(t("You cannot open this page.", language))
    expect(page.get_by_role("link", name=t("Back to the start", language))).to_be_visible()
    check_accessibility(page, f"the page of a revoked tablet in {language}", strict=True)
    screenshot(page, f"{language}-revoked-tablet-1024x768")
