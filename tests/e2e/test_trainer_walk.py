"""Issue 14, the trainer's walk, in a real browser and with no other account's help: the demo trainer
(« formatrice », a trainer of the demo centre, not a superuser) builds a lesson in the Wagtail admin with
an image step, a tap step whose zone she draws with the mouse and a question; previews it in the
editor's preview panel and answers the question there (graded); publishes it herself; the demo learner
finds it in her course. Then the trainer translates it into Arabic in wagtail-localize's editor, the
French beside each field, and publishes; an Arabic learner reads the Arabic text and finds the zone in
the same place. Screenshots at 1280×800 go to /tmp/screens/translate-*.png."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale

from courses.demo.loader import DEMO_PASSWORD, centre_ensure, learners_enrol, people_ensure
from courses.models import LessonPage
from tests import factories

from .conftest import browser_page
from .helpers import screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTH, HEIGHT = 1280, 800
TITLE = "Trouver le bouton Écrire"
SCREENSHOT_TITLE = "Boîte de réception (capture)"
FRENCH = {
    "image": "Voici ta boîte de réception.",
    "instruction": "Touche le bouton Écrire.",
    "hotspot_right": "Oui, c'est le bouton Écrire.",
    "hotspot_wrong": "Non, cherche le bouton Écrire.",
    "prompt": "Pour écrire un message, j'appuie sur ?",
    "right_choice": "Écrire",
    "wrong_choice": "Supprimer",
    "question_right": "Bravo, c'est Écrire !",
    "question_wrong": "Non : Supprimer efface le message.",
}
ARABIC = {
    TITLE: "ابحث عن زر الكتابة",
    FRENCH["image"]: "هذا هو صندوق الوارد الخاص بك.",
    FRENCH["instruction"]: "اضغط على زر الكتابة.",
    FRENCH["hotspot_right"]: "نعم، هذا هو زر الكتابة.",
    FRENCH["hotspot_wrong"]: "لا، ابحث عن زر الكتابة.",
    FRENCH["prompt"]: "لكتابة رسالة، أضغط على؟",
    FRENCH["right_choice"]: "كتابة",
    FRENCH["wrong_choice"]: "حذف",
    FRENCH["question_right"]: "أحسنت، إنه زر الكتابة!",
    FRENCH["question_wrong"]: "لا: زر الحذف يمسح الرسالة.",
    SCREENSHOT_TITLE: "صندوق الوارد (لقطة شاشة)",  # the pictures' alt text, their title until the trainer writes one
}
ZONE = {"x": 0.55, "y": 0.5, "w": 0.3, "h": 0.25}  # where the trainer drags, in fractions of the screenshot


@pytest.fixture
def demo(db):
    """The demo's centre and people (« formatrice » the trainer, « amina » a French learner, « farid » an
    Arabic one), its « Les e-mails » course in French and Arabic, and a screenshot in the image library."""
    french_course = factories.course()
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    catalogues = {"fr": french_course.get_parent().specific}
    for page in (catalogues["fr"], french_course):
        copy = page.copy_for_translation(arabic)
        copy.save_revision().publish()
        catalogues.setdefault("ar", copy)
    accounts = people_ensure(centre_ensure())
    learners_enrol(accounts, catalogues)
    factories.make_image(SCREENSHOT_TITLE, size=(800, 500))
    return {account.user.username: account.user for account in accounts} | {"course": french_course}


# --- The trainer in the admin ------------------------------------------------------------------------


def admin_sign_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def stream(page):
    return page.locator("[data-streamfield-stream-container]").first


def add_step(page, label):
    stream(page).locator(":scope > div > .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    return stream(page).locator(":scope > [data-streamfield-child]").last


def choose_image(page, step, title):
    step.locator("[data-contentpath=image] .chooser__choose-button").first.click()
    modal = page.locator(".modal.in")
    modal.locator("input[name=q]").fill(title)
    modal.locator("a[data-chooser-modal-choice]").filter(has_text=title).first.click()
    expect(modal).to_have_count(0)
    expect(step.locator("[data-contentpath=image] .chooser__title").first).to_have_text(title)


def write(step, path, text):
    step.locator(f"[data-contentpath={path}] [contenteditable=true]").first.click()
    step.page.keyboard.type(text)


def draw_zone(page, step):
    """Drag over the screenshot in the zone editor, as a trainer does with the mouse."""
    expect(step.locator(".zone-editor__stage")).to_be_visible()
    layer = step.locator(".zone-editor__zones")
    layer.scroll_into_view_if_needed()
    box = layer.bounding_box()
    at = lambda fx, fy: (box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)  # noqa: E731
    page.mouse.move(*at(ZONE["x"], ZONE["y"]))
    page.mouse.down()
    page.mouse.move(*at(ZONE["x"] + ZONE["w"] / 2, ZONE["y"] + ZONE["h"] / 2), steps=6)
    page.mouse.move(*at(ZONE["x"] + ZONE["w"], ZONE["y"] + ZONE["h"]), steps=6)
    page.mouse.up()
    expect(step.locator(".zone-editor__zone")).to_have_count(1)


def build_the_lesson(page, course):
    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").fill(TITLE)
    image = add_step(page, "Étape avec image")
    choose_image(page, image, SCREENSHOT_TITLE)
    write(image, "text", FRENCH["image"])

    tap = add_step(page, "Toucher le bon endroit (entraînement, sans note)")
    choose_image(page, tap, SCREENSHOT_TITLE)
    write(tap, "instruction", FRENCH["instruction"])
    draw_zone(page, tap)
    tap.locator("[data-contentpath=feedback_correct] input").fill(FRENCH["hotspot_right"])
    tap.locator("[data-contentpath=feedback_wrong] input").fill(FRENCH["hotspot_wrong"])

    question = add_step(page, "Question à choix unique")
    write(question, "prompt", FRENCH["prompt"])
    choices = question.locator("[data-contentpath=choices] [data-contentpath=text] input")
    choices.nth(0).fill(FRENCH["right_choice"])
    choices.nth(1).fill(FRENCH["wrong_choice"])
    question.locator("[data-contentpath=choices] [data-contentpath=is_correct] input").nth(0).check()
    question.locator(":scope [data-contentpath=feedback_correct] input").last.fill(FRENCH["question_right"])
    question.locator(":scope [data-contentpath=feedback_wrong] input").last.fill(FRENCH["question_wrong"])
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator(".messages .success")).to_be_visible()
    zone = page.locator(".zone-editor__zone")
    expect(zone).to_have_count(1)  # the zone she drew, saved and shown again
    zone.scroll_into_view_if_needed()
    screenshot(page, "translate-admin-lesson-editor")


def answer_in_the_preview(page):
    """The preview panel shows the lesson as a learner sees it; the trainer answers its question there."""
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("iframe#w-preview-iframe")  # Wagtail swaps in a new frame that takes this id
    player = frame.locator("[data-player]")
    expect(player).to_be_visible()
    frame.locator("[data-next]").click()  # the image step
    feedback = tap_the_zone(frame)  # the tap step: found where she drew it
    expect(feedback).to_have_class(re.compile(r"\bfeedback--right\b"))
    expect(feedback).to_contain_text(FRENCH["hotspot_right"])
    frame.locator("[data-next]").click()
    question = frame.locator("[data-step]:visible")
    expect(question).to_contain_text(FRENCH["prompt"])
    question.get_by_label(FRENCH["right_choice"], exact=True).check()
    question.locator(".question__check").click()
    feedback = question.locator("[data-feedback]")
    expect(feedback).to_have_class(re.compile(r"\bfeedback--right\b"))
    expect(feedback).to_contain_text(FRENCH["question_right"])
    screenshot(page, "translate-preview-answered")
    page.locator("[data-side-panel-toggle=preview]").click()


def publish(page):
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publier", exact=True).click()
    expect(page.locator(".messages .success")).to_contain_text("publiée")


def translate_into_arabic(page, lesson):
    """« Traduire cette page » › Arabic, then every field in wagtail-localize's editor, French beside."""
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.get_by_role("link", name="Traduire cette page").click()
    page.get_by_label("العربية").check()
    page.get_by_role("button", name="Soumettre").click()
    expect(page.get_by_role("button", name="Traduire", exact=True).first).to_be_visible()
    untranslated = page.get_by_role("button", name="Traduire", exact=True)
    screenshot(page, "translate-localize-editor-before")
    while untranslated.count():
        segment = untranslated.first.locator("xpath=ancestor::li[p][1]")  # the French source, then the box
        source = segment.locator(":scope > p").first.inner_text().strip()
        left = untranslated.count()
        untranslated.first.click()
        editing = page.locator("li").filter(has=page.locator("textarea")).last
        editing.locator("textarea").fill(ARABIC[source])
        editing.get_by_role("button", name="Enregistrer").click()
        expect(untranslated).to_have_count(left - 1)
    page.get_by_text(ARABIC[FRENCH["instruction"]]).scroll_into_view_if_needed()
    screenshot(page, "translate-localize-editor")
    page.get_by_role("button", name=re.compile("Publier dans")).click()
    expect(page.locator(".messages .success")).to_be_visible()


# --- The learners --------------------------------------------------------------------------------


def learner_sign_in(page, username, language):
    page.goto(f"/{language}/connexion/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def open_from_the_course(page, course_url, lesson_title):
    page.goto(course_url)
    page.get_by_role("link", name=lesson_title).first.click()
    expect(page.locator("[data-player]")).to_be_visible()


def tap_the_zone(page):
    step = page.locator("[data-step]:visible")
    picture = step.locator("[data-hotspot] img")
    picture.scroll_into_view_if_needed()
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * (ZONE["x"] + ZONE["w"] / 2),
                            "y": box["height"] * (ZONE["y"] + ZONE["h"] / 2)})
    return step.locator("[data-feedback]")


def url_of(page_model, language):
    with translation.override(language):
        return page_model.get_url()


def test_the_trainer_builds_previews_publishes_and_translates_a_lesson(browser, live_server, demo):
    trainer = demo["formatrice"]
    assert not trainer.is_superuser and trainer.groups.filter(name="Editors").exists()
    with browser_page(browser, live_server.url, WIDTH, HEIGHT, who="the trainer's laptop") as laptop:
        laptop.context.set_extra_http_headers({"Accept-Language": "fr-FR,fr"})
        admin_sign_in(laptop, "formatrice")
        build_the_lesson(laptop, demo["course"])
        answer_in_the_preview(laptop)
        publish(laptop)
    lesson = LessonPage.objects.get(title=TITLE, locale__language_code="fr")
    assert lesson.live and not lesson.has_unpublished_changes
    (tap,) = [step for step in lesson.steps if step.block_type == "hotspot"]
    (zone,) = tap.value["zones"]
    assert zone["x"] == pytest.approx(ZONE["x"], abs=0.03) and zone["w"] == pytest.approx(ZONE["w"], abs=0.03)

    with browser_page(browser, live_server.url, 1024, 768, who="the French learner's tablet") as tablet:
        learner_sign_in(tablet, "amina", "fr")
        open_from_the_course(tablet, url_of(demo["course"], "fr"), TITLE)
        expect(tablet.locator("[data-step]:visible")).to_contain_text(FRENCH["image"])

    with browser_page(browser, live_server.url, WIDTH, HEIGHT, who="the trainer's laptop") as laptop:
        laptop.context.set_extra_http_headers({"Accept-Language": "fr-FR,fr"})
        admin_sign_in(laptop, "formatrice")
        translate_into_arabic(laptop, lesson)
        laptop.goto("/admin/courses/traductions/")
        expect(laptop.locator(f"[data-page='{lesson.pk}'] [data-language=ar]")).to_have_attribute(
            "data-state", "up_to_date")
        screenshot(laptop, "translate-report")

    arabic = LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code="ar")
    assert arabic.live and arabic.title == ARABIC[TITLE]
    with browser_page(browser, live_server.url, 1024, 768, who="the Arabic learner's tablet") as tablet:
        learner_sign_in(tablet, "farid", "ar")
        open_from_the_course(tablet, url_of(arabic.get_parent().specific, "ar"), ARABIC[TITLE])
        expect(tablet.locator("html")).to_have_attribute("dir", "rtl")
        expect(tablet.locator("[data-step]:visible")).to_contain_text(ARABIC[FRENCH["image"]])
        tablet.locator("[data-next]").click()
        expect(tablet.locator("[data-step]:visible")).to_contain_text(ARABIC[FRENCH["instruction"]])
        feedback = tap_the_zone(tablet)
        expect(feedback).to_have_class(re.compile(r"\bfeedback--right\b"))
        expect(feedback).to_contain_text(ARABIC[FRENCH["hotspot_right"]])

    # Another trainer rewrites a French sentence: the Arabic falls behind, and its translator is told.
    edited = LessonPage.objects.get(pk=lesson.pk)
    edited.steps[0].value["text"] = edited.steps[0].block.child_blocks["text"].to_python("<p>Voici ta boîte.</p>")
    edited.save_revision().publish()
    with browser_page(browser, live_server.url, WIDTH, HEIGHT, who="the trainer's laptop") as laptop:
        laptop.context.set_extra_http_headers({"Accept-Language": "fr-FR,fr"})
        admin_sign_in(laptop, "formatrice")
        laptop.goto("/admin/courses/traductions/?retard=1")
        behind = laptop.locator(f"[data-page='{lesson.pk}'] [data-language=ar]")
        expect(behind).to_have_attribute("data-state", "behind")
        expect(behind).to_contain_text("En retard sur le français")
        screenshot(laptop, "translate-report-behind")
        behind.get_by_role("link").click()
        warning = laptop.locator(".messages .warning")
        expect(warning).to_contain_text("La page en français a changé")
        expect(warning.get_by_role("link", name="Mettre la traduction à jour")).to_be_visible()
        screenshot(laptop, "translate-localize-editor-behind")
