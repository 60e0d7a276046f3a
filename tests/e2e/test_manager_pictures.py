"""On a phone (390×844), a manager gives a learner new pictures with the picture grid the learner points
at, prints the reminder; the learner then signs in on the centre's tablet with the new pictures."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from accounts import services as accounts_services
from accounts.constants import PICTOGRAMS, SecretKind
from centres.constants import Role
from tests import factories
from tests.certification.factories import staff

from .conftest import browser_page
from .helpers import check_accessibility, screenshot, t, tablet_enrol, tb

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def phone(browser, live_server):
    with browser_page(browser, live_server.url, 390, 844, who="the manager's phone") as page:
        yield page


def test_a_manager_gives_new_pictures_from_a_phone_and_the_learner_uses_them(phone, page, live_server):
    centre = factories.CentreFactory(name="Belleville")
    learner = factories.learner_in(centre, display_name="Amina Diallo")
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=["cat", "sun", "key"])
    manager = staff(centre, Role.MANAGER, display_name="Marie Responsable", username="marie")

    phone.goto(reverse("accounts:login"))
    phone.locator("#id_username").fill(manager.username)
    phone.locator("#id_password").fill(factories.PASSWORD)
    phone.locator("main form button[type=submit]").click()
    expect(phone).to_have_url(re.compile(re.escape(reverse("centres:learner_list", args=[centre.pk])) + "$"))
    phone.get_by_role("link", name=tb("New pictures for %(name)s", "fr", name="Amina Diallo")).click()
    for key in ("tree", "fish", "moon"):
        phone.locator(f'[data-picture="{key}"]').click()
    screenshot(phone, "fr-manager-new-pictures-390x844")
    check_accessibility(phone, "the new pictures grid on a phone")
    phone.get_by_role("button", name=re.compile(t("Save these pictures", "fr"))).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(t("Your 3 pictures, in this order", "fr"))
    phone.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    print_button = phone.get_by_role("button", name=re.compile(t("Print the reminder", "fr")))
    print_button.click()
    assert phone.evaluate("() => window.__printed") == 1
    screenshot(phone, "fr-picture-reminder-390x844")
    # What the printer gets: the three pictures in their order and the advice, no menu, no buttons.
    phone.emulate_media(media="print")
    expect(phone.locator(".site-header")).to_be_hidden()
    expect(print_button).to_be_hidden()
    reminder = phone.locator(".picture-reminder__list svg")
    expect(reminder).to_have_count(3)
    with translation.override("fr"):
        labels = [str(PICTOGRAMS[key]) for key in ("tree", "fish", "moon")]
    assert [reminder.nth(i).get_attribute("aria-label") for i in range(3)] == labels
    for i in range(3):
        expect(reminder.nth(i)).to_be_visible()
    expect(phone.get_by_text(t("Keep this paper for yourself. Do not show it to anyone.", "fr"))).to_be_visible()
    screenshot(phone, "fr-picture-reminder-print")
    phone.emulate_media(media="screen")
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px on a phone"

    tablet_enrol(page, live_server.url, centre=centre)
    page.goto(reverse("centres:tiles"))
    page.get_by_role("link", name="Amina Diallo").click()
    for key in ("tree", "fish", "moon"):
        page.locator(f'[data-picture="{key}"]').click()
    expect(page).to_have_url(re.compile(re.escape(reverse("courses:my_path")) + "$"))
