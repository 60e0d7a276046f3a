"""A learner hears every step (issue 12): « Écouter » plays the step's voice (here a synthetic one,
marked so), the 🔊 of a choice reads that choice without choosing it, and « Lent » slows French
down for this visit. A trainer's « Voix » screen shows the voices with their playback. In French
and in Arabic; screenshots in /tmp/screens/voices-*.png."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from centres.constants import Role
from centres.models import Membership
from courses import voicing
from courses.models import Enrolment
from courses.utterances import lesson_utterances
from tests import factories

from .helpers import check_accessibility, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AR = {"course": "البريد الإلكتروني", "lesson": "ما هو عنوان البريد؟",
      "text": "<p>عنوان البريد الإلكتروني فيه دائمًا @.</p>", "prompt": "<p>أي عنوان صحيح؟</p>"}


def _steps():
    question = {"image": None, "audio": None, "competence": None,
                "feedback_correct": "Bravo !", "feedback_wrong": "Regarde bien le @."}
    return [
        ("image", {"image": factories.make_image("step", size=(800, 600)), "audio": None,
                   "text": "<p>Une adresse e-mail a toujours un <b>@</b>.</p>"}),
        ("single_choice", {**question, "prompt": "<p>Quelle adresse est juste ?</p>", "choices": [
            {"text": "amina.diallo@exemple.fr", "image": None, "is_correct": True},
            {"text": "amina.diallo.exemple.fr", "image": None, "is_correct": False}]}),
    ]


def _translated(page, locale, title, texts=None):
    copy = page.copy_for_translation(locale).specific
    copy.title = title
    if texts:
        copy.steps[0].value["text"] = RichText(texts[0])
        copy.steps[1].value["prompt"] = RichText(texts[1])
        copy.steps = copy.steps  # noqa: PLW0127 — the StreamField changed
    copy.save_revision().publish()
    return copy.__class__.objects.get(pk=copy.pk)


def voiced_lesson(language):
    """A lesson of an image step and a question, with the synthetic voices of every part."""
    course = factories.course()
    lesson = factories.lesson(course, steps=_steps())
    if language == "ar":
        locale, _created = Locale.objects.get_or_create(language_code="ar")
        _translated(course.get_parent().specific, locale, "الدروس")
        course = _translated(course, locale, AR["course"])
        lesson = _translated(lesson, locale, AR["lesson"], [AR["text"], AR["prompt"]])
    with override_settings(PASSERELLE_VOICES_SYNTHESIS=True):
        made = voicing.voices_synthesize([u.text for u in lesson_utterances(lesson)], language)
    assert made == 4, "espeak-ng and ffmpeg make the voices (make test-setup installs them)"
    return course, lesson


def sign_in(page, user, language):
    with translation.override(language):
        page.goto(reverse("accounts:login"))
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def expect_playing(page, selector):
    """The audio element's time advances (it really plays), or it fired ``play``."""
    page.wait_for_function(
        "s => { const a = document.querySelector(s); return a && (a.currentTime > 0.05 || a.dataset.played); }",
        arg=selector, timeout=15000,
    )


def track_play_events(page):
    page.evaluate("""() => document.querySelectorAll('audio').forEach(a =>
        a.addEventListener('play', () => { a.dataset.played = '1'; }))""")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_learner_hears_each_step_and_each_choice_before_choosing(page, language):
    course, lesson = voiced_lesson(language)
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    sign_in(page, learner, language)
    page.goto(lesson.url)
    track_play_events(page)

    mark = page.locator("[data-synthetic-mark]")
    expect(mark).to_be_visible()  # the step's voice is a synthetic one, and says so
    slow = page.locator("[data-slow]")
    if language == "fr":
        slow.click()  # « Lent »: French at three quarters of its speed
        expect(slow).to_have_attribute("aria-pressed", "true")
    else:
        expect(slow).to_be_hidden()
    page.locator("[data-listen]").click()
    expect_playing(page, "[data-step]:not([hidden]) audio[data-voice=text]")
    rate = page.evaluate("document.querySelector('[data-step]:not([hidden]) audio[data-voice=text]').playbackRate")
    assert rate == (0.75 if language == "fr" else 1)
    check_accessibility(page, f"the player with its voice controls ({language})")
    screenshot(page, f"voices-player-{language}")

    page.locator("[data-next]").click()
    speaker = page.locator("[data-step]:not([hidden]) [data-choice-listen]").first
    speaker.click()
    expect_playing(page, "[data-step]:not([hidden]) [data-choice-listen] audio")
    expect(page.locator("[data-step]:not([hidden]) input[name=choice]").first).not_to_be_checked()
    expect(page.locator("[data-error]")).to_be_hidden()
    screenshot(page, f"voices-choices-{language}")

    # The slow voice is remembered for this visit only (sessionStorage: a shared tablet forgets it).
    if language == "fr":
        page.reload()
        expect(page.locator("[data-slow]")).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_trainer_sees_the_lessons_voices_and_can_record(page, language):
    _course, lesson = voiced_lesson(language)
    trainer = factories.UserFactory(display_name="Fatou Formatrice")
    Membership.objects.create(user=trainer, centre=factories.CentreFactory(), role=Role.TRAINER)
    trainer.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = language
    profile.save()
    page.goto(reverse("wagtailadmin_login"))
    page.locator("#id_username").fill(trainer.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    # Each step of the editor links to its voices.
    page.goto(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    links = page.locator("[data-step-voices]")
    expect(links).to_have_count(2)
    links.first.click()
    expect(page).to_have_url(re.compile(rf"/voices/#step-{lesson.steps[0].id}$"))
    expect(page.locator("[data-voice-row]")).to_have_count(4)
    expect(page.locator("audio[data-synthetic]")).to_have_count(4)
    expect(page.locator("[data-record]").first).to_be_visible()  # MediaRecorder exists in Chromium
    track_play_events(page)
    page.evaluate("document.querySelector('audio[data-synthetic]').play()")
    expect_playing(page, "audio[data-synthetic]")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"voices-admin-{language}")
