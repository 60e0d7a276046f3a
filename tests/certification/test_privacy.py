"""« My data » holds a learner's exam and practice results, the answers they gave, their candidacies
and their certificates, but never the questions drawn with their right answers (those are the
question banks'). Erasure clears the answers and the names a candidate gave; a certificate stays
verifiable with its printed name (the design's rule), detached from the erased account."""

import json
import uuid

import pytest
from django.urls import reverse

from accounts import privacy
from certification import services
from certification.models import Certificate, ExamAnswer, SessionCandidate
from tests import factories
from tests.accounts.test_privacy import texts_naming
from tests.certification import factories as cert

pytestmark = pytest.mark.django_db

NAME = "Zerihun Tesfaye"


def answer_all(attempt, payload):
    for question in attempt.questions:
        services.exam_answer_record(attempt=attempt, question_id=question["id"], payload=payload(question),
                                    client_uuid=uuid.uuid4())
    return services.exam_attempt_submit(attempt=attempt)


@pytest.fixture
def certified(centre, level, exam_session):
    """A learner who took a practice test (failed), then passed the exam and holds its certificate;
    the supervisor noted something about them."""
    learner = factories.learner_in(centre, display_name=NAME, first_name="Zerihun", last_name="Tesfaye",
                                   username="zerihun.t")
    answer_all(services.practice_attempt_start(learner=learner, level=level), cert.wrong_payload)
    candidate = services.candidate_printed_name_set(candidate=cert.admitted(exam_session, learner),
                                                    printed_name=NAME, latin_name=NAME)
    services.incident_record(session=exam_session, by=exam_session.supervisor, candidate=candidate,
                             note=f"{NAME} a changé de tablette.")
    attempt = answer_all(services.exam_attempt_start(learner=learner, session=exam_session), cert.right_payload)
    services.certificate_issue(attempt=attempt)
    return learner


def test_the_export_holds_results_answers_and_certificates_but_no_right_answers(certified):
    records = privacy.learner_data_export(user=certified)["records"]

    attempts = {row["is_practice"]: row for row in records["certification.examattempt"]}
    assert (attempts[True]["passed"], attempts[True]["score"]) == (False, 0.0)
    assert (attempts[False]["passed"], attempts[False]["score"]) == (True, 1.0)
    assert attempts[False]["questions"] == 6 and set(attempts[False]["competence_scores"]) == {"COM", "SEC"}
    [certificate] = records["certification.certificate"]
    assert certificate["holder_name"] == NAME and certificate["code"] == Certificate.objects.get().code
    assert len(records["certification.examanswer"]) == 12
    assert records["certification.sessioncandidate"][0]["printed_name"] == NAME
    assert NAME in records["certification.examincident"][0]["note"]
    assert "is_correct" not in json.dumps(records["certification.examattempt"])  # the banks' right answers


def test_the_learner_reads_them_on_the_my_data_page(client, certified):
    client.force_login(certified)

    page = client.get(reverse("accounts:my_data_export")).content.decode()

    assert "Certificates" in page and "Exam attempts" in page and Certificate.objects.get().code in page


def test_erasure_clears_them_and_the_certificate_stays_verifiable_without_the_account(client, certified):
    certificate = Certificate.objects.get()

    privacy.learner_erase(user=certified, by=factories.UserFactory())

    certificate.refresh_from_db()
    assert (certificate.learner, certificate.attempt) == (None, None)
    assert {table for table, _text in texts_naming()} == {"certification_certificate"}
    assert not ExamAnswer.objects.exclude(payload={}).exists()
    assert SessionCandidate.objects.get().printed_name == ""
    assert "certification.certificate" not in privacy.learner_data_export(user=certified)["records"]
    verified = client.get(reverse("certification:verify_code", args=[certificate.code]))
    assert verified.status_code == 200 and NAME in verified.content.decode()
