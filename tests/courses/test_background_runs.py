"""The embedded mode's background runs (no Redis): asked for during a request, they start once its
response is sent, so the trainer's request is answered first and its last writes meet no rival writer
(SQLite has one at a time)."""

import threading

from celery import shared_task
from django.core.signals import request_finished, request_started

from courses.tasks import background_runs_wait, task_enqueue

RAN = threading.Event()


@shared_task
def _mark_ran():
    RAN.set()


def _threads_mode(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.PASSERELLE_EAGER_TASKS_IN_THREAD = True
    RAN.clear()


def test_a_run_asked_for_during_a_request_starts_once_the_response_is_sent(settings):
    _threads_mode(settings)
    request_started.send(sender=None)
    thread = task_enqueue(_mark_ran)
    assert thread.ident is None and not RAN.is_set()  # not while the request still runs
    assert background_runs_wait(5) == 0
    request_finished.send(sender=None)
    assert background_runs_wait(30) == 1 and RAN.is_set()


def test_a_run_asked_for_outside_a_request_starts_at_once(settings):
    """A management command (the demo's loading) waits for its runs before it exits."""
    _threads_mode(settings)
    thread = task_enqueue(_mark_ran)
    assert thread.ident is not None
    assert background_runs_wait(30) == 1 and RAN.is_set()


def test_a_request_that_ended_without_a_response_leaves_no_run_behind(settings):
    _threads_mode(settings)
    request_started.send(sender=None)
    task_enqueue(_mark_ran)
    request_started.send(sender=None)  # the next request
    request_finished.send(sender=None)
    assert background_runs_wait(30) == 1 and RAN.is_set()
