"""The language picker (issue 12): a learner who cannot read taps the speech bubble, sees the nine
languages each written in its own script, taps hers, and the same page comes back in her language —
right to left for Arabic, Dari and Pashto. It fits a landscape tablet and a phone, in both directions."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests import factories

from .helpers import check_accessibility, screenshot, tablet_enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAMES = ["Français", "English", "العربية", "دری", "پښتو", "ትግርኛ", "Soomaali", "Українська", "Русский"]
RIGHT_TO_LEFT = {"ar", "fa", "ps"}

# Every link of the open list inside the window, and none covering another.
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  const links = [...document.querySelectorAll('.lang-picker__list a')];
  const boxes = links.map(a => [a.textContent.trim(), a.getBoundingClientRect()]);
  const found = [];
  for (const [name, box] of boxes) {
    if (box.left < -1 || box.right > width + 1 || box.bottom > height + 1) found.push(`${name} outside`);
    if (box.height < 44 || box.width < 44) found.push(`${name} too small to tap`);
  }
  return found;
}"""


def open_picker(page):
    button = page.locator(".lang-picker__button")
    expect(button).to_have_attribute("aria-label", re.compile(".+"))
    expect(button.locator("svg")).to_be_visible()
    button.click()
    links = page.locator(".lang-picker__list a")
    expect(links).to_have_text(NAMES)
    return links


def url(language, name):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_picker_opens_on_the_catalogue_of_a_landscape_tablet(page, language):
    factories.course()
    page.goto(f"/{language}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    links = open_picker(page)
    for code, link in zip(["fr", "en", "ar", "fa", "ps", "ti", "so", "uk", "ru"], links.all(), strict=True):
        expect(link).to_have_attribute("lang", code)
        expect(link).to_have_attribute("dir", "rtl" if code in RIGHT_TO_LEFT else "ltr")
    expect(page.locator(".lang-picker__list a[aria-current=true]")).to_have_attribute("lang", language)
    assert not page.evaluate(OUTSIDE)
    check_accessibility(page, f"the catalogue in {language} with the language picker open")
    screenshot(page, f"language-picker-catalogue-{language}-1024x768")


def test_the_picker_opens_on_the_tablet_tiles_in_dari(page, live_server):
    factories.catalogue("fr")
    tablet_enrol(page, live_server.url, centre=factories.CentreFactory())
    page.goto(url("fa", "centres:tiles"))
    open_picker(page)
    assert not page.evaluate(OUTSIDE)
    check_accessibility(page, "the tablet tiles in Dari with the language picker open")
    screenshot(page, "language-picker-tiles-fa-1024x768")


def test_tapping_a_language_shows_the_same_page_in_it_and_back(page):
    course = factories.course()
    with translation.override("fr"):
        french = course.url
    page.goto(french)
    open_picker(page).filter(has_text="دری").click()
    expect(page).to_have_url(re.compile(re.escape("/fa/" + french[len("/fr/"):]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(course.title)  # the French course, with the Dari interface
    open_picker(page).filter(has_text="Français").click()
    expect(page).to_have_url(re.compile(re.escape(french) + "$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")


@pytest.mark.parametrize("language", ["fr", "ps"])
def test_the_picker_fits_a_phone_and_closes_on_escape_or_a_tap_elsewhere(page, language):
    factories.catalogue("fr")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url(language, "accounts:login"))
    links = open_picker(page)
    assert not page.evaluate(OUTSIDE)
    check_accessibility(page, f"the sign-in page in {language} at 390 px with the language picker open")
    screenshot(page, f"language-picker-login-{language}-390x844")
    page.keyboard.press("Escape")
    expect(links.first).to_be_hidden()
    expect(page.locator(".lang-picker__button")).to_be_focused()
    open_picker(page)
    page.locator("main").click(position={"x": 5, "y": 5})
    expect(links.first).to_be_hidden()
