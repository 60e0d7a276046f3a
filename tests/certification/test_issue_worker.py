"""A real Celery worker issues the certificate of a passed exam exactly once: running the task again
changes nothing, and a worker killed half-way leaves a certificate that the next run completes."""

import os
import signal
import time
import uuid

import pytest

from certification import services
from certification.models import Certificate
from certification.tasks import certificate_issue_task, certificates_complete_pending
from lms.celery import app as celery_app
from tests import factories
from tests.certification import factories as cert
from tests.workers import worker_start, worker_stop

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TIMEOUT = 60


@pytest.fixture
def workers(transactional_db, tmp_path):
    """Start workers on demand (the test may kill one); all are stopped at the end."""
    celery_app.control.purge()
    started = []

    def start():
        started.append(worker_start(tmp_path / "worker.log"))
        return started[-1]

    yield start
    for process in started:
        worker_stop(process)
    print((tmp_path / "worker.log").read_text()[-4000:] if (tmp_path / "worker.log").exists() else "")


def _passed_exam():
    centre = factories.CentreFactory(name="Centre Belleville")
    session = cert.session(centre, cert.level())
    learner = factories.learner_in(centre, display_name="أمينة ديالو")
    cert.admitted(session, learner)
    attempt = services.exam_attempt_start(learner=learner, session=session)
    for question in attempt.questions:
        services.exam_answer_record(attempt=attempt, question_id=question["id"],
                                    payload=cert.right_payload(question), client_uuid=uuid.uuid4())
    return services.exam_attempt_submit(attempt=attempt)  # commits, then enqueues the task


def _wait(condition, what):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.01)
    pytest.fail(f"{what} not seen within {TIMEOUT} s")


def _complete():
    return Certificate.objects.exclude(pdf="").exclude(credential="").exists()


def test_the_worker_issues_once_even_when_the_task_runs_twice(workers):
    workers()
    attempt = _passed_exam()
    _wait(_complete, "a complete certificate")
    certificate = Certificate.objects.get()

    assert certificate_issue_task.delay(attempt.pk).get(timeout=TIMEOUT) == certificate.code
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().pdf.name == certificate.pdf.name


def test_a_worker_killed_mid_task_leaves_one_certificate_that_the_next_run_completes(workers):
    worker = workers()
    attempt = _passed_exam()
    _wait(lambda: Certificate.objects.filter(attempt=attempt).exists(), "the certificate row")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    if _complete():
        pytest.skip("the worker finished the certificate before it could be killed")

    workers()
    certificates_complete_pending.delay().get(timeout=TIMEOUT)
    _wait(_complete, "the certificate completed by the next run")
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert certificate.attempt_id == attempt.pk and certificate.pdf.read().startswith(b"%PDF")
