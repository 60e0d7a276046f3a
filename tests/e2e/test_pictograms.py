"""Pictograms before words (issue 12, items 4 and 5) in Chromium, in French and Arabic: the player's
controls and the tablet's screens show a pictogram of the sprite and a short label, mirrored right to
left where they point, with no axe-core violation of any impact; the glossary speaks a word; the page
editor shows easy-French hints under a step's text."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts import services as accounts_services
from accounts.constants import SecretKind
from core.pictograms import PICTOGRAMS
from tests import factories

from .helpers import check_accessibility, screenshot, t, tablet_enrol
from .test_learner_experience import sign_in_to
from .test_lesson_walk import TOTAL, Walk, published_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = [(1024, 768), (800, 1280)]


def shots(page, name):
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"pictograms-{name}-{width}x{height}")
    page.set_viewport_size({"width": 1024, "height": 768})


def expect_pictogram(control, name, label=None):
    """``control`` shows pictogram ``name`` of the sprite, hidden from screen readers, and its label."""
    svg = control.locator(f"svg.pictogram--{name}")
    expect(svg).to_have_attribute("aria-hidden", "true")
    expect(svg.locator("use")).to_have_attribute("href", re.compile(r"/static/core/pictograms(\.\w+)?\.svg#" + name))
    assert svg.bounding_box()["width"] >= 20  # drawn, not an empty box
    if label:
        expect(control).to_contain_text(label)


def mirrored(locator):
    return locator.evaluate("el => getComputedStyle(el).transform") == "matrix(-1, 0, 0, 1, 0, 0)"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_player_shows_pictograms_with_labels_and_passes_axe(page, language):
    course, lesson = published_lesson(language)
    sign_in_to(page, course)
    walk = Walk(page, language)
    walk.open_lesson(lambda: page.goto(lesson.url))
    walk.expect_step(1)
    expect_pictogram(page.locator("[data-prev]"), "back", t("Back", language))
    expect_pictogram(page.locator("[data-next]"), "next", t("Next", language))
    expect_pictogram(page.locator("[data-listen]"), "listen")
    expect(page.locator("[data-listen]")).to_have_accessible_name(t("Listen", language))
    expect(page.locator("[data-next]")).to_have_accessible_name(t("Next", language))
    with translation.override(language):
        goodbye = translation.pgettext("sign out", "Goodbye")
    expect_pictogram(page.locator(".end-session button"), "goodbye", goodbye)
    next_arrow = page.locator("[data-next] svg")
    assert mirrored(next_arrow) == (language == "ar")
    assert not mirrored(page.locator("[data-listen] svg.pictogram"))
    check_accessibility(page, f"the player's first step in {language}", strict=True)
    shots(page, f"{language}-player-step")

    walk.answer_steps(1, TOTAL)
    expect_pictogram(page.locator("[data-next]"), "finish", t("Finish the lesson", language))
    end = walk.finish()
    expect(end.locator(".end-mark--right svg use")).to_have_count(6)
    expect(end.locator(".end-mark--right").first).to_have_attribute(
        "aria-label", re.compile(re.escape(t("Right at the first try", language))))
    expect_pictogram(end.locator("[data-restart]"), "again", t("Start again", language))
    check_accessibility(page, f"the end screen in {language}", strict=True)
    shots(page, f"{language}-end")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_tiles_show_pictograms_with_labels_and_pass_axe(page, live_server, language):
    centre = factories.CentreFactory(name="Belleville")
    learner = factories.learner_in(centre, display_name="أمينة ديالو" if language == "ar" else "Amina Diallo")
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=["cat", "sun", "key"])
    tablet_enrol(page, live_server.url, centre=centre)
    page.goto(f"/{language}/tablette/")
    expect_pictogram(page.locator("h1"), "person", t("Who are you?", language))
    links = page.locator(".tablet__other a")
    expect_pictogram(links.nth(0), "code", t("Sign in with my code", language))
    expect_pictogram(links.nth(1), "new", t("I am new here", language))
    expect_pictogram(links.nth(2), "help", t("Pictograms", language))
    check_accessibility(page, f"the tiles in {language}", strict=True)
    shots(page, f"{language}-tiles")

    page.get_by_role("link", name=learner.display_name).click()
    back = page.get_by_role("link", name=t("Back", language), exact=True)
    expect_pictogram(back, "back")
    assert mirrored(back.locator("svg")) == (language == "ar")
    check_accessibility(page, f"the picture screen in {language}", strict=True)
    shots(page, f"{language}-pictures")


SPEECH_STUB = """
window.__said = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: function (u) { window.__said.push([u.text, u.lang]); },
  cancel: function () {},
  getVoices: function () { return [{ lang: "fr-FR", name: "fr" }, { lang: "ar-SA", name: "ar" }]; },
} });
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_glossary_shows_every_pictogram_and_speaks_a_word(page, live_server, language):
    page.add_init_script(SPEECH_STUB)
    with translation.override(language):
        page.goto(reverse("courses:glossary"))
        word = str(PICTOGRAMS["next"])
    expect(page.locator(".glossary__item")).to_have_count(len(PICTOGRAMS))
    item = page.locator("#pictogram-next")
    item.get_by_role("button", name=re.compile(re.escape(word))).first.click()
    assert page.evaluate("window.__said") == [[word, language]]
    if language == "ar":
        assert mirrored(item.locator("svg.glossary__pictogram"))
        item.locator(".glossary__word--fr button").click()
        assert page.evaluate("window.__said")[-1] == ["Suivant", "fr"]
    expect(page.locator("[data-glossary-error]")).to_be_hidden()
    check_accessibility(page, f"the glossary in {language}", strict=True)
    shots(page, f"{language}-glossary")


def signed_in_as(page, user, base_url):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_editor_shows_easy_french_hints_under_a_steps_text(page, live_server, language):
    lesson = factories.lesson(factories.course())
    trainer = factories.UserFactory(username="formatrice")
    trainer.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = language
    profile.save()
    signed_in_as(page, trainer, live_server.url)
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Le message est envoyé par le destinataire quand il a terminé la rédaction"
                       " de sa réponse avec beaucoup de soin et de patience.")
    hints = page.locator("[data-falc-output]").first
    expect(hints.locator(".falc-flag--passive")).to_have_count(1)
    expect(hints.locator(".falc-flag--long_sentence")).to_have_count(1)
    expect(hints.locator(".falc-flag--rare_word").first).to_be_visible()
    with translation.override(language):
        expect(hints.locator(".falc-flag--passive")).to_have_text(
            translation.gettext("Passive voice: « %(words)s ». Say who does it.") % {"words": "\u2068est envoyé\u2069"})
    hints.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 150)")
    shots(page, f"{language}-admin-falc")
    page.goto("about:blank")  # no autosave of the typed text still on its way while the database is flushed
