"""Real Celery worker processes for the tests that need one (integration stage and browser tests):
started on pytest-django's test database, the test Redis and the test MEDIA_ROOT, and stopped."""

import os
import subprocess
import sys
import time
import uuid

import dj_database_url
import pytest
from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app

WORKER_START_TIMEOUT = 90


def test_database_url():
    """The URL of the database the tests use (pytest-django's test_<name>), for the worker."""
    config = connection.settings_dict
    url = dj_database_url.parse(os.environ["DATABASE_URL"])
    assert config["NAME"].startswith("test_"), config["NAME"]
    return f"postgres://{url['USER']}@{url['HOST']}:{url['PORT']}/{config['NAME']}"


def wait_until_it_answers(name, process):
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"the Celery worker exited with code {process.returncode}:\n{output}")
        if celery_app.control.ping(destination=[name], timeout=1.0):
            return
    pytest.fail(f"the Celery worker did not answer a ping within {WORKER_START_TIMEOUT} s")


def worker_start(log_path, **extra_env):
    """A worker process (solo pool) that answers pings; its output goes to ``log_path``."""
    assert not settings.CELERY_TASK_ALWAYS_EAGER, "REDIS_URL must be set (python -m tests.run_with_services)"
    name = f"test-{uuid.uuid4().hex[:8]}@localhost"
    env = {**os.environ, "DATABASE_URL": test_database_url(), "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "MEDIA_ROOT": str(settings.MEDIA_ROOT), **extra_env}
    with log_path.open("a") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "-Q", "celery",
             "--concurrency=1", "--loglevel=INFO", "-n", name, "--without-gossip", "--without-mingle"],
            env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT, text=True,
        )
    wait_until_it_answers(name, process)
    return process


def worker_stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
