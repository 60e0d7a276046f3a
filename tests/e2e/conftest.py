"""Browser tests: Debian's Chromium driven by Playwright's sync API, against pytest-django's live
server. Playwright never downloads a browser here (no ``playwright install``)."""

import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.test.client import ClientHandler
from django.utils.translation import trans_real

from .requirements import required

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make from
# that thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PASSERELLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
]
TIMEOUT_MS = 15_000


class LiveRequests:
    """The live server's requests under way. A test's database is flushed once the last request its
    browser sent has been answered: an editor's autosave still on its way when the browser closed
    once deadlocked the flush (TRUNCATE against the autosave's INSERT)."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def began(self, sender, **kwargs):
        if sender is not ClientHandler:  # the test's own client answers before it returns
            with self.changed:
                self.count += 1

    def ended(self, sender, **kwargs):
        if sender is not ClientHandler:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def settle(self, timeout=15):
        """Wait until none is under way (or ``timeout`` seconds), then count afresh."""
        with self.changed:
            self.changed.wait_for(lambda: self.count <= 0, timeout)
            self.count = 0


LIVE_REQUESTS = LiveRequests()
request_started.connect(LIVE_REQUESTS.began, weak=False, dispatch_uid="tests.e2e.live_requests.began")
request_finished.connect(LIVE_REQUESTS.ended, weak=False, dispatch_uid="tests.e2e.live_requests.ended")


@pytest.fixture(scope="session")
def compiled_messages():
    """The gettext catalogues compiled (what a user reads comes from them), and reloaded."""
    if shutil.which("msgfmt") and any(Path(settings.BASE_DIR, "locales").glob("*/LC_MESSAGES/django.po")):
        call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = trans_real.Local()


@pytest.fixture(scope="session")
def browser(compiled_messages):
    required("Chromium", CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@contextmanager
def browser_page(browser, base_url, width=1024, height=768, who="the page"):
    """A page in a browser context of its own (its own cookies: another device), failing the test on
    any JavaScript error."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    LIVE_REQUESTS.settle()
    assert not errors, f"JavaScript errors on {who}: {errors}"


@pytest.fixture
def page(browser, live_server):
    """The learner's tablet, landscape."""
    with browser_page(browser, live_server.url) as tablet:
        yield tablet




@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language (French), whatever an earlier test left active in this
    thread: the URLs it reverses are the ones a French page links to."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield
