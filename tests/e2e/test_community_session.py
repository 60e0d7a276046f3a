"""A référent's community session, end to end in Chromium: they plan a 2-seat session from their phone;
three learners register (the third waits); one cancels and the third is promoted; on a 390×844 screen the
référent checks the two in (a tap lost by the network is sent again and counted once), adds a walk-in,
and signs off a skill for one, which then shows on that learner's path. The check-in screen is
photographed in French and Arabic (tests/e2e/helpers.screenshot)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from centres.constants import Role
from centres.models import Membership
from community.constants import RegistrationStatus
from community.models import CheckIn, CommunitySession, Registration, SkillSignOff
from tests import factories

from .helpers import check_accessibility, screenshot, t

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
TITLE = "Les e-mails en arabe"
EVIDENCE = "A envoyé un e-mail avec une photo en pièce jointe, seule"


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def people(db):
    centre = factories.CentreFactory(name="Belleville")
    referent = factories.UserFactory(display_name="Moussa K.", username="moussa")
    Membership.objects.create(user=referent, centre=centre, role=Role.REFERENT)
    learners = [factories.learner_in(centre, display_name=name, username=name.lower())
                for name in ("Amina", "Yonas", "Farid")]
    factories.learner_in(centre, display_name="Mariam", username="mariam")
    factories.lesson(factories.course(), title="Envoyer une pièce jointe", slug="piece-jointe")
    competence = factories.competence("COM")
    competence.name = "Communiquer par e-mail"
    competence.save()
    return {"centre": centre, "referent": referent, "learners": learners, "competence": competence}


@pytest.fixture
def new_page(browser, live_server):
    """Pages of their own (each person on their own phone), closed at the end whatever happens."""
    contexts = []

    def make(viewport=PHONE):
        context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="fr-FR")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, user):
    page.goto(url_in("fr", "accounts:login"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(url_in("fr", "courses:my_path")) + "$"))


def plan_session(page, centre):
    page.goto(url_in("fr", "community:session_plan", centre.pk))
    day = timezone.localdate() + timedelta(days=1)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_start_time").fill("18:30")
    page.locator("#id_end_time").fill("20:00")
    page.locator("#id_capacity").fill("2")
    page.locator("input[name=languages][value=ar]").check()
    page.locator("input[name=languages][value=fr]").check()
    page.get_by_label("Envoyer une pièce jointe").check()
    page.locator("#id_childcare").check()
    page.locator("form.plan-form button[type=submit]").click()
    session = CommunitySession.objects.get()
    expect(page).to_have_url(re.compile(re.escape(url_in("fr", "community:session_detail", session.pk)) + "$"))
    return session


WIDER_THAN_THE_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  // The site menu is one row that scrolls sideways on a phone, by design: its links may lie beyond the edge.
  return Array.from(document.querySelectorAll("body *:not(.skip-link):not(.visually-hidden)")).filter((el) => {
    if (el.closest(".site-nav")) return false;
    const box = el.getBoundingClientRect();
    return box.width && (box.right > width + 1 || box.left < -1);
  }).map((el) => el.tagName + "." + el.className + " " + Math.round(el.getBoundingClientRect().left) + ".."
         + Math.round(el.getBoundingClientRect().right)).slice(0, 8);
}"""


def photograph(page, name):
    """The top of the screen as the référent sees it first; nothing wider than the phone."""
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == [], f"{name}: wider than the screen"
    screenshot(page, name)


def register(page, session):
    page.goto(url_in("fr", "community:sessions"))
    card = page.locator(f'[data-session="{session.pk}"]')
    card.locator("form button").click()
    return page.locator(f'[data-session="{session.pk}"] [data-status]')


def test_a_referent_runs_a_session_from_their_phone(new_page, people):
    referent_page = new_page()
    sign_in(referent_page, people["referent"])
    session = plan_session(referent_page, people["centre"])
    assert session.capacity == 2 and session.childcare and set(session.language_codes) == {"ar", "fr"}

    amina, yonas, farid = people["learners"]
    pages = {}
    for learner in (amina, yonas, farid):
        pages[learner] = new_page()
        sign_in(pages[learner], learner)
        status = register(pages[learner], session)
        expected = "waiting" if learner == farid else "registered"
        expect(status).to_have_attribute("data-status", expected)
    expect(pages[farid].locator(f'[data-session="{session.pk}"]')).to_contain_text(
        t("You are on the waiting list", "fr"))

    pages[amina].locator(f'[data-session="{session.pk}"] form button').click()  # « Cancel my registration »
    pages[farid].reload()
    expect(pages[farid].locator(f'[data-session="{session.pk}"] [data-status]')).to_have_attribute(
        "data-status", "registered")
    assert Registration.objects.get(learner=amina).status == RegistrationStatus.CANCELLED
    pages[farid].goto(url_in("ar", "community:sessions"))
    check_accessibility(pages[farid], "sessions (ar)")
    photograph(pages[farid], "sessions-390x844-ar")

    check_in_page = referent_page
    check_in_page.goto(url_in("fr", "community:check_in", session.pk))
    lost = {"count": 0}

    def lose_the_first_tap(route):
        if lost["count"] == 0:
            lost["count"] += 1
            route.abort("internetdisconnected")
        else:
            route.continue_()

    check_in_page.route(re.compile(r".*/accueil/pointer/$"), lose_the_first_tap)
    for learner in (yonas, farid):
        check_in_page.locator(f'.check-in__list [data-learner-id="{learner.pk}"]').first.click()
        expect(check_in_page.locator(f'[data-learner-id="{learner.pk}"]').first).to_have_attribute(
            "aria-pressed", "true")
    check_in_page.locator("#walk-in-name").fill("Samir B.")
    check_in_page.locator("[data-new] button").click()
    expect(check_in_page.locator("[data-present]")).to_have_text("3")
    expect(check_in_page.locator("[data-handover]")).to_contain_text("Samir B.")
    assert lost["count"] == 1
    assert CheckIn.objects.filter(session=session).count() == 3
    assert CheckIn.objects.get(learner__display_name="Samir B.").walk_in
    check_accessibility(check_in_page, "check-in (fr)")
    photograph(check_in_page, "check-in-390x844-fr")
    check_in_page.goto(url_in("ar", "community:check_in", session.pk))
    expect(check_in_page.locator("html")).to_have_attribute("dir", "rtl")
    check_accessibility(check_in_page, "check-in (ar)")
    photograph(check_in_page, "check-in-390x844-ar")

    check_in_page.goto(url_in("fr", "community:session_review", session.pk))
    form = check_in_page.locator("[data-sign-off]")
    form.locator("#id_learner").select_option(str(yonas.pk))
    form.locator("#id_competence").select_option(str(people["competence"].pk))
    form.locator("#id_evidence").fill(EVIDENCE)
    form.locator("button[type=submit]").click()
    expect(check_in_page.locator("main")).to_contain_text(EVIDENCE)
    assert SkillSignOff.objects.get().learner == yonas

    pages[yonas].goto(url_in("fr", "courses:my_path"))
    section = pages[yonas].locator("[data-sign-offs]")
    expect(section).to_contain_text("Communiquer par e-mail")
    expect(section).to_contain_text(EVIDENCE)
