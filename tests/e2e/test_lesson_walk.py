"""A learner on a tablet: signs in, starts a course, walks through a lesson with one step of every
kind, leaves in the middle, comes back where they stopped, fails, starts again and completes it;
in French and in Arabic (right to left). axe-core checks each screen on the way."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale

from tests import factories

from .helpers import check_accessibility, screenshot, t, tb

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASS_MARK = 90  # one wrong answer out of six scored questions (83 %) is not enough
KINDS = [kind for kind, _value in factories.every_kind_steps(image=object())]
TOTAL = len(KINDS)
WRONG_STEP = KINDS.index("true_false") + 1
ARABIC_TITLES = {"catalogue": "الدروس", "course": "البريد الإلكتروني", "lesson": "ما هو عنوان البريد الإلكتروني؟"}


def published_lesson(language):
    """A course of one lesson with every kind of step, in ``language`` (a translation of the French)."""
    course = factories.course()
    lesson = factories.lesson(course, pass_mark=PASS_MARK)
    if language == "fr":
        return course, lesson
    locale, _ = Locale.objects.get_or_create(language_code=language)
    pages = {"catalogue": course.get_parent().specific, "course": course, "lesson": lesson}
    translated = {}
    for role, source in pages.items():
        copy = source.copy_for_translation(locale)
        copy.title = ARABIC_TITLES[role]
        copy.save_revision().publish()
        translated[role] = copy.__class__.objects.get(pk=copy.pk)
    return translated["course"], translated["lesson"]


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


class Walk:
    """What the learner does and sees, in one language."""

    def __init__(self, page, language):
        self.page, self.language = page, language

    def expect_language(self):
        html = self.page.locator("html")
        expect(html).to_have_attribute("lang", self.language)
        expect(html).to_have_attribute("dir", "rtl" if self.language == "ar" else "ltr")

    def sign_in(self, user):
        self.page.goto(url(self.language, "accounts:login"))
        self.expect_language()
        self.page.locator("#id_username").fill(user.username)
        self.page.locator("#id_password").fill(factories.PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        expect(self.page).to_have_url(re.compile(re.escape(url(self.language, "courses:my_path")) + "$"))

    # The lesson player

    @property
    def step(self):
        return self.page.locator("[data-step]:visible")

    def expect_step(self, number):
        text = t("Step %(current)s of %(total)s", self.language, current=number, total=TOTAL)
        expect(self.page.locator("[data-step-count]")).to_have_text(text)
        expect(self.step).to_have_attribute("id", f"step-{number}")

    def open_lesson(self, action):
        """Run ``action`` (a click or a goto) that opens the lesson; wait for the visit it records."""
        with self.page.expect_response(self._is_visit) as visit:
            action()
        assert visit.value.ok, visit.value.text()
        self.expect_language()

    def next(self):
        with self.page.expect_response(self._is_visit) as visit:
            self.page.locator("[data-next]").click()
        assert visit.value.ok, visit.value.text()

    @staticmethod
    def _is_visit(response):
        return "/etapes/" in response.url and response.request.method == "POST"

    def tap(self, x, y):
        picture = self.step.locator("[data-hotspot] img")
        picture.scroll_into_view_if_needed()
        box = picture.bounding_box()
        picture.click(position={"x": box["width"] * x, "y": box["height"] * y})

    def check(self):
        self.step.locator(".question__check").click()

    def answer(self, kind, right=True):
        step = self.step
        if kind in ("image", "tip"):
            return
        if kind in ("hotspot", "hotspot_question"):
            self.tap(*((0.6, 0.6) if right else (0.1, 0.9)))
        elif kind == "single_choice":
            step.get_by_label("amina.diallo@exemple.fr" if right else "amina.diallo.exemple.fr", exact=True).check()
            self.check()
        elif kind == "multiple_choice":
            for label in ("Urgence", "Lien bizarre") if right else ("Bonjour",):
                step.get_by_label(label, exact=True).check()
            self.check()
        elif kind == "true_false":
            step.locator(f"input[name=value][value={'true' if right else 'false'}]").check()
            self.check()
        elif kind == "ordering":
            self.put_in_order(["prenom.nom", "@", "exemple.fr"] if right else ["@", "prenom.nom", "exemple.fr"])
            self.check()
        elif kind == "typed_answer":
            step.locator("input[name=text]").fill("Amina@exemple.fr" if right else "amina.exemple.fr")
            self.check()
        feedback = step.locator("[data-feedback]")
        expect(feedback).to_be_visible()
        expect(feedback).to_have_class(re.compile(r"\bfeedback--right\b" if right else r"\bfeedback--wrong\b"))
        # A tick or a cross pictogram (the last one: a star comes first when right at the first try).
        expect(feedback.locator(".feedback__mark use").last).to_have_attribute(
            "href", re.compile(r"pictograms\.svg#" + ("right" if right else "wrong") + "$"))
        if not right:  # a second try is offered
            expect(feedback).to_contain_text(t("Try again", self.language))
            expect(step.locator(".question__check, [data-hotspot]").first).to_be_enabled()

    def put_in_order(self, wanted):
        for position, text in enumerate(wanted):
            for _ in range(len(wanted)):
                texts = [s.strip() for s in self.step.locator(".ordering__text").all_inner_texts()]
                current = texts.index(text)
                if current == position:
                    break
                self.step.locator(".ordering__item").nth(current).locator("[data-move='-1']").click()
        texts = [s.strip() for s in self.step.locator(".ordering__text").all_inner_texts()]
        assert texts == wanted

    def answer_steps(self, first, last, *, wrong=(), audit=False, shots=()):
        """Answer steps ``first``..``last`` (1-based), pressing Next after each (but the lesson's last)."""
        for number in range(first, last + 1):
            self.expect_step(number)
            kind = KINDS[number - 1]
            if number in shots:
                self.screenshots(f"step{number}-{kind}")
            self.answer(kind, right=number not in wrong)
            if audit:
                check_accessibility(self.page, f"step {number} ({kind}) in {self.language}", strict=True)
            if number < TOTAL:
                self.next()

    def finish(self):
        self.page.locator("[data-next]").click()
        end = self.page.locator("[data-end]")
        expect(end).to_be_visible()
        expect(end.locator("[data-end-title]")).to_have_text(t("End of the lesson", self.language))
        return end

    def expect_score(self, end, score):
        values = {"score": score, "pass": PASS_MARK}
        expected = t("Your score: %(score)s %% (needed: %(pass)s %%)", self.language, **values)
        expect(end.locator("[data-end-score]")).to_have_text(expected)

    def screenshots(self, name):
        page = self.page
        screenshot(page, f"{self.language}-{name}-1024x768")
        page.set_viewport_size({"width": 800, "height": 1280})
        screenshot(page, f"{self.language}-{name}-800x1280")
        page.set_viewport_size({"width": 1024, "height": 768})


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_learner_walks_through_a_lesson(page, language):
    course, lesson = published_lesson(language)
    learner = factories.UserFactory()
    walk = Walk(page, language)

    walk.sign_in(learner)
    check_accessibility(page, f"my path (empty) in {language}")

    page.goto(f"/{language}/")
    walk.expect_language()
    check_accessibility(page, f"the catalogue in {language}")
    screenshot(page, f"{language}-catalogue-1024x768")
    page.locator(f"a.course-card__link[href='{course.url}']").click()
    expect(page.locator("h1")).to_have_text(course.title)
    check_accessibility(page, f"the course page in {language}")
    screenshot(page, f"{language}-course-1024x768")

    start = page.locator(f"form[action='{url(language, 'courses:course_start', course.pk)}'] button")
    expect(start).to_have_text(t("Start", language))
    walk.open_lesson(start.click)
    expect(page).to_have_url(re.compile(re.escape(lesson.url) + "$"))
    expect(page.locator("h1")).to_have_text(lesson.title)

    # First attempt: one wrong answer, tried again rightly (the first try still counts), then the
    # learner leaves in the middle of the lesson.
    walk.answer_steps(1, WRONG_STEP - 1, audit=True, shots={1, 3, 4})
    walk.expect_step(WRONG_STEP)
    walk.answer(KINDS[WRONG_STEP - 1], right=False)
    walk.screenshots("second-try")
    walk.answer(KINDS[WRONG_STEP - 1], right=True)
    expect(walk.step.locator(".question__check")).to_be_disabled()
    walk.next()
    walk.expect_step(WRONG_STEP + 1)
    page.goto(url(language, "courses:my_path"))
    expect(page.locator(".course-card__progress")).to_have_text(
        tb("%(done)s of %(total)s lessons done", language, done=0, total=1)
    )

    # Coming back resumes where they stopped.
    walk.open_lesson(page.locator(f"main a[href='{lesson.url}']").click)
    walk.expect_step(WRONG_STEP + 1)
    walk.answer_steps(WRONG_STEP + 1, TOTAL, audit=True, shots={TOTAL})
    end = walk.finish()
    walk.expect_score(end, 83)
    expect(end.locator(".end-mark--wrong")).to_have_count(1)
    expect(end.locator(".end-mark--right")).to_have_count(5)
    expect(end.locator("[data-end-failed]")).to_be_visible()
    expect(end.locator("[data-end-passed]")).to_be_hidden()
    check_accessibility(page, f"the end of a failed lesson in {language}", strict=True)
    walk.screenshots("end-failed")

    # Start again: a fresh attempt from the first step, all right this time.
    restart = page.locator(f"form[action='{url(language, 'courses:lesson_restart', lesson.pk)}'] button")
    expect(restart).to_contain_text(t("Start again", language))
    walk.open_lesson(restart.click)
    walk.expect_step(1)
    walk.answer_steps(1, TOTAL)
    end = walk.finish()
    walk.expect_score(end, 100)
    expect(end.locator("[data-end-passed]")).to_contain_text(t("Well done! This lesson is complete.", language))

    page.goto(url(language, "courses:my_path"))
    walk.expect_language()
    card = page.locator(".course-card", has=page.locator(f"a[href='{course.url}']"))
    expect(card.locator(".course-card__progress")).to_have_text(
        tb("%(done)s of %(total)s lessons done", language, done=1, total=1)
    )
    expect(card.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "100")
    check_accessibility(page, f"my path in {language}")
    screenshot(page, f"{language}-my-path-1024x768")

    page.goto(course.url)
    row = page.locator(".lesson-row", has=page.locator(f"a[href='{lesson.url}']"))
    expect(row).to_have_class(re.compile(r"\blesson-row--completed\b"))
    expect(row.locator(".lesson-row__label")).to_have_text(t("Completed", language))


def test_french_words_a_learner_sees(compiled_messages):
    """Once the French catalogue exists, the buttons the walk presses say « Commencer » and
    « Recommencer »."""
    from django.conf import settings

    if not (settings.BASE_DIR / "locales" / "fr" / "LC_MESSAGES" / "django.po").exists():
        pytest.skip("no French catalogue yet")
    if t("Start", "fr") == "Start":
        pytest.skip("the French catalogue does not translate the lesson path yet")
    assert t("Start", "fr") == "Commencer"
    assert "Recommencer" in t("Start again", "fr")
