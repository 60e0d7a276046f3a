"""Issue 12, « Done when » 2: a learner with the Dari interface and French content completes the
first lesson of the demo e-mail course on a tablet, tapping controls found by their role and their
accessible name in Dari (or their pictogram), never by French text; on one step she shows the step
in Arabic (« my language ») and back, answers a question while it is in Arabic, keeps her place
when the page is opened again, and at the end the lesson counts as done.

Using only audio and pictures: on every step she taps « Listen » (a pictogram) and the step's own voice
plays, in French, or in Arabic while the step is shown in Arabic; « Next » is found by its name and
carries its pictogram. Each step has its own helper (``STEP_ACTIONS``)."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from courses.constants import ProgressStatus
from courses.demo import loader
from courses.demo.content import emails
from courses.models import LessonPage, LessonProgress
from courses.utterances import lesson_utterances
from courses.voices import voices_version_bump
from courses.voicing import voices_synthesize
from tests import factories

from .helpers import check_accessibility, screenshot, t

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DARI = "fa"
TOTAL = len(emails.LESSON_ADDRESS["steps"])
AT_KEY = loader.zones_read()["emails/keyboard#at"][0]  # where the @ key is on the French keyboard picture


def demo_email_lesson():
    """The demo e-mail course with its first lesson, in French, Arabic and Dari, as ``load_demo`` makes it."""
    ctx = loader.DemoContext(locales=loader.locales_ensure(), collection=loader.collection_ensure(),
                             zones=loader.zones_read())
    ctx.competences = loader.competences_ensure()
    catalogues = loader.catalogues_ensure(ctx)
    course, lessons = loader.course_ensure(ctx, catalogues["fr"], {**emails.COURSE, "lessons": [emails.LESSON_ADDRESS]})
    for code, data in (("ar", emails.AR), ("fa", emails.FA)):
        loader.course_translate(ctx, course, lessons, ctx.locales[code], data)
    lessons_voice(lessons[0])
    return course, lessons[0]


def lessons_voice(lesson):
    """The synthetic voices of the lesson in French and of its Arabic translation, as the demo makes them."""
    for language in ("fr", "ar"):
        translated = LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code=language)
        with override_settings(PASSERELLE_VOICES_SYNTHESIS=True):
            voices_synthesize([utterance.text for utterance in lesson_utterances(translated)], language)
        voices_version_bump(translated.translation_key, language)


class DariWalk:
    """The learner's tablet under /fa/: what she taps and what she sees."""

    def __init__(self, page, language=DARI):
        self.page, self.language = page, language

    def button(self, message, within=None):
        return (within or self.page).get_by_role("button", name=t(message, self.language))

    @property
    def step(self):
        return self.page.locator("[data-step]:visible")

    def expect_interface_in_dari(self):
        expect(self.page.locator("html")).to_have_attribute("lang", self.language)
        expect(self.page.locator("html")).to_have_attribute("dir", "rtl")

    def expect_step(self, number):
        expect(self.page.locator("[data-step-count]")).to_have_text(
            t("Step %(current)s of %(total)s", self.language, current=number, total=TOTAL))
        expect(self.step).to_have_attribute("id", f"step-{number}")

    def visit_after(self, action):
        with self.page.expect_response(lambda r: "/etapes/" in r.url and r.request.method == "POST") as visit:
            action()
        assert visit.value.ok, visit.value.text()

    def next(self):
        button = self.button("Next")
        expect(button.locator("svg")).to_be_attached()  # the arrow pictogram before any word
        self.visit_after(button.click)

    def listen(self):
        """Tap « Listen » (its pictogram): the visible step's own voice plays. Returns the voice's address."""
        listen = self.page.locator("[data-listen]")
        expect(listen.locator("svg").first).to_be_attached()
        self.page.evaluate("""() => document.querySelectorAll('[data-step] audio').forEach(a => {
            a.dataset.played = ''; a.addEventListener('play', () => { a.dataset.played = '1'; }); })""")
        listen.click()
        self.page.wait_for_function("""() => Array.from(document.querySelectorAll(
            '[data-step]:not([hidden]) audio[data-voice]')).some(a => a.currentTime > 0.05 || a.dataset.played)""",
            timeout=15000)
        expect(self.page.locator("[data-error]")).to_be_hidden()
        return self.step.locator("audio[data-voice]").first.get_attribute("src")

    def check(self):
        self.button("Check", within=self.step).click()

    def expect_right(self):
        feedback = self.step.locator("[data-feedback]")
        expect(feedback).to_be_visible()
        expect(feedback.get_by_role("img")).to_have_attribute("aria-label", t("Right at the first try", self.language))

    def my_language(self, name):
        """Tap a language (its own name, with the speech pictogram) in the « my language » group."""
        group = self.page.get_by_role("group", name=t("My language", self.language))
        expect(group.locator("svg.step-langs__icon")).to_be_attached()
        with self.page.expect_response(lambda r: "/etapes/" in r.url and r.request.method == "GET") \
                if name != "Français" else _nothing():
            group.get_by_role("button", name=name, exact=True).click()
        expect(group.get_by_role("button", name=name, exact=True)).to_have_attribute("aria-pressed", "true")


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


# --- one helper per step of « C'est quoi une adresse e-mail ? » -------------------------------------------


def step_mailbox(walk):
    expect(walk.step.locator("img")).to_be_visible()
    expect(walk.step).to_contain_text("boîte aux lettres")  # the content is French


def step_address_parts(walk):
    """Shown in Arabic, then in French again: the same step, the same place."""
    french_voice = walk.listen()
    walk.my_language("العربية")
    expect(walk.step).to_have_attribute("lang", "ar")
    expect(walk.step).to_contain_text("ثلاثة أجزاء")
    walk.expect_step(2)
    assert walk.listen() != french_voice  # the Arabic step speaks Arabic
    walk.my_language("Français")
    expect(walk.step).to_contain_text("trois parties")
    expect(walk.step).not_to_contain_text("ثلاثة أجزاء")
    walk.expect_step(2)


def step_keyboard(walk):
    picture = walk.step.locator("[data-hotspot] img")
    picture.scroll_into_view_if_needed()
    box = picture.bounding_box()
    x, y = AT_KEY["x"] + AT_KEY["w"] / 2, AT_KEY["y"] + AT_KEY["h"] / 2
    picture.click(position={"x": box["width"] * x, "y": box["height"] * y})
    expect(walk.step.locator("[data-feedback]")).to_have_class(re.compile(r"\bfeedback--right\b"))


def step_who_asks(walk):
    expect(walk.step.locator("img")).to_be_visible()


def step_arobase(walk):
    expect(walk.step).to_contain_text("arobase")


def step_right_address(walk):
    """Answered while shown in Arabic; back in French, it is answered (locked, a star)."""
    walk.my_language("العربية")
    expect(walk.step).to_contain_text("الصحيح")
    walk.step.get_by_role("radio", name="amina.diallo@exemple.fr").check()
    walk.check()
    walk.expect_right()
    walk.my_language("Français")
    walk.expect_right()
    expect(walk.button("Check", within=walk.step)).to_be_disabled()


def step_type_address(walk):
    walk.step.get_by_role("textbox").fill("yonas.tesfaye@exemple.fr")
    walk.check()
    walk.expect_right()


def step_order(walk):
    wanted = ["amina.diallo", "@", "exemple.fr"]
    for position, text in enumerate(wanted):
        for _ in wanted:
            texts = [s.strip() for s in walk.step.locator(".ordering__text").all_inner_texts()]
            if texts.index(text) == position:
                break
            item = walk.step.locator(".ordering__item").nth(texts.index(text))
            item.get_by_role("button", name=t("Move up", walk.language)).click()
    walk.check()
    walk.expect_right()


STEP_ACTIONS = [step_mailbox, step_address_parts, step_keyboard, step_who_asks, step_arobase,
                step_right_address, step_type_address, step_order]


def test_a_dari_learner_completes_the_french_email_lesson_switching_a_step_to_arabic(page):
    assert len(STEP_ACTIONS) == TOTAL
    course, lesson = demo_email_lesson()
    learner = factories.learner_in(factories.CentreFactory())
    walk = DariWalk(page)

    page.goto(f"/{DARI}/connexion/")
    page.locator("#id_username").fill(learner.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    # First sign-in: « Mon parcours » asks which languages she reads, by their own names.
    chooser = page.locator("[data-lang-chooser]")
    expect(chooser).to_be_visible()
    walk.expect_interface_in_dari()
    chooser.get_by_text("Français", exact=True).click()
    chooser.get_by_text("العربية", exact=True).click()
    expect(chooser.locator("[data-lang-rank]").first).to_have_text("1")
    page.get_by_role("button", name=t("Save my languages", DARI)).click()
    expect(chooser).to_have_count(0)

    page.goto(f"/{DARI}/{course.url.split('/', 2)[2]}")
    walk.expect_interface_in_dari()
    walk.visit_after(walk.button("Start").click)
    expect(page.locator("h1")).to_have_text(lesson.title)  # the French lesson
    expect(page.locator(".player__steps")).to_have_attribute("lang", "fr")
    check_accessibility(page, "the player in Dari with French content")

    for number, action in enumerate(STEP_ACTIONS, start=1):
        walk.expect_step(number)
        walk.listen()
        action(walk)
        if number == 6:  # she leaves and comes back: the same step, answered
            walk.visit_after(page.reload)
            walk.expect_step(6)
            walk.expect_right()
        if number < TOTAL:
            walk.next()
    walk.button("Finish the lesson").click()
    end = page.locator("[data-end]")
    expect(end).to_be_visible()
    expect(end.locator("[data-end-passed]")).to_be_visible()
    check_accessibility(page, "the end screen in Dari")
    screenshot(page, "contentlang-fa-end-1024x768")

    progress = LessonProgress.objects.get(learner=learner)
    assert progress.status == ProgressStatus.COMPLETED and progress.completed_at is not None
    assert progress.lesson_key == lesson.translation_key
