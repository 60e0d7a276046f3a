"""Two learners share one enrolled tablet: A signs in with pictures, opens a lesson, presses
« Terminer »; B signs in. Neither B's pages nor the Back button ever show A's name, lesson or answers."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts import services as accounts_services
from accounts.constants import SecretKind
from courses.models import Enrolment
from tests import factories

from .helpers import check_accessibility, screenshot, tablet_enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

A_NAME, B_NAME = "Amina Diallo", "Yonas Tesfay"
A_PICTURES, B_PICTURES = ["cat", "sun", "key"], ["tree", "fish", "moon"]
LESSON_TITLE = "Lire un message"


def learner(centre, name, pictures):
    user = factories.learner_in(centre, display_name=name)
    accounts_services.learner_secret_set(user=user, kind=SecretKind.PICTURE, value=pictures)
    return user


@pytest.fixture
def tablet(page, live_server):
    centre = factories.CentreFactory(name="Belleville")
    tablet_enrol(page, live_server.url, centre=centre)
    course = factories.course()
    lesson = factories.lesson(course, title=LESSON_TITLE)
    a = learner(centre, A_NAME, A_PICTURES)
    b = learner(centre, B_NAME, B_PICTURES)
    for user in (a, b):
        Enrolment.objects.create(learner=user, course=course)
    return {"a": a, "b": b, "lesson": lesson}


def sign_in_with_pictures(page, name, pictures):
    page.goto(reverse("centres:tiles"))
    page.get_by_role("link", name=name).click()
    for key in pictures:
        page.locator(f'[data-picture="{key}"]').click()
    expect(page).to_have_url(re.compile(re.escape(reverse("courses:my_path")) + "$"))


def visible_step(page):
    return page.locator("[data-step]:visible")


def settle(page):
    """After Back: a sign-in screen reached that way moves on to the tiles by itself; wait for it."""
    page.wait_for_function("() => !/\\/tablette\\/\\d+\\//.test(location.pathname)")
    page.wait_for_load_state()


def header_name(page):
    who = page.locator("header .who")
    return who.inner_text() if who.count() else ""


def test_the_tablet_forgets_the_previous_learner(page, tablet):
    sign_in_with_pictures(page, A_NAME, A_PICTURES)
    assert header_name(page) == A_NAME
    page.goto(tablet["lesson"].url)
    page.locator("[data-next]").click()
    page.locator("[data-next]").click()
    hotspot = visible_step(page).locator("[data-hotspot] img")
    box = hotspot.bounding_box()
    hotspot.click(position={"x": box["width"] * 0.6, "y": box["height"] * 0.6})
    expect(visible_step(page).locator(".feedback--right")).to_be_visible()

    page.locator("header .button--end").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("centres:tiles")) + "$"))
    for _ in range(10):  # Back never brings A's pages back: the tablet always comes back to its tiles
        if page.go_back() is None:
            break  # the start of the tablet's history
        expect(page).to_have_url(re.compile(re.escape(reverse("centres:tiles")) + r"(\?.*)?$"))
        page.wait_for_load_state()
        expect(page.locator("h1")).to_be_visible()
        assert header_name(page) == "", f"a signed-in page came back at {page.url}"
        assert LESSON_TITLE not in page.locator("body").inner_text()

    sign_in_with_pictures(page, B_NAME, B_PICTURES)
    assert header_name(page) == B_NAME and A_NAME not in page.locator("main").inner_text()
    page.goto(tablet["lesson"].url)
    assert visible_step(page).get_attribute("id") == "step-1"  # not where A stopped
    page.locator("[data-next]").click()
    page.locator("[data-next]").click()
    expect(visible_step(page).locator("[data-feedback]")).to_be_hidden()  # A's answer is not B's
    for _ in range(4):
        if page.go_back() is None or page.url == "about:blank":
            break  # the start of the tablet's history
        settle(page)
        assert header_name(page) in ("", B_NAME), f"{header_name(page)!r} at {page.url}"
        assert A_NAME not in page.locator("main").inner_text() or "/tablette/" in page.url


def test_an_idle_tablet_warns_before_closing_the_session(page, tablet):
    centre = tablet["a"].memberships.get().centre
    centre.idle_timeout_minutes = 1  # the warning comes one minute before the end: at once here
    centre.save()
    sign_in_with_pictures(page, A_NAME, A_PICTURES)
    warning = page.locator("[data-idle-warning]")
    expect(warning).to_be_visible(timeout=5_000)
    warning.locator("[data-idle-continue]").click()
    expect(warning).to_be_hidden()
    assert header_name(page) == A_NAME


def test_the_picture_screen_fits_a_landscape_tablet_and_forgives_a_slip(page, tablet):
    page.goto(reverse("centres:tiles"))
    check_accessibility(page, "the tiles", strict=True)
    page.get_by_role("link", name=A_NAME).click()
    pictures = page.locator("[data-picture]")
    expect(pictures).to_have_count(12)
    for i in range(12):  # every picture visible without scrolling, at 1024×768
        box = pictures.nth(i).bounding_box()
        assert box["y"] + box["height"] <= 768, f"picture {i + 1} is below the fold ({box})"
    screenshot(page, "fr-pictures-1024x768")
    check_accessibility(page, "the picture screen", strict=True)
    page.locator('[data-picture="tree"]').click()  # a slip: not one of A's pictures
    slot = page.locator(".pictures__slot").first
    expect(slot.locator("svg")).to_have_count(1)
    slot.get_by_role("button").click()  # taken back
    expect(page.locator(".pictures__slot svg")).to_have_count(0)
    for key in A_PICTURES:
        page.locator(f'[data-picture="{key}"]').click()
    expect(page).to_have_url(re.compile(re.escape(reverse("courses:my_path")) + "$"))
    assert header_name(page) == A_NAME
