"""Publishing a lesson has a real Celery worker make the synthetic voices of its steps (espeak-ng,
ffmpeg) in the lesson's language, French and Arabic here; changing a step's text and publishing
again makes a new voice for the new text (issue 12, Done when 3)."""

import time

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from courses.models import Enrolment, LessonProgress
from courses.utterances import lesson_utterances
from courses.voices import Voice, VoiceKind
from lms.celery import app as celery_app
from tests import factories
from tests.workers import worker_start, worker_stop

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TASK_TIMEOUT = 90
AR_TEXTS = ["<p>عنوان البريد الإلكتروني فيه دائمًا @.</p>", "<p>الرمز @ موجود على لوحة المفاتيح.</p>"]


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real worker that makes synthetic voices (the test settings turn them off elsewhere)."""
    celery_app.control.purge()
    log = tmp_path / "worker.log"
    process = worker_start(log, PASSERELLE_VOICES_SYNTHESIS="1")
    try:
        yield process
    finally:
        worker_stop(process)
        print(log.read_text()[-4000:])


def _wait_for_voices(texts, language):
    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline:
        found = set(Voice.objects.filter(language=language, kind=VoiceKind.SYNTHETIC, text__in=texts)
                    .values_list("text", flat=True))
        if found == set(texts):
            return
        time.sleep(0.3)
    pytest.fail(f"voices missing in {language} after {TASK_TIMEOUT} s: {set(texts) - found}")


def _translate(page, code, texts=(), **fields):
    """The page translated as Wagtail's "Translate" action does (same step ids), its steps' texts
    written in ``code`` by the translator, published."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    if texts:
        for step, text in zip(translated.steps, texts, strict=False):
            step.value["text"] = RichText(text)
        translated.steps = translated.steps  # noqa: PLW0127 — the StreamField changed
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@override_settings(PASSERELLE_VOICES_SYNTHESIS=True)
def test_publishing_makes_french_and_arabic_voices_and_a_new_one_when_a_text_changes(celery_worker, client):
    image = factories.make_image("step")
    course = factories.course()
    lesson = factories.lesson(course, steps=[
        ("image", {"image": image, "text": "<p>Une adresse e-mail a toujours un @.</p>", "audio": None}),
        ("tip", {"kind": "tip", "text": "<p>Le @ est sur le clavier.</p>", "image": None, "audio": None}),
    ])
    french = [u.text for u in lesson_utterances(lesson)]
    _wait_for_voices(french, "fr")

    _translate(course, "ar", title="البريد الإلكتروني")
    arabic_lesson = _translate(lesson, "ar", AR_TEXTS, title="ما هو عنوان البريد؟")
    arabic = [u.text for u in lesson_utterances(arabic_lesson)]
    assert arabic == ["عنوان البريد الإلكتروني فيه دائمًا @.", "الرمز @ موجود على لوحة المفاتيح."]
    _wait_for_voices(arabic, "ar")
    sample = Voice.objects.get(text=arabic[0], language="ar")
    assert sample.duration_ms > 500 and sample.audio.storage.exists(sample.audio.name)

    # The trainer changes the tip's text and publishes: a new voice says the new text.
    draft = lesson.get_latest_revision_as_object()
    draft.steps[1].value["text"] = RichText("<p>Le @ se trouve sur le clavier, à droite.</p>")
    draft.steps = draft.steps  # noqa: PLW0127 — the StreamField changed
    draft.save_revision().publish()
    _wait_for_voices(["Le @ se trouve sur le clavier, à droite."], "fr")
    old, new = (Voice.objects.get(text=text, language="fr") for text in
                ("Le @ est sur le clavier.", "Le @ se trouve sur le clavier, à droite."))
    assert old.audio.name != new.audio.name

    # The learner's player plays the new voice (the cached steps were rendered again).
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    LessonProgress.objects.create(learner=learner, lesson=lesson)
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert new.audio.url in html and old.audio.url not in html
