"""The certification screens: public verification (code, QR link, credential file, limits), the
JWKS, « Mes certificats » and its downloads, a centre's list and export, revocation, and the exam
tablet's API (which never sends an answer key)."""

import base64
import io
import json
import uuid

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from joserfc import jwt
from joserfc.jwk import OKPKey

from centres.constants import Role
from certification import services
from certification.constants import VERIFY_MISSES_LIMIT
from certification.credentials import credential_envelope
from certification.models import Certificate, ExamAnswer
from tests import factories
from tests.certification import factories as cert

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """Pages in English (the msgids), so the assertions hold once the French catalogue has them."""
    with translation.override("en"):
        yield


def passed(candidate):
    attempt = services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
    for question in attempt.questions:
        services.exam_answer_record(attempt=attempt, question_id=question["id"],
                                    payload=cert.right_payload(question), client_uuid=uuid.uuid4())
    return services.exam_attempt_submit(attempt=attempt)


@pytest.fixture
def certificate(candidate):
    return services.certificate_issue(attempt=passed(candidate))


def verify_url(code):
    return reverse("certification:verify_code", args=[code])


# --- Public verification ---------------------------------------------------------------------


def test_anyone_sees_a_valid_certificate_from_its_code(client, certificate):
    response = client.get(verify_url(certificate.code))
    html = response.content.decode()
    assert response.status_code == 200
    for fact in ("Amina Diallo", certificate.level_name, certificate.centre_name, certificate.code, "COM", "Valid"):
        assert fact in html
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_typed_code_in_any_case_and_spacing_finds_the_certificate(client, certificate):
    typed = certificate.code.lower().replace("-", " ").removeprefix("pn ")
    response = client.get(reverse("certification:verify"), {"code": typed})
    assert response.status_code == 302 and response["Location"] == verify_url(certificate.code)


def test_a_revoked_certificate_shows_as_revoked(client, certificate, centre):
    services.certificate_revoke(certificate=certificate, actor=cert.staff(centre, Role.MANAGER), reason="Fraude")
    html = client.get(verify_url(certificate.code)).content.decode()
    assert "Revoked" in html and "no longer valid" in html


@pytest.mark.parametrize("typed", ["PN-0000-0000", "hello", "PN-7K3M", "x" * 500, "PN-7K3M-Q9TX\u202e"])
def test_malformed_codes_get_a_clear_message(client, db, typed):
    response = client.get(reverse("certification:verify"), {"code": typed})
    assert response.status_code == 400
    assert "A code looks like PN-7K3M-Q9TX" in response.content.decode()


def test_an_unknown_code_says_so(client, db):
    response = client.get(verify_url("PN-7K3M-Q9TX"))
    assert response.status_code == 404 and "No certificate has this code" in response.content.decode()


def test_guessing_codes_is_limited_per_address_but_not_looking_up_real_ones(client, certificate):
    for _ in range(VERIFY_MISSES_LIMIT):
        assert client.get(verify_url("PN-7K3M-Q9TX")).status_code == 404
    assert client.get(verify_url("PN-7K3M-Q9TX")).status_code == 429
    assert client.get(verify_url(certificate.code)).status_code == 429
    other = client.get(verify_url(certificate.code), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_hits_do_not_count_towards_the_limit(client, certificate):
    for _ in range(VERIFY_MISSES_LIMIT + 5):
        assert client.get(verify_url(certificate.code)).status_code == 200


def upload(client, content, name="badge.json"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("certification:verify"), {"credential": SimpleUploadedFile(name, content)})


def test_the_downloaded_credential_file_verifies(client, certificate):
    response = upload(client, json.dumps(credential_envelope(certificate.credential)).encode())
    html = response.content.decode()
    assert response.status_code == 200 and "The file's signature is genuine." in html and certificate.code in html


def _tampered(token):
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["achievement"]["name"] = "Niveau 3 — Avancé"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def test_a_tampered_credential_is_refused(client, certificate):
    response = upload(client, json.dumps(credential_envelope(_tampered(certificate.credential))).encode())
    assert response.status_code == 400
    assert "this credential was changed after it was issued" in response.content.decode()


def test_a_foreign_credential_is_refused(client, certificate):
    foreign_key = OKPKey.generate_key("Ed25519")
    claims = {"iss": "https://elsewhere.example/", "jti": f"urn:uuid:{certificate.uuid}"}
    token = jwt.encode({"alg": "Ed25519", "kid": "other"}, claims, foreign_key, algorithms=["Ed25519"])
    response = upload(client, token.encode(), name="badge.jwt")
    assert response.status_code == 400 and "not signed by Passerelle" in response.content.decode()


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage", b"{\"id\": 3}", b"not.a.jwt!", b"{" * 70_000])
def test_files_that_are_not_credentials_are_refused(client, db, content):
    response = upload(client, content)
    assert response.status_code == 400
    assert "credential" in response.content.decode().lower()


def test_the_jwks_publishes_the_public_key_only(client, certificate):
    response = client.get("/.well-known/jwks.json")
    keys = response.json()["keys"]
    assert response.status_code == 200 and keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519"
    assert all("d" not in key for key in keys)
    header = json.loads(base64.urlsafe_b64decode(certificate.credential.split(".")[0] + "=="))
    assert header["kid"] == keys[0]["kid"] and header["alg"] == "Ed25519"


# --- The learner's certificates -------------------------------------------------------------------


def test_a_learner_sees_and_downloads_their_certificate(client, certificate):
    client.force_login(certificate.learner)
    html = client.get(reverse("certification:my_certificates")).content.decode()
    assert certificate.code in html and certificate.level_name in html
    pdf = client.get(reverse("certification:certificate_pdf", args=[certificate.pk]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    badge = client.get(reverse("certification:certificate_credential", args=[certificate.pk]))
    assert badge.json()["type"] == "EnvelopedVerifiableCredential"


def test_nobody_else_downloads_a_certificate(client, certificate):
    stranger = factories.UserFactory()
    other_trainer = cert.staff(factories.CentreFactory(), Role.TRAINER)
    for user in (stranger, other_trainer):
        client.force_login(user)
        assert client.get(reverse("certification:certificate_pdf", args=[certificate.pk])).status_code == 404
        assert client.get(reverse("certification:certificate_credential", args=[certificate.pk])).status_code == 404
        assert certificate.code not in client.get(reverse("certification:my_certificates")).content.decode()
    client.logout()
    response = client.get(reverse("certification:certificate_pdf", args=[certificate.pk]))
    assert response.status_code == 302


# --- The centre's list, export and revocation -----------------------------------------------------


def test_staff_list_and_export_their_centres_certificates_only(client, certificate, centre):
    elsewhere = factories.CentreFactory()
    client.force_login(cert.staff(centre, Role.TRAINER))
    html = client.get(reverse("certification:centre_list", args=[centre.pk])).content.decode()
    assert certificate.code in html and "Revoke" not in html
    csv = client.get(reverse("certification:centre_export", args=[centre.pk])).content.decode("utf-8-sig")
    assert certificate.code in csv and "Amina Diallo" in csv
    assert client.get(reverse("certification:centre_list", args=[elsewhere.pk])).status_code == 403
    assert client.get(reverse("certification:centre_export", args=[elsewhere.pk])).status_code == 403


def test_the_export_neutralises_cells_a_spreadsheet_would_run(client, certificate, centre):
    Certificate.objects.filter(pk=certificate.pk).update(holder_name="=HYPERLINK(\"http://x.invalid\")",
                                                         latin_name="@SUM(A1)")
    client.force_login(cert.staff(centre, Role.MANAGER))
    csv = client.get(reverse("certification:centre_export", args=[centre.pk])).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "'@SUM" in csv
    assert "\n=" not in csv and ";=" not in csv


def _xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()], sheet


def test_the_excel_export_lists_the_centres_certificates_as_text_cells(client, certificate, centre):
    Certificate.objects.filter(pk=certificate.pk).update(latin_name="=HYPERLINK(\"http://x.invalid\")")
    client.force_login(cert.staff(centre, Role.TRAINER))
    response = client.get(reverse("certification:centre_export_xlsx", args=[centre.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows, sheet = _xlsx_rows(response)
    assert rows[0][:3] == ["Name as printed", "Name in Latin letters", "Level"]
    assert rows[1][0] == "Amina Diallo" and rows[1][4] == certificate.code and rows[1][5] == "Valid"
    assert rows[1][1] == "'=HYPERLINK(\"http://x.invalid\")" and sheet.cell(2, 2).data_type == "s"
    elsewhere = factories.CentreFactory()
    assert client.get(reverse("certification:centre_export_xlsx", args=[elsewhere.pk])).status_code == 403


def test_an_export_with_no_certificate_has_its_headers_only(client, centre):
    client.force_login(cert.staff(centre, Role.MANAGER))
    rows, _sheet = _xlsx_rows(client.get(reverse("certification:centre_export_xlsx", args=[centre.pk])))
    assert len(rows) == 1 and rows[0][-1] == "Status"


def test_a_manager_revokes_from_the_centre_list(client, certificate, centre):
    client.force_login(cert.staff(centre, Role.MANAGER))
    response = client.post(reverse("certification:revoke", args=[certificate.pk]), {"reason": "Fraude"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoke_reason == "Fraude"


@pytest.mark.parametrize("who", ["trainer", "other_manager", "holder"])
def test_others_cannot_revoke(client, certificate, centre, who):
    user = {"trainer": lambda: cert.staff(centre, Role.TRAINER),
            "other_manager": lambda: cert.staff(factories.CentreFactory(), Role.MANAGER),
            "holder": lambda: certificate.learner}[who]()
    client.force_login(user)
    response = client.post(reverse("certification:revoke", args=[certificate.pk]), {"reason": "Fraude"})
    assert response.status_code in (403, 404)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


# --- The exam tablet's API -----------------------------------------------------------------------


def _post(client, name, data, *args):
    return client.post(reverse(f"certification:{name}", args=args), json.dumps(data), content_type="application/json")


def test_the_exam_api_never_sends_the_answer_key(client, exam_session, learner):
    client.force_login(learner)
    assert _post(client, "api_join", {"code": exam_session.access_code.lower()}).json()["status"] == "joined"
    assert _post(client, "api_start", {}, exam_session.pk).status_code == 400  # not admitted yet
    services.candidate_admit(candidate=exam_session.candidates.get(), by=exam_session.supervisor)

    state = _post(client, "api_start", {}, exam_session.pk).json()
    attempt_id = state["attempt"]
    attempt = learner.exam_attempts.get()
    question = attempt.questions[0]
    answered = _post(client, "api_answer", {"question_id": question["id"], "payload": cert.right_payload(question),
                                            "client_uuid": str(uuid.uuid4())}, attempt_id)
    responses = [json.dumps(state), answered.content.decode(),
                 client.get(reverse("certification:api_attempt", args=[attempt_id])).content.decode()]
    for body in responses:
        for secret in ("is_correct", "accepted_answers", "is_true", "zones", "feedback", "source_id"):
            assert secret not in body, (secret, body[:300])
    assert answered.json() == {"recorded": True, "answered": 1}


def test_the_api_refuses_bad_input_clearly_and_records_nothing(client, candidate):
    client.force_login(candidate.learner)
    attempt_id = _post(client, "api_start", {}, candidate.session.pk).json()["attempt"]
    bad = [
        ({"question_id": str(uuid.uuid4()), "payload": {"value": True}, "client_uuid": str(uuid.uuid4())},
         "not part of your exam"),
        ({"question_id": "nope", "payload": {}, "client_uuid": str(uuid.uuid4())}, "could not be read"),
        ({"payload": {}}, "could not be read"),
    ]
    for data, message in bad:
        response = _post(client, "api_answer", data, attempt_id)
        assert response.status_code == 400 and message in response.json()["error"]
    assert not ExamAnswer.objects.exists()
    other = factories.UserFactory()
    client.force_login(other)
    assert client.get(reverse("certification:api_attempt", args=[attempt_id])).status_code == 404


@pytest.mark.parametrize("code", ["", "ABC", "0O1IL2", "x" * 500])
def test_a_wrong_access_code_is_refused(client, exam_session, learner, code):
    client.force_login(learner)
    response = _post(client, "api_join", {"code": code})
    assert response.status_code == 400 and "supervisor" in response.json()["error"]
    assert not exam_session.candidates.exists()


def test_a_session_of_another_centre_or_closed_cannot_be_joined(client, exam_session, centre):
    outsider = factories.learner_in(factories.CentreFactory())
    client.force_login(outsider)
    assert _post(client, "api_join", {"code": exam_session.access_code}).status_code == 400
    services.exam_session_close(session=exam_session, by=exam_session.supervisor)
    client.force_login(factories.learner_in(centre))
    response = _post(client, "api_join", {"code": exam_session.access_code})
    assert response.status_code == 400 and "No exam session is open" in response.json()["error"]


@pytest.mark.parametrize("name, message", [
    ("A" * 500, "too long"), ("Amina\u0007", "invisible characters"), ("", "Type the name"), (17, "Type the name"),
])
def test_a_name_that_cannot_be_printed_is_refused_and_nothing_changes(client, candidate, name, message):
    client.force_login(candidate.learner)
    code = candidate.session.access_code
    response = _post(client, "api_join", {"code": code, "printed_name": name})
    assert response.status_code == 400 and message in response.json()["error"]
    candidate.refresh_from_db()
    assert candidate.printed_name == "Amina Diallo"


def test_a_name_refused_joins_nobody(client, exam_session, centre):
    newcomer = factories.learner_in(centre)
    client.force_login(newcomer)
    response = _post(client, "api_join", {"code": exam_session.access_code, "printed_name": "A" * 500})
    assert response.status_code == 400 and not exam_session.candidates.filter(learner=newcomer).exists()


def test_the_candidate_chooses_the_printed_name(client, candidate):
    client.force_login(candidate.learner)
    response = _post(client, "api_join", {"code": candidate.session.access_code,
                                          "printed_name": " أمينة  ديالو ", "latin_name": "Amina Diallo"})
    assert response.json()["printed_name"] == "أمينة ديالو" and response.json()["latin_name"] == "Amina Diallo"
