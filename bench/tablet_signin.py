"""Tablet sign-in benchmark (issue 3): what a new tablet downloads for the tile screen and the
picture-password screen, how many taps it takes from the tiles to the learner's home, and how long.

Run: .venv/bin/python -m bench.tablet_signin   (throwaway SQLite database, Debian's Chromium)"""

import gzip
import time

from bench._setup import django_setup

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]
PICTURES = ["cat", "sun", "key"]


def prepare():
    from accounts.constants import SecretKind
    from accounts.services import learner_secret_set
    from centres.services import device_enrol
    from tests import factories

    centre = factories.CentreFactory(name="Belleville")
    names = ["Amina D.", "Yonas T.", "فريد ح.", "Mariam S.", "ዮናስ ተ.", "Karim B.", "Aïcha K.", "Zahra M."]
    learners = [factories.learner_in(centre, display_name=name) for name in names * 3]
    learner_secret_set(user=learners[0], kind=SecretKind.PICTURE, value=PICTURES)
    _device, cookie = device_enrol(centre=centre, name="Tablette", by=None)
    return cookie, learners[0]


def serve():
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=None, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    return server, f"http://127.0.0.1:{server.port}"


def sign_in(browser, base, cookie, learner, *, settle):
    """One sign-in on a new tablet (empty cache). With ``settle``, wait for the network to go quiet
    on each screen so that every request is counted; without it, time the taps as a learner does them."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, base_url=base)
    context.add_cookies([{"name": "passerelle_device", "value": cookie, "url": base}])
    page = context.new_page()
    transfers = []

    def counted(response):
        if response.ok:
            transfers.append(len(gzip.compress(response.body())))

    if settle:
        page.on("response", counted)
    wait = "networkidle" if settle else "load"
    page.goto("/fr/tablette/", wait_until=wait)
    tiles_bytes = sum(transfers)
    started = time.perf_counter()
    page.locator(f'a.tile[href$="/tablette/{learner.pk}/"]').click()
    page.wait_for_load_state(wait)
    pictures_bytes = sum(transfers) - tiles_bytes
    if settle:  # the home page after the third picture is not part of the two screens measured
        page.remove_listener("response", counted)
    for key in PICTURES:
        page.locator(f'[data-picture="{key}"]').click()
    page.wait_for_url("**/parcours/")
    elapsed = (time.perf_counter() - started) * 1000
    context.close()
    return tiles_bytes, pictures_bytes, 1 + len(PICTURES), elapsed


def main():
    django_setup("tablet")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    cookie, learner = prepare()
    for conn in connections.all():
        conn.close()
    server, base = serve()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        tiles_bytes, pictures_bytes, taps, _ms = sign_in(browser, base, cookie, learner, settle=True)
        timings = [sign_in(browser, base, cookie, learner, settle=False)[3] for _ in range(5)]
        browser.close()
    elapsed = sorted(timings)[len(timings) // 2]
    server.terminate()
    print("tablet sign-in, new tablet (empty cache), 24 learner tiles, 1024x768 Chromium")
    print(f"  tile screen, all requests gzip:      {tiles_bytes / 1024:.1f} KB")
    print(f"  picture screen, all requests gzip:   {pictures_bytes / 1024:.1f} KB")
    print(f"  both screens:                        {(tiles_bytes + pictures_bytes) / 1024:.1f} KB   (budget <= 100 KB)")
    print(f"  taps from the tiles to the home:     {taps}   (budget <= 4, no typing)")
    print(f"  time from first tap to home loaded:  {elapsed:.0f} ms median of 5   (budget < 1000 ms)")


if __name__ == "__main__":
    main()
