"""Every staff page on a phone held upright (390×844), as a centre manager, in French and Arabic: nothing
scrolls sideways, and a page whose heart is a list shows that list's first row on the first screen
(its actions come after, or in a compact menu). The pages are read from the URL resolver, as the
security matrix reads them (tests/security/test_matrix.py), so a staff page added later is visited too.

Screenshots of each page (``staff-<language>-<page>.png``) are kept for a person to look at."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from centres import joining
from tests import factories
from tests.security.test_matrix import (
    LEARNER_ROUTES,
    PUBLIC_ROUTES,
    STAFF_ROUTES,
    url_of,
    world_build,
)

from .conftest import browser_page
from .helpers import screenshot, t

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
# Pages whose heart is a list: its first row must be on the first screen.
LIST_PAGES = {
    "centres:learner_list", "centres:cards_index", "centres:devices", "centres:erasure_requests",
    "dashboards:learner_list", "dashboards:matrix", "dashboards:missed_questions", "dashboards:network_home",
    "community:host_sessions", "community:host_home", "community:referents", "community:check_in",
    "certification:exam_sessions", "certification:exam_sessions_home", "certification:centre_list",
    "certification:exam_session",
}
# What a phone shows beyond the staff pages: the join page of a newcomer, and its code screen.
PUBLIC_PAGES = ("centres:join", "centres:join_with_code")

SIDEWAYS = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = Array.from(document.querySelectorAll("body *:not(.skip-link):not(.visually-hidden)")).filter((el) => {
    if (el.closest("[data-scrolls]")) return false;  // a box that scrolls inside itself (the cohort matrix)
    const box = el.getBoundingClientRect();
    return box.width && (box.right > width + 1 || box.left < -1);
  }).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().left)}..`
     + `${Math.round(el.getBoundingClientRect().right)}`).slice(0, 6);
  return {overflow: root.scrollWidth - root.clientWidth, wide};
}"""

FIRST_ROW = """() => {
  const list = document.querySelector("[data-main-list]");
  if (!list) return null;
  const row = list.matches("table") ? list.querySelector("tbody tr") : list.firstElementChild;
  const box = (row || list).getBoundingClientRect();
  return {top: Math.round(box.top), bottom: Math.round(box.bottom)};
}"""


def phone_pages(world):
    """(name, URL) of every staff page a manager opens with GET, and the newcomer's join pages: pages of
    the site (not the Wagtail admin, not the tablet's), answered with HTML."""
    manager = Client()
    manager.force_login(world.manager_b)
    pages = []
    for route in STAFF_ROUTES:
        if route.kind != "site" or route.name in LEARNER_ROUTES:
            continue
        url = url_of(world, route)
        response = manager.get(url, follow=True)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages.append((route.name, url))
    assert set(PUBLIC_PAGES) <= set(PUBLIC_ROUTES)
    pages.append(("centres:join", reverse("centres:join")))
    pages.append(("centres:join_with_code", reverse("centres:join_with_code", args=[world.centre_b.join_code])))
    return pages


def phone_world():
    """The security matrix's two centres; centre B, whose manager is signed in, also has learners with
    long and Arabic names, a learner locked out, and joining open."""
    world = world_build()
    for name in ("أمينة ديالو", "Maria-Fernanda Oliveira dos Santos", "Оксана Коваленко"):
        factories.learner_in(world.centre_b, display_name=name)
    joining.centre_join_open(centre=world.centre_b)
    world.centre_b.refresh_from_db()
    return world


def sign_in(page, live_server, user, language):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
         "url": live_server.url, "httpOnly": True, "sameSite": "Lax"},
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url, "sameSite": "Lax"},
    ])


def in_language(url, language):
    return f"/{language}/{url.split('/', 2)[2]}" if url.startswith(f"/{settings.LANGUAGE_CODE}/") else url


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_staff_page_fits_a_phone_and_shows_its_list_first(browser, live_server, language):
    world = phone_world()
    with translation.override("fr"):
        pages = phone_pages(world)
    names = {name for name, _url in pages}
    assert LIST_PAGES <= names, f"list pages not visited: {LIST_PAGES - names}"
    problems = []
    with browser_page(browser, live_server.url, **PHONE, who="the manager's phone") as phone:
        sign_in(phone, live_server, world.manager_b, language)
        for name, url in pages:
            phone.goto(in_language(url, language))
            measured = phone.evaluate(SIDEWAYS)
            if measured["overflow"] > 0 or measured["wide"]:
                problems.append(f"{name}: scrolls sideways by {measured['overflow']} px; too wide: {measured['wide']}")
            row = phone.evaluate(FIRST_ROW)
            if name in LIST_PAGES and row is None:
                problems.append(f"{name}: no main list marked (data-main-list)")
            elif row is not None and row["top"] >= PHONE["height"]:
                problems.append(f"{name}: the list's first row starts at {row['top']} px, below the first screen")
            screenshot(phone, f"staff-{language}-{name.replace(':', '-')}")
    assert not problems, "\n".join(problems)


def test_the_staff_menu_is_one_button_on_a_phone(browser, live_server):
    world = phone_world()
    with browser_page(browser, live_server.url, **PHONE, who="the manager's phone") as phone:
        sign_in(phone, live_server, world.manager_b, "fr")
        phone.goto(f"/fr/centres/{world.centre_b.pk}/apprenants/")
        menu = phone.get_by_role("button", name=t("Menu", "fr"))
        my_centre = phone.locator(".site-nav").get_by_role("link", name=t("My centre", "fr"))
        expect(my_centre).to_be_hidden()
        expect(menu).to_have_attribute("aria-expanded", "false")
        header = phone.locator(".site-header").bounding_box()
        assert header["height"] <= 140, f"the header takes {header['height']} px"
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(my_centre).to_be_visible()
        screenshot(phone, "staff-fr-menu-open")
        phone.keyboard.press("Escape")
        expect(my_centre).to_be_hidden()
        phone.set_viewport_size({"width": 1024, "height": 768})
        expect(my_centre).to_be_visible()
        expect(menu).to_be_hidden()
