"""Certificate benchmark (issue 8, DESIGN.md §7): the time the worker takes to issue one certificate
(row + signed Open Badges credential + WeasyPrint PDF), split into its signature and its PDF; the
verification page's median server time; the supervisor screen's queries and time with 30 candidates.

Run: .venv/bin/python -m bench.certificates   (throwaway SQLite database and media folder)"""

import statistics
import time
import uuid

from bench._setup import django_setup

CERTIFICATES = 8
REQUESTS = 50
CANDIDATES = 30


def passed_attempts(count):
    from certification import services
    from tests import factories
    from tests.certification import factories as cert

    centre = factories.CentreFactory(name="Centre social Belleville")
    level = cert.level()
    session = cert.session(centre, level)
    attempts = []
    names = ["أمينة ديالو", "Yonas Tesfaye", "فريد حسن", "Mariam Sow"]
    for i in range(count):
        learner = factories.learner_in(centre, display_name=names[i % len(names)])
        candidate = cert.admitted(session, learner)
        attempt = services.exam_attempt_start(learner=learner, session=session)
        for question in attempt.questions:
            services.exam_answer_record(attempt=attempt, question_id=question["id"],
                                        payload=cert.right_payload(question), client_uuid=uuid.uuid4())
        attempts.append(services.exam_attempt_submit(attempt=attempt))
        assert candidate.pk
    return attempts, session


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, (time.perf_counter() - started) * 1000


def issue_figures(attempts):
    from certification.credentials import credential_sign
    from certification.documents import certificate_pdf
    from certification.issuing import certificate_issue
    from certification.models import Certificate

    Certificate.objects.all().delete()  # handing in issued them already (eager tasks): issue afresh
    certificate, first = timed(certificate_issue, attempt=attempts[0])  # loads fonts and the key
    issues = [timed(certificate_issue, attempt=a)[1] for a in attempts[1:]]
    signatures = [timed(credential_sign, certificate)[1] for _ in range(20)]
    pdfs = [timed(certificate_pdf, certificate)[1] for _ in range(5)]
    return certificate, first, issues, signatures, pdfs


def verify_median(code):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    url = reverse("certification:verify_code", args=[code])
    assert client.get(url).status_code == 200
    timings = [timed(client.get, url)[1] for _ in range(REQUESTS)]
    return statistics.median(timings)


def supervisor_figures(session):
    """The supervisor's screen with CANDIDATES candidates: its SQL queries and median server time."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests import factories
    from tests.certification import factories as cert

    while session.candidates.count() < CANDIDATES:
        cert.admitted(session, factories.learner_in(session.centre))
    client = Client()
    client.force_login(session.supervisor)
    url = reverse("certification:exam_session", args=[session.centre_id, session.pk])
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)  # counted now: each request clears the connection's log
    timings = [timed(client.get, url)[1] for _ in range(REQUESTS // 2)]
    return count, statistics.median(timings)


def main():
    django_setup("certificates")
    attempts, session = passed_attempts(CERTIFICATES)
    certificate, first, issues, signatures, pdfs = issue_figures(attempts)
    verify = verify_median(certificate.code)
    queries, supervisor_ms = supervisor_figures(session)
    print("certificates, SQLite, eager tasks (the worker's code path, in process)")
    print(f"  issue one certificate (row + credential + PDF): median {statistics.median(issues):.0f} ms over"
          f" {len(issues)}, first {first:.0f} ms (fonts loaded)   (budget <= 1000 ms)")
    print(f"    of which the Ed25519 VC-JWT signature:       median {statistics.median(signatures):.2f} ms")
    print(f"    of which the WeasyPrint PDF:                  median {statistics.median(pdfs):.0f} ms")
    print(f"  verification page, median server time ({REQUESTS} req): {verify:.1f} ms   (budget <= 20 ms)")
    print(f"  supervisor screen, {CANDIDATES} candidates: {queries} SQL queries (the same with 1 or 300),"
          f" median {supervisor_ms:.1f} ms")


if __name__ == "__main__":
    main()
