"""The demo e-mail course itself (its real steps, pictures and long addresses, not a factory lesson),
walked step by step in Chromium on a landscape tablet, a portrait tablet and a phone, in French and
Arabic: no answer label, choice card, button or the fixed bottom bar overflows its box or the screen.
Each question gets an answer, so that its feedback is on screen when the boxes are measured."""

import importlib

import pytest
from playwright.sync_api import expect

from courses.demo import loader
from courses.models import LessonPage

from .helpers import OVERFLOWS, screenshot
from .test_learner_experience import SIZES, sign_in_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT_SIZES = {(1024, 768), (800, 1280)}


def demo_email_course(language):
    """The demo's e-mail course as ``load_demo`` builds it (French, and its translation into
    ``language``), without the other courses and the demo's people."""
    ctx = loader.DemoContext(
        locales=loader.locales_ensure(), collection=loader.collection_ensure(), zones=loader.zones_read()
    )
    ctx.competences = loader.competences_ensure()
    catalogues = loader.catalogues_ensure(ctx)
    module = importlib.import_module("courses.demo.content.emails")
    course, lessons = loader.course_ensure(ctx, catalogues["fr"], module.COURSE)
    if language != "fr":
        course = loader.course_translate(ctx, course, lessons, ctx.locales[language], module.TRANSLATIONS[language])
    return course, list(LessonPage.objects.child_of(course).live().specific())


def answer_anything(page, step):
    """Some answer to the question on screen (right or wrong: either shows a feedback), or nothing."""
    kind = step.get_attribute("data-kind")
    if kind in ("hotspot", "hotspot_question"):
        area = step.locator("[data-hotspot]")
        area.scroll_into_view_if_needed()
        area.click()
    elif kind in ("single_choice", "multiple_choice", "true_false"):
        step.locator(".choice input").first.check()
    elif kind == "typed_answer":
        step.locator("input[name=text]").fill("amina.diallo@exemple.fr")
    if kind in ("single_choice", "multiple_choice", "true_false", "ordering", "typed_answer"):
        step.locator(".question__check").click()
    if step.locator("[data-feedback]").count():
        expect(step.locator("[data-feedback]")).to_be_visible()


def walk_lesson(page, lesson, where, shots):
    """Every step of ``lesson``, then its end screen, measured; the overflows found, by step."""
    problems = []
    page.goto(lesson.url)
    steps = page.locator("[data-step]")
    total = steps.count()
    assert total > 0, f"{where}: {lesson.title} has no step"
    for number in range(1, total + 1):
        step = page.locator(f"#step-{number}")
        expect(step).to_be_visible()
        answer_anything(page, step)
        found = page.evaluate(OVERFLOWS)
        problems += [f"{where} « {lesson.title} » step {number} ({step.get_attribute('data-kind')}): {p}"
                     for p in found]
        if shots and number == 1 and step.locator("img").count():
            screenshot(page, f"{shots}-image-step")
        page.locator("[data-next]").click()
    end = page.locator("[data-end]")
    expect(end).to_be_visible()
    problems += [f"{where} « {lesson.title} » end screen: {p}" for p in page.evaluate(OVERFLOWS)]
    if shots:
        screenshot(page, f"{shots}-end")
    return problems


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_step_of_the_demo_email_course_fits_the_tablet_and_the_phone(page, language):
    course, lessons = demo_email_course(language)
    assert len(lessons) >= 3
    problems = []
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        sign_in_to(page, course)
        for index, lesson in enumerate(lessons):
            shots = f"tablet-{language}-{width}x{height}" if index == 0 and (width, height) in SCREENSHOT_SIZES else ""
            problems += walk_lesson(page, lesson, f"{language} {width}x{height}", shots)
            if index == 0:
                expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert not problems, "\n".join(problems)
