"""Fixtures and stage selection shared by the whole suite.

Stages (see the Makefile):
- unit tests on SQLite: ``pytest -m "not integration and not celery_worker and not e2e"``;
- integration and Celery worker tests against real servers:
  ``python -m tests.run_with_services -m "integration or celery_worker"``;
- browser tests: ``python -m tests.run_with_services -m e2e`` (they also run on SQLite).

Tests marked ``integration`` or ``celery_worker`` need the servers that ``tests/run_with_services.py``
starts; run without them, they are skipped with a note saying how to run them."""

import os
import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.cache import caches

SERVICE_MARKERS = ("integration", "celery_worker")
_media_root_made = None


def services_running() -> bool:
    return os.environ.get("PASSERELLE_TEST_SERVICES") == "1"


def pytest_configure(config):
    """Uploaded files go to a temporary MEDIA_ROOT, never to the repository's media/."""
    global _media_root_made
    if not os.environ.get("MEDIA_ROOT"):
        _media_root_made = tempfile.mkdtemp(prefix="passerelle-media-")
        os.environ["MEDIA_ROOT"] = _media_root_made
        settings.MEDIA_ROOT = _media_root_made


def pytest_unconfigure(config):
    if _media_root_made:
        shutil.rmtree(_media_root_made, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    if services_running():
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL and Redis: python -m tests.run_with_services -m integration")
    for item in items:
        if any(item.get_closest_marker(name) for name in SERVICE_MARKERS):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches: primary keys and revision ids are reused between tests,
    so a rendered lesson cached by one test must not be served to the next."""
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
