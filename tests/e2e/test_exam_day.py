"""An exam day, in Chromium, with a real Celery worker: the trainer opens a session on the supervisor's
screen; a learner signs in on the centre's tablet with their tile and pictures, types the code, is
admitted, answers every question and passes; the worker issues the certificate; its PDF downloads, and
the QR code printed on it (read from the PDF's image) leads to a page saying it is valid."""

import re
import shutil
import subprocess
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres.constants import Role
from certification.models import Certificate, ExamAttempt
from lms.celery import app as celery_app
from tests import factories
from tests.certification import factories as cert
from tests.workers import worker_start, worker_stop

from .conftest import browser_page
from .helpers import check_accessibility, screenshot, t, tablet_enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEARNER, PICTURES = "Amina Diallo", ["cat", "sun", "key"]
CERTIFICATE_TIMEOUT = 60


@pytest.fixture
def worker(live_server, tmp_path):
    """The worker prints the live server's address in QR codes, as production prints its own."""
    celery_app.control.purge()
    log = tmp_path / "worker.log"
    process = worker_start(log, PASSERELLE_PUBLIC_URL=live_server.url)
    yield process
    worker_stop(process)
    print(log.read_text()[-3000:])


@pytest.fixture
def exam_day(page, live_server):
    centre = factories.CentreFactory(name="Centre Belleville")
    tablet_enrol(page, live_server.url, centre=centre)
    learner = factories.learner_in(centre, display_name=LEARNER)
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=PICTURES)
    trainer = cert.staff(centre, role=Role.TRAINER, display_name="Tarek Formateur", username="tarek")
    return {"centre": centre, "learner": learner, "trainer": trainer, "level": cert.level()}


@pytest.fixture
def supervisor_page(browser, live_server):
    """The trainer's laptop: a second browser, signed in with a password."""
    with browser_page(browser, live_server.url, 1280, 800, who="the supervisor's screen") as laptop:
        yield laptop


def sign_in_staff(page, user):
    page.goto(reverse("accounts:login"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def sign_in_on_tablet(page, name, pictures):
    page.goto(reverse("centres:tiles"))
    page.get_by_role("link", name=name).click()
    for key in pictures:
        page.locator(f'[data-picture="{key}"]').click()
    expect(page).to_have_url(re.compile(re.escape(reverse("courses:my_path")) + "$"))


def answer_rightly(step, question):
    """Answer the visible question as someone who knows, through the screen only."""
    kind, value = question["type"], question["value"]
    if kind == "single_choice":
        right = next(c["value"]["text"] for c in value["choices"] if c["value"]["is_correct"])
        step.locator("label.choice", has_text=right).click()
    elif kind == "true_false":
        step.locator("label.choice--true" if value["is_true"] else "label.choice--false").click()
    elif kind == "ordering":
        for position, item in enumerate(value["items"]):
            row = step.locator(f'[data-item-id="{item["id"]}"]')
            while step.locator("[data-item-id]").evaluate_all(
                    "(rows, id) => rows.findIndex(r => r.dataset.itemId === id)", item["id"]) > position:
                row.locator('[data-move="-1"]').click()
    elif kind == "typed_answer":
        accepted = value["accepted_answers"][0]  # a list item, stored as {"type", "value", "id"}
        step.locator("input[name=text]").fill(accepted["value"] if isinstance(accepted, dict) else accepted)
    step.locator(".question__check").click()
    expect(step.locator("[data-saved]")).to_be_visible()


def qr_link_of(pdf_path, tmp_path):
    """The address in the PDF's QR code: the page drawn to PNG by poppler, the code read by zbar."""
    for tool in ("pdftoppm", "zbarimg"):
        assert shutil.which(tool), f"{tool} is missing (make test installs poppler-utils and zbar-tools)"
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf_path), str(tmp_path / "page")], check=True)
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
                           capture_output=True, text=True, check=True)
    return found.stdout.strip()


def wait_for_certificate(attempt):
    deadline = time.monotonic() + CERTIFICATE_TIMEOUT
    while time.monotonic() < deadline:
        certificate = Certificate.objects.filter(attempt=attempt).first()
        if certificate is not None and certificate.is_complete:
            return certificate
        time.sleep(0.3)
    pytest.fail(f"no complete certificate {CERTIFICATE_TIMEOUT} s after the exam was handed in")


def test_an_exam_day_from_opening_the_session_to_a_verified_certificate(page, supervisor_page, exam_day,
                                                                       worker, tmp_path):
    # The trainer opens today's session on the supervisor's screen.
    sign_in_staff(supervisor_page, exam_day["trainer"])
    supervisor_page.get_by_role("link", name=t("Exams", "fr")).click()
    supervisor_page.get_by_label(t("Room", "fr")).fill("Salle 2")
    supervisor_page.get_by_role("button", name=t("Open the session", "fr")).click()
    code = supervisor_page.locator("[data-access-code]").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{6}", code)
    check_accessibility(supervisor_page, "the supervisor's screen", strict=True)

    # The learner signs in on the tablet with her tile and pictures, and types the code.
    sign_in_on_tablet(page, LEARNER, PICTURES)
    page.get_by_role("link", name=t("Exam", "fr"), exact=True).click()
    page.get_by_label(t("The code on the board", "fr")).fill(code.lower())
    page.get_by_role("button", name=t("Join", "fr")).click()
    expect(page.get_by_text(t("Wait: the supervisor will admit you.", "fr"))).to_be_visible()
    screenshot(page, "exam-waiting-fr-1024")

    # She appears on the supervisor's screen without a reload; the supervisor admits her.
    candidate = supervisor_page.locator(".candidate", has_text=LEARNER)
    expect(candidate).to_be_visible()
    candidate.get_by_role("button", name=re.compile(t("Admit", "fr"))).click()
    expect(supervisor_page.locator(".candidate--admitted", has_text=LEARNER)).to_be_visible()
    screenshot(supervisor_page, "exam-supervisor-fr-1280")

    # The waiting screen notices by itself; she starts and answers every question.
    page.get_by_role("button", name=re.compile(t("Start the exam", "fr"))).click(timeout=20_000)
    attempt = ExamAttempt.objects.get(learner=exam_day["learner"])
    questions = {q["id"]: q for q in attempt.questions}
    expect(page.locator("[data-step]:visible")).to_have_count(1)
    screenshot(page, "exam-question-fr-1024")
    check_accessibility(page, "the exam player", strict=True)
    for _question in questions:
        step = page.locator("[data-step]:visible")
        answer_rightly(step, questions[step.get_attribute("data-step-id")])
        page.locator("[data-next]").click()
    expect(page.get_by_text(t("You answered every question.", "fr"))).to_be_visible()
    page.get_by_role("button", name=re.compile(t("Hand in", "fr"))).click()
    expect(page.get_by_text(t("Passed! Congratulations.", "fr"))).to_be_visible()

    # The worker issues the certificate once; the learner downloads its PDF.
    certificate = wait_for_certificate(attempt)
    assert Certificate.objects.filter(learner=exam_day["learner"]).count() == 1
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name=t("Download my certificate (PDF)", "fr")).click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # Anyone who scans the QR code lands on the verification page, which says it is valid.
    link = qr_link_of(pdf, tmp_path)
    assert link == live_server_url(page) + reverse("certification:verify_code", args=[certificate.code])
    employer = supervisor_page.context.browser.new_page()
    employer.goto(link)
    expect(employer.locator("main")).to_contain_text(certificate.code)
    expect(employer.locator("main")).to_contain_text(LEARNER)
    expect(employer.locator("main")).to_contain_text(t("Valid", "fr"))
    employer.close()


def live_server_url(page):
    return re.match(r"https?://[^/]+", page.url).group(0)
