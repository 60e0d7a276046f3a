"""Issue 12: the tablet screens (tiles, pictures, the languages chooser) and the lesson player with
« my language » in Dari, Pashto, Tigrinya and Ukrainian. axe-core finds no serious or critical
problem on the player, the end screen and the tiles in Dari and Pashto (as in Arabic); screenshots
at 1024×768 and 800×1280 go to /tmp/screens/contentlang-*.png for a person to look at."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts import services as accounts_services
from accounts.constants import SecretKind
from tests import factories

from .helpers import check_accessibility, screenshot, t, tablet_enrol
from .test_dari_walk import STEP_ACTIONS, DariWalk, demo_email_lesson

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAME = "Amina Diallo"
PICTURES = ["cat", "sun", "key"]
SIZES = [(1024, 768), (800, 1280)]


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def shots(page, name):
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"contentlang-{name}-{width}x{height}")
    page.set_viewport_size({"width": 1024, "height": 768})


@pytest.fixture
def tablet(page, live_server):
    centre = factories.CentreFactory(name="Belleville")
    tablet_enrol(page, live_server.url, centre=centre)
    course, lesson = demo_email_lesson()
    learner = factories.learner_in(centre, display_name=NAME)
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=PICTURES)
    return course, lesson, learner


@pytest.mark.parametrize("language", ["fa", "ps", "ti", "uk"])
def test_tablet_screens_and_player_in_each_language(page, tablet, language):
    course, lesson, learner = tablet
    audit = language in ("fa", "ps")
    page.goto(url(language, "centres:tiles"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    if audit:
        check_accessibility(page, f"the tiles in {language}")
    shots(page, f"{language}-tiles")
    page.get_by_role("link", name=NAME).click()
    expect(page.locator("[data-picture]").first).to_be_visible()
    shots(page, f"{language}-pictures")
    for key in PICTURES:
        page.locator(f'[data-picture="{key}"]').click()
    chooser = page.locator("[data-lang-chooser]")
    expect(chooser).to_be_visible()
    shots(page, f"{language}-chooser")
    for name in ("Français", "دری", "العربية"):
        chooser.get_by_text(name, exact=True).click()
    page.get_by_role("button", name=t("Save my languages", language)).click()

    page.goto(f"/{language}/{course.url.split('/', 2)[2]}")
    with page.expect_response(lambda r: "/etapes/" in r.url and r.request.method == "POST"):
        page.get_by_role("button", name=t("Start", language)).click()
    group = page.get_by_role("group", name=t("My language", language))
    expect(group.get_by_role("button")).to_have_count(3)  # Français, دری, العربية
    if audit:
        check_accessibility(page, f"the player in {language}")
    shots(page, f"{language}-player")
    walk = DariWalk(page, language)
    walk.my_language("دری")
    expect(walk.step).to_have_attribute("lang", "fa")
    if audit:
        check_accessibility(page, f"a step in Dari in the player in {language}")
    shots(page, f"{language}-player-step-in-dari")
    walk.my_language("Français")
    for number, action in enumerate(STEP_ACTIONS, start=1):
        action(walk)
        if number == 6:
            shots(page, f"{language}-player-answered")
        if number < len(STEP_ACTIONS):
            walk.next()
    walk.button("Finish the lesson").click()
    expect(page.locator("[data-end-passed]")).to_be_visible()
    if audit:
        check_accessibility(page, f"the end screen in {language}")
    shots(page, f"{language}-end")
