"""Certificates: issued exactly once (and completed after a worker died half-way), a PDF with the
holder's name in their script, a signed Open Badges credential, revocation kept in the history."""

import io
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from centres.constants import Role
from certification import services
from certification.codes import verification_code_parse
from certification.constants import AuditAction
from certification.credentials import credential_verify
from certification.exceptions import ExamRefused
from certification.issuing import NotIssuable
from certification.models import Certificate, ExamAttempt
from certification.tasks import certificate_issue_task, certificates_complete_pending
from tests import factories
from tests.certification import factories as cert

pytestmark = pytest.mark.django_db

ARABIC_NAME = "أمينة ديالو"


def passed_attempt(candidate):
    attempt = services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
    for question in attempt.questions:
        services.exam_answer_record(attempt=attempt, question_id=question["id"],
                                    payload=cert.right_payload(question), client_uuid=uuid.uuid4())
    return services.exam_attempt_submit(attempt=attempt)  # on_commit does not run: issue by hand


@pytest.fixture
def arabic_candidate(exam_session, centre):
    learner = factories.learner_in(centre, display_name=ARABIC_NAME, preferred_language="ar")
    candidate = cert.admitted(exam_session, learner)
    return services.candidate_printed_name_set(candidate=candidate, printed_name=ARABIC_NAME,
                                               latin_name="Amina Diallo")


@pytest.fixture
def certificate(arabic_candidate):
    return services.certificate_issue(attempt=passed_attempt(arabic_candidate))


def test_issuing_twice_leaves_one_certificate_unchanged(certificate):
    attempt = ExamAttempt.objects.get()
    again = services.certificate_issue(attempt=attempt)
    assert again.pk == certificate.pk and again.code == certificate.code and again.pdf.name == certificate.pdf.name
    assert certificate_issue_task.delay(attempt.pk).get() == certificate.code
    assert Certificate.objects.count() == 1
    assert list(certificate.audit_entries.values_list("action", flat=True)) == [AuditAction.ISSUED]


def test_a_run_stopped_half_way_is_completed_by_the_next(arabic_candidate):
    attempt = passed_attempt(arabic_candidate)
    # The worker died after creating the row, before signing and rendering.
    services.certificate_issue(attempt=attempt)
    Certificate.objects.update(credential="", pdf="")
    assert not Certificate.objects.get().is_complete

    assert certificates_complete_pending.delay().get() == 1
    certificate = Certificate.objects.get()
    assert certificate.is_complete and Certificate.objects.count() == 1


def test_no_certificate_for_a_failed_or_practice_attempt(candidate, level, learner):
    attempt = services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
    services.exam_attempt_submit(attempt=attempt)
    attempt.refresh_from_db()
    with pytest.raises(NotIssuable):
        services.certificate_issue(attempt=attempt)
    assert certificate_issue_task.delay(attempt.pk).get() is None
    assert not Certificate.objects.exists()


def test_the_code_is_unambiguous_and_in_the_pn_form(certificate):
    assert verification_code_parse(certificate.code) == certificate.code
    assert not set(certificate.code) & set("01OIL")
    assert len(certificate.code) == len("PN-7K3M-Q9TX")


def test_the_pdf_holds_the_arabic_name_as_text_and_every_fact(certificate):
    reader = PdfReader(io.BytesIO(certificate.pdf.read()))
    text = reader.pages[0].extract_text()
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert len(reader.pages) == 1
    # pypdf gives right-to-left text in visual order: compare the letters either way round.
    letters = ARABIC_NAME.replace(" ", "")
    compact = text.replace(" ", "").replace("\n", "")
    assert letters in compact or letters[::-1] in compact
    for fact in ("Amina Diallo", certificate.level_name, certificate.centre_name, certificate.code, "COM", "SEC"):
        assert fact in text
    fonts = {str(f) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts  # embedded by WeasyPrint


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_pdf_renders_to_an_image(certificate, tmp_path):
    (tmp_path / "certificate.pdf").write_bytes(certificate.pdf.read())
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "certificate.pdf"),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 10_000
    screens = Path(os.environ.get("PASSERELLE_SCREENS", "/tmp/screens"))  # to be looked at
    screens.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(tmp_path / "certificate.pdf"),
                    str(screens / "certificate-arabic-name")], check=True)


def test_the_credential_is_a_signed_open_badge_with_the_certificates_facts(certificate):
    claims = credential_verify(certificate.credential)
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["jti"] == f"urn:uuid:{certificate.uuid}"
    subject = claims["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == ARABIC_NAME
    assert subject["achievement"]["name"] == certificate.level_name
    assert claims["evidence"][0]["id"].endswith(f"/certificats/verifier/{certificate.code}/")


def test_revoking_needs_a_manager_of_the_issuing_centre_and_keeps_the_history(certificate, centre):
    trainer = cert.staff(centre, Role.TRAINER)
    other_manager = cert.staff(factories.CentreFactory(), Role.MANAGER)
    for user in (trainer, other_manager, certificate.learner):
        with pytest.raises(PermissionDenied):
            services.certificate_revoke(certificate=certificate, actor=user, reason="Fraude")
    manager = cert.staff(centre, Role.MANAGER, username="directrice")
    with pytest.raises(ExamRefused, match="Say why"):
        services.certificate_revoke(certificate=certificate, actor=manager, reason="   ")
    certificate.refresh_from_db()
    assert not certificate.is_revoked

    services.certificate_revoke(certificate=certificate, actor=manager, reason="Fraude constatée")
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == manager
    entry = certificate.audit_entries.get(action=AuditAction.REVOKED)
    assert entry.actor == manager and entry.actor_name == "directrice" and entry.note == "Fraude constatée"


