"""H5P benchmark (issue 9): a lesson of one H5P activity (the test suite's fixture package) served to
a signed-in learner: median server time and SQL queries of the lesson page, of the player frame and
of the saved-state request the lesson makes; then the player's bytes (h5p-standalone and our frame
script), gzip, counted from the files the frame's page names, and, when Chromium is installed, from
what a browser actually downloads to play the activity (fonts apart: woff2 is compressed already).
Beside them, wagtail-lms (the nearest peer, same machine, one-activity lesson).

Run: .venv/bin/python -m bench.h5p   (uses a throwaway SQLite database and media folder)"""

import gzip
import os
import re
import statistics
import time
from pathlib import Path

from bench._setup import ROOT, django_setup

REQUESTS = 50
CHROMIUM = os.environ.get("PASSERELLE_CHROMIUM", "/usr/bin/chromium")
PEER = "wagtail-lms"
PEER_SERVER = (12.2, 15)  # ms, queries: its lesson page with one H5P activity
PEER_PLAYER = (63.7, 78)  # KB gzip of the player, KB of fonts
PLAYER_STATIC = "/static/h5p-standalone/"


def build_lesson():
    from courses.models import Enrolment
    from h5p import services
    from tests import factories
    from tests.h5p import packages
    from tests.h5p.conftest import h5p_steps

    trainer = factories.UserFactory(is_staff=True)
    package = services.h5p_package_create(uploaded_file=packages.upload(packages.quiz_package()), by=trainer)
    course = factories.course()
    lesson = factories.lesson(course, steps=h5p_steps(package), slug="activite")
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    return lesson, package, learner


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def measure(client, url):
    """(queries of one request, median ms over REQUESTS, the response) once the caches are warm."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    return count, statistics.median(timings), response


def player_files_bytes(frame_html):
    """gzip bytes of the frame page and of the player files it names (scripts, the frame's script
    and stylesheet passed to h5p-standalone)."""
    from django.contrib.staticfiles import finders

    total = gzipped(frame_html.encode())
    names = set(re.findall(r"/static/([\w./-]+\.(?:js|css))", frame_html.replace("\\/", "/")))
    for name in sorted(names):
        total += gzipped(Path(finders.find(name)).read_bytes())
    return total, sorted(names)


def declared_fonts():
    """(count, bytes) of the fonts h5p-standalone's stylesheet declares: a browser fetches only those
    the content's text uses (H5P's icon font, h5p-core, is the one most content types use)."""
    from django.contrib.staticfiles import finders

    css = Path(finders.find("h5p-standalone/styles/h5p.css"))
    paths = {(css.parent / url).resolve() for url in re.findall(r"url\('?([^')?]+\.woff2?)", css.read_text())}
    core = sum(path.stat().st_size for path in paths if path.name.startswith("h5p-core"))
    return len(paths), sum(path.stat().st_size for path in paths), core


def browser_bytes(lesson, learner):
    """(gzip KB of what the frame downloads but fonts, KB of fonts, files) in Chromium, or None."""
    if not Path(CHROMIUM).exists():
        return None
    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test import Client
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    base = f"http://127.0.0.1:{server.port}"
    client = Client()
    client.force_login(learner)
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
              "url": base}
    downloaded = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            context = browser.new_context(base_url=base)
            context.add_cookies([cookie])
            page = context.new_page()

            def keep(response):
                if response.frame != page.main_frame and response.ok:
                    downloaded[response.url] = response.body()

            page.on("response", keep)
            page.goto(lesson.url)
            frame = page.frame_locator("iframe[data-h5p-frame]")
            frame.get_by_role("button", name="amina.diallo@exemple.fr").wait_for()
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.terminate()
    player = {url: body for url, body in downloaded.items() if "/files/" not in url}
    fonts = sum(len(body) for url, body in player.items() if url.endswith((".woff2", ".woff")))
    other = sum(gzipped(body) for url, body in player.items() if not url.endswith((".woff2", ".woff")))
    return other, fonts, sorted(url.removeprefix(base) for url in player)


def main():
    django_setup("h5p")
    from django.test import Client
    from django.urls import reverse

    lesson, package, learner = build_lesson()
    client = Client()
    client.force_login(learner)
    lesson_queries, lesson_ms, _response = measure(client, lesson.url)
    frame_queries, frame_ms, frame = measure(client, reverse("h5p:frame", args=[package.pk]))
    state_queries, state_ms, _state = measure(client, reverse("h5p:state", args=[package.pk]))
    files_bytes, names = player_files_bytes(frame.content.decode())
    in_browser = browser_bytes(lesson, learner)

    print("lesson with one H5P activity (the fixture package), signed-in learner, SQLite")
    print(f"  lesson page:  {lesson_ms:5.1f} ms median ({REQUESTS} req), {lesson_queries:2d} queries"
          f"   ({PEER}: {PEER_SERVER[0]} ms, {PEER_SERVER[1]} queries)")
    print(f"  player frame: {frame_ms:5.1f} ms median, {frame_queries:2d} queries   (served once per step shown)")
    print(f"  saved state:  {state_ms:5.1f} ms median, {state_queries:2d} queries   (read when the activity starts)")
    print(f"  player, files the frame names, gzip: {files_bytes / 1024:.1f} KB  [{', '.join(names)}]")
    if in_browser is None:
        print(f"  player in Chromium: skipped ({CHROMIUM} not found)")
    else:
        other, fonts, urls = in_browser
        print(f"  player in Chromium: {other / 1024:.1f} KB gzip + {fonts / 1024:.0f} KB fonts"
              f"   ({PEER}: {PEER_PLAYER[0]} KB gzip + {PEER_PLAYER[1]} KB fonts)")
        print(f"    {len(urls)} files: {', '.join(urls)}")
    count, total, core = declared_fonts()
    print(f"  fonts h5p.css declares: {count} files, {total / 1024:.0f} KB in all, fetched only when used"
          f" (H5P's icon font h5p-core: {core / 1024:.0f} KB)")


if __name__ == "__main__":
    print(f"(repo {ROOT})")
    main()
