"""The embedded mode's background runs (no Redis): asked for during a request, they start once its
response is sent, so the trainer's request is answered first and its last writes meet no rival writer
(SQLite has one at a time)."""

import threading
from contextlib import contextmanager

import pytest
from celery import shared_task
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from courses import tasks
from courses.tasks import background_runs_wait, task_enqueue

RAN = threading.Event()


@shared_task
def _mark_ran():
    RAN.set()


@pytest.fixture(autouse=True)
def threads_mode(settings):
    """Tasks in background threads, and no request under way in this thread before or after."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.PASSERELLE_EAGER_TASKS_IN_THREAD = True
    RAN.clear()
    tasks._this_request.threads = None
    yield
    tasks._this_request.threads = None
    background_runs_wait(30)


@contextmanager
def signals_of_a_request():
    """The signals a request sends, as Django's test client sends them (it keeps the database
    connection open: no ``close_old_connections``)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        yield
        request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_run_asked_for_during_a_request_starts_once_the_response_is_sent():
    with signals_of_a_request():
        thread = task_enqueue(_mark_ran)
        assert thread.ident is None and not RAN.is_set()  # not while the request still runs
        assert background_runs_wait(5) == 0
    assert background_runs_wait(30) == 1 and RAN.is_set()


def test_a_run_asked_for_outside_a_request_starts_at_once():
    """A management command (the demo's loading) waits for its runs before it exits."""
    thread = task_enqueue(_mark_ran)
    assert thread.ident is not None
    assert background_runs_wait(30) == 1 and RAN.is_set()


def test_a_request_that_ended_without_a_response_leaves_no_run_behind():
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)  # a request whose response was never closed
        task_enqueue(_mark_ran)
    finally:
        request_started.connect(close_old_connections)
    with signals_of_a_request():  # the next request on this thread
        assert RAN.wait(30)
