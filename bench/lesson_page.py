"""Lesson page benchmark (DESIGN.md §7): a lesson of 20 image steps, each a distinct 1600×1200
photo-like image, served to a signed-in learner. Prints SQL queries, median server time over
50 requests, compressed bytes of HTML+CSS+JS, and the image bytes a 1024 px tablet downloads.

Run: .venv/bin/python -m bench.lesson_page   (uses a throwaway SQLite database)"""

import gzip
import io
import random
import re
import statistics
import time

from bench._setup import ROOT, django_setup

STEPS = 20
REQUESTS = 50


def photo_like(seed):
    """Shapes over blurred noise: detail everywhere, like a photo, so it does not compress away."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    size = (1600, 1200)
    noise = Image.effect_noise(size, 60).convert("RGB")
    base = Image.new("RGB", size, tuple(rng.randrange(60, 200) for _ in range(3)))
    image = Image.blend(base, noise, 0.35)
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(40, 260)
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x - r, y - r, x + r, y + r), fill=colour)
    image = Image.blend(image, Image.effect_noise(size, 40).convert("RGB"), 0.15)
    return image.filter(ImageFilter.GaussianBlur(1.2))


def build_lesson():
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from courses.models import Enrolment
    from courses.tasks import page_renditions_generate
    from tests import factories

    steps = []
    for i in range(STEPS):
        buffer = io.BytesIO()
        photo_like(i).save(buffer, "JPEG", quality=90)
        image = get_image_model().objects.create(title=f"photo {i}", file=ImageFile(buffer, name=f"photo{i}.jpg"))
        steps.append(("image", {"image": image, "text": f"<p>Étape <b>{i + 1}</b> : regarde bien l'image.</p>",
                                "audio": None}))
    course = factories.course()
    started = time.perf_counter()
    lesson = factories.lesson(course, steps=steps)  # publishing runs the renditions task (eager here)
    generation = time.perf_counter() - started
    renditions = page_renditions_generate(lesson.pk)  # a second run finds them all made
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    return lesson, learner, renditions, generation


def make_voices(lesson):
    """Every step's synthetic voice (espeak-ng, ffmpeg), as the worker makes them after publishing:
    (how many, seconds)."""
    from django.test import override_settings

    from courses.utterances import lesson_utterances
    from courses.voicing import voices_synthesize

    started = time.perf_counter()
    with override_settings(PASSERELLE_VOICES_SYNTHESIS=True):
        made = voices_synthesize([u.text for u in lesson_utterances(lesson)], lesson.locale.language_code)
    return made, time.perf_counter() - started


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def static_bytes(html):
    from django.contrib.staticfiles import finders

    total = 0
    for path in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(path), "rb") as handle:
            total += compressed(handle.read())
    return total


def image_bytes(html, *, first_only=False):
    """Bytes of the AVIF candidate a 1024 px wide tablet picks for each step image."""
    from django.conf import settings

    total, count = 0, 0
    avif_sources = [tag for tag in re.findall(r"<source [^>]*>", html) if 'type="image/avif"' in tag]
    for srcset in (re.search(r'srcset="([^"]+)"', tag).group(1) for tag in avif_sources):
        candidates = [c.strip().split(" ") for c in srcset.split(",")]
        url = next(u for u, w in candidates if int(w[:-1]) >= 1024) if any(
            int(w[:-1]) >= 1024 for _u, w in candidates) else candidates[-1][0]
        total += (settings.MEDIA_ROOT / url.removeprefix(settings.MEDIA_URL)).stat().st_size
        count += 1
        if first_only:
            break
    return total, count


def main():
    django_setup("lesson")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    lesson, learner, renditions, generation = build_lesson()
    voices, voicing = make_voices(lesson)
    client = Client()
    client.force_login(learner)
    client.get(lesson.url)  # the first learner after publishing
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    html = response.content.decode()
    query_count = len(queries)  # read now: every request clears Django's query log
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(lesson.url)
        timings.append((time.perf_counter() - started) * 1000)
    html_bytes = compressed(response.content)
    css_js = static_bytes(html)
    images, image_count = image_bytes(html)
    first_image, _ = image_bytes(html, first_only=True)
    lazy = html.count('loading="lazy"')
    print(f"lesson page, {STEPS} image steps (1600x1200 sources), signed-in learner, SQLite")
    print(f"  publish + renditions generated ahead by the task: {renditions} in {generation:.1f} s")
    print(f"  synthetic voices made for its steps: {voices} in {voicing:.1f} s;"
          f" {html.count('data-voice=')} steps play one")
    print(f"  SQL queries per request:        {query_count}   (budget <= 8)")
    print(f"  median server time ({REQUESTS} req):  {statistics.median(timings):.1f} ms   (budget <= 10 ms)")
    print(f"  HTML+CSS+JS gzip:               {(html_bytes + css_js) / 1024:.1f} KB   (budget <= 60 KB)"
          f"  [html {html_bytes / 1024:.1f} KB, css+js {css_js / 1024:.1f} KB]")
    print(f"  first screen (with its image):  {(html_bytes + css_js + first_image) / 1024:.1f} KB   (budget <= 100 KB)")
    print(f"  {image_count} images at 1024 px (AVIF): {images / 1024:.0f} KB   (budget <= 1200 KB);"
          f" {lazy} lazy-loaded")


if __name__ == "__main__":
    print(f"(repo {ROOT})")
    main()
