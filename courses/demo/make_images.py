"""Render the demo's HTML mock-ups to optimised WebP images, and measure their tap zones.

    .venv/bin/python -m courses.demo.make_images [--force] [course-slug ...]

Every ``mockups/<course-slug>/<name>.html`` becomes ``images/<course-slug>/<name>.webp``.
A mock-up may declare its size with ``<meta name="mockup-size" content="600x360">``
(default 1200x900). Every element with ``data-target`` is measured into ``images/zones.json``
under ``"<course-slug>/<name>"`` (fractions of the image, padded so that a finger tap counts);
an element with ``data-target="reply"`` is also listed under ``"<course-slug>/<name>#reply"``,
so one screenshot can serve several "tap the right place" steps.

Only mock-ups whose HTML (or the shared CSS) changed since the last run are rendered again
(``images/manifest.json`` keeps their hashes). The images are committed; the HTML is the source.
"""

import argparse
import fcntl
import hashlib
import io
import json
import re
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
MOCKUPS = HERE / "mockups"
IMAGES = HERE / "images"
SHARED_CSS = MOCKUPS / "_shared.css"
ZONES_FILE = IMAGES / "zones.json"
MANIFEST_FILE = IMAGES / "manifest.json"
_TREE_ID = hashlib.sha256(str(HERE).encode()).hexdigest()[:8]
LOCK_FILE = Path(tempfile.gettempdir()) / f"passerelle-make-images-{_TREE_ID}.lock"

RENDER_VERSION = "1"  # bump to re-render everything after changing how images are made
DEFAULT_SIZE = (1200, 900)
WEBP_QUALITY = 80
WEBP_MIN_QUALITY = 55
MAX_BYTES = 60 * 1024
ZONE_PAD = 0.015  # added on every side, as a fraction of the image
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
SIZE_RE = re.compile(r'<meta\s+name="mockup-size"\s+content="(\d+)x(\d+)"', re.I)

MEASURE_JS = """() => Array.from(document.querySelectorAll('[data-target]')).map(el => {
  const r = el.getBoundingClientRect();
  return {name: el.getAttribute('data-target') || '', x: r.left, y: r.top, w: r.width, h: r.height};
})"""


def mockup_key(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def mockup_paths(slugs=None):
    for path in sorted(MOCKUPS.glob("*/*.html")):
        if not slugs or path.parent.name in slugs:
            yield path


def mockup_size(html: str):
    match = SIZE_RE.search(html)
    return (int(match[1]), int(match[2])) if match else DEFAULT_SIZE


def source_hash(path: Path, shared_css: bytes) -> str:
    digest = hashlib.sha256(RENDER_VERSION.encode())
    digest.update(shared_css)
    digest.update(path.read_bytes())
    return digest.hexdigest()


def padded_zone(box, width, height):
    """A measured box in pixels → a padded zone in fractions, clamped inside the image."""
    x0 = max(0.0, box["x"] / width - ZONE_PAD)
    y0 = max(0.0, box["y"] / height - ZONE_PAD)
    x1 = min(1.0, (box["x"] + box["w"]) / width + ZONE_PAD)
    y1 = min(1.0, (box["y"] + box["h"]) / height + ZONE_PAD)
    return {"x": round(x0, 4), "y": round(y0, 4), "w": round(x1 - x0, 4), "h": round(y1 - y0, 4)}


def zones_by_key(key, boxes, width, height):
    """``{key: [all zones]}`` plus ``{key#name: [zones]}`` for named targets."""
    found = {}
    for box in boxes:
        zone = padded_zone(box, width, height)
        found.setdefault(key, []).append(zone)
        if box["name"] and box["name"].lower() not in ("", "true", "1"):
            found.setdefault(f"{key}#{box['name']}", []).append(zone)
    return found


def to_webp(png: bytes) -> bytes:
    """Encode at WEBP_QUALITY, lowering the quality until the image fits MAX_BYTES."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    quality = WEBP_QUALITY
    while True:
        out = io.BytesIO()
        image.save(out, "WEBP", quality=quality, method=6)
        if out.tell() <= MAX_BYTES or quality <= WEBP_MIN_QUALITY:
            return out.getvalue()
        quality -= 5


def render(page, path: Path):
    """Screenshot one mock-up; return (webp bytes, zones dict)."""
    html = path.read_text(encoding="utf-8")
    width, height = mockup_size(html)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready")
    boxes = page.evaluate(MEASURE_JS)
    png = page.screenshot(type="png", clip={"x": 0, "y": 0, "width": width, "height": height})
    return to_webp(png), zones_by_key(mockup_key(path), boxes, width, height)


@contextmanager
def locked():
    """Several people (or helpers) may run this at once: one at a time writes the outputs."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_json(path: Path, data):
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def drop_zones_of(zones, key):
    for name in [k for k in zones if k == key or k.startswith(f"{key}#")]:
        del zones[name]


def prune_removed(manifest, zones):
    """Forget images whose mock-up was deleted."""
    existing = {mockup_key(p) for p in mockup_paths()}
    for key in [k for k in manifest if k not in existing]:
        del manifest[key]
        drop_zones_of(zones, key)
        (IMAGES / f"{key}.webp").unlink(missing_ok=True)


def stale_mockups(manifest, shared_css, slugs, force):
    for path in mockup_paths(slugs):
        digest = source_hash(path, shared_css)
        key = mockup_key(path)
        if force or manifest.get(key) != digest or not (IMAGES / f"{key}.webp").exists():
            yield path, digest


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def make_images(slugs=None, force=False, out=sys.stdout):
    from playwright.sync_api import sync_playwright

    with locked():
        manifest, zones = read_json(MANIFEST_FILE), read_json(ZONES_FILE)
        shared_css = SHARED_CSS.read_bytes() if SHARED_CSS.exists() else b""
        todo = list(stale_mockups(manifest, shared_css, slugs, force))
        if todo:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page(device_scale_factor=1)
                for path, digest in todo:
                    key = mockup_key(path)
                    webp, found = render(page, path)
                    target = IMAGES / f"{key}.webp"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(webp)
                    drop_zones_of(zones, key)
                    zones.update(found)
                    manifest[key] = digest
                    print(f"{key}.webp  {len(webp) // 1024} KB  zones: {len(found.get(key, []))}", file=out)
                browser.close()
        prune_removed(manifest, zones)
        write_json(MANIFEST_FILE, manifest)
        write_json(ZONES_FILE, zones)
    print(f"{len(todo)} image(s) rendered, {len(manifest)} in all.", file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*", help="only these course folders (e.g. emails emails-ar)")
    parser.add_argument("--force", action="store_true", help="render again even if unchanged")
    args = parser.parse_args(argv)
    make_images(slugs=set(args.slugs), force=args.force)


if __name__ == "__main__":
    main()
