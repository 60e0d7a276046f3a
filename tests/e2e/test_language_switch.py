"""A learner moves between French and Arabic in the middle of a lesson, with the site's language
switch: each language opens at the step they were on, with the answers they gave in the other one,
and the score counts them all."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from courses.models import LessonPage
from tests import factories

from .helpers import check_accessibility, t, tb
from .test_lesson_walk import ARABIC_TITLES, TOTAL, Walk, url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MULTIPLE_CHOICE, TRUE_FALSE = 5, 6  # step numbers in tests.factories.every_kind_steps


def french_and_arabic():
    """A French course of one lesson and its Arabic translation, made with Wagtail's translate action."""
    course = factories.course()
    lesson = factories.lesson(course)
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    for role, source in (("catalogue", course.get_parent().specific), ("course", course), ("lesson", lesson)):
        copy = source.copy_for_translation(arabic)
        copy.title = ARABIC_TITLES[role]
        copy.save_revision().publish()
    return course, lesson, LessonPage.objects.get(locale=arabic, translation_key=lesson.translation_key)


def switch_language(walk, lesson):
    """Tap the speech bubble in the site header, then the language; the same lesson opens in it."""
    walk.page.locator(".lang-picker__button").click()
    link = walk.page.locator(f".lang-picker__list a[hreflang='{walk.language}']")
    expect(link).to_have_attribute("href", lesson.url)
    walk.open_lesson(link.click)
    expect(walk.page).to_have_url(re.compile(re.escape(lesson.url) + "$"))
    expect(walk.page.locator("h1")).to_have_text(lesson.title)


def test_french_arabic_french_in_one_attempt_keeps_the_step_and_the_score(page):
    course, french_lesson, arabic_lesson = french_and_arabic()
    french, arabic = Walk(page, "fr"), Walk(page, "ar")
    french.sign_in(factories.UserFactory())
    page.goto(course.url)
    french.open_lesson(page.locator(f"form[action='{url('fr', 'courses:course_start', course.pk)}'] button").click)
    french.answer_steps(1, MULTIPLE_CHOICE - 1)

    switch_language(arabic, arabic_lesson)
    arabic.expect_step(MULTIPLE_CHOICE)
    check_accessibility(page, "the lesson in Arabic after switching language")
    arabic.answer_steps(MULTIPLE_CHOICE, MULTIPLE_CHOICE)
    arabic.expect_step(TRUE_FALSE)
    arabic.step.locator("input[name=value][value=true]").check()  # chosen, not checked yet

    switch_language(french, french_lesson)
    french.expect_step(TRUE_FALSE)
    expect(french.step.locator("input[name=value]:checked")).to_have_count(0)
    expect(french.step.locator("[data-feedback]")).to_be_hidden()
    with page.expect_response(french._is_visit):
        page.locator("[data-prev]").click()
    french.expect_step(MULTIPLE_CHOICE)  # answered in Arabic, shown as answered in French
    mark = french.step.locator("[data-feedback] .feedback__mark")  # right at the first try: a star and a tick
    expect(mark.locator("use")).to_have_count(2)
    expect(mark.locator("use").first).to_have_attribute("href", re.compile(r"#star$"))
    expect(mark.locator("use").last).to_have_attribute("href", re.compile(r"#right$"))
    expect(mark).to_have_attribute("aria-label", t("Right at the first try", "fr"))
    expect(french.step.locator(".question__check")).to_be_disabled()
    french.next()
    french.answer_steps(TRUE_FALSE, TOTAL)
    end = french.finish()
    expect(end.locator("[data-end-score]")).to_have_text(
        t("Your score: %(score)s %% (needed: %(pass)s %%)", "fr", score=100, **{"pass": 80})
    )
    expect(end.locator("[data-end-passed]")).to_be_visible()

    page.goto(url("ar", "courses:my_path"))
    arabic.expect_language()
    expect(page.locator(".course-card__progress")).to_have_text(
        tb("%(done)s of %(total)s lessons done", "ar", done=1, total=1)
    )
    expect(page.locator(".course-card__title")).to_have_text(ARABIC_TITLES["course"])
