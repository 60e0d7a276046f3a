"""A voice on every step (issue 12): what each step reads aloud, the voices' constraints, the synthetic
voices made after publishing (espeak-ng, ffmpeg), the trainers' recordings in the admin (bad input
refused, nothing changed), and the player's cached steps showing a new voice at once."""

import html
import subprocess
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from centres.constants import Role
from centres.models import Membership
from courses import selectors, services, voicing
from courses.models import Enrolment, LessonProgress
from courses.tasks import voices_unused_clean
from courses.utterances import lesson_utterances, plain_text, step_utterances, text_hash
from courses.voices import StepRecording, Voice, VoiceKind
from tests import factories

from .conftest import step_of

pytestmark = pytest.mark.django_db
SYNTHESIS_ON = override_settings(PASSERELLE_VOICES_SYNTHESIS=True)


def sound(seconds=1.0, fmt="webm", codec="libopus"):
    """A real recording as a browser sends one (Opus in WebM by default), made by ffmpeg."""
    result = subprocess.run(  # noqa: S603
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-ac", "1", "-c:a", codec, "-b:a", "8k", "-f", fmt, "pipe:1"],  # noqa: S607
        capture_output=True, check=True,
    )
    return result.stdout


def voice(text, language="fr", kind=VoiceKind.SYNTHETIC, **fields):
    made = Voice(text_hash=text_hash(text), text=plain_text(text), language=language, kind=kind, **fields)
    made.audio.save(f"{kind}.mp3", ContentFile(b"ID3 not really"), save=False)
    made.save()
    return made


# --- What each step reads ---------------------------------------------------------------------------


def test_each_step_reads_its_text_its_question_and_each_choice(lesson_page):
    parts = {(step.block_type, u.part.split("-")[0], u.text)
             for step in lesson_page.steps for u in step_utterances(step)}
    assert ("image", "text", "Une adresse a un @.") in parts
    assert ("tip", "text", "Le @ est sur le clavier.") in parts
    assert ("hotspot", "text", "Touche le bouton.") in parts
    assert ("single_choice", "question", "Quelle adresse est juste ?") in parts
    assert ("single_choice", "choice", "amina.diallo@exemple.fr") in parts
    assert ("multiple_choice", "choice", "Lien bizarre") in parts
    assert ("true_false", "question", "Une adresse e-mail a toujours un @.") in parts
    # A choice is named by its block id: moving it keeps its voice.
    step = step_of(lesson_page, "single_choice")
    ids = [f"choice-{choice.id}" for choice in step.value["choices"].bound_blocks]
    assert [u.part for u in step_utterances(step)] == ["question", *ids]


def test_plain_text_is_what_is_said_and_its_hash_ignores_markup():
    assert plain_text("<p>Une <b>adresse</b> &amp; un @.</p><p>Exemple</p>") == "Une adresse & un @. Exemple"
    assert text_hash("<p>Un   @</p>") == text_hash("Un @") != text_hash("Un arobase")


def test_an_empty_choice_text_reads_nothing(course_page):
    steps = [("single_choice", {"prompt": "<p>Laquelle ?</p>", "image": None, "audio": None, "competence": None,
                                "feedback_correct": "Oui", "feedback_wrong": "Non",
                                "choices": [{"text": "", "image": factories.make_image("a"), "is_correct": True},
                                            {"text": "B", "image": None, "is_correct": False}]})]
    lesson = factories.lesson(course_page, slug="images", steps=steps)
    assert [u.text for u in lesson_utterances(lesson)] == ["Laquelle ?", "B"]


# --- Constraints --------------------------------------------------------------------------------------


def test_one_synthetic_voice_per_text_and_language_in_the_database():
    voice("Bonjour")
    voice("Bonjour", language="ar")  # another language
    voice("Bonjour", kind=VoiceKind.RECORDED)  # recordings of the same text may be many
    with pytest.raises(IntegrityError), transaction.atomic():
        voice("Bonjour")


def test_one_recording_per_step_part_and_language_in_the_database(lesson_page):
    first, second = voice("A", kind=VoiceKind.RECORDED), voice("B", kind=VoiceKind.RECORDED)
    fields = {"lesson_key": lesson_page.translation_key, "step_id": "s1", "part": "text", "language": "fr"}
    StepRecording.objects.create(voice=first, **fields)
    StepRecording.objects.create(voice=second, **{**fields, "language": "ar"})
    with pytest.raises(IntegrityError), transaction.atomic():
        StepRecording.objects.create(voice=second, **fields)


def test_a_voice_kind_must_be_known():
    with pytest.raises(IntegrityError), transaction.atomic():
        voice("x", kind="robot")


# --- Selectors and services other pages call ------------------------------------------------------------


def test_voice_urls_prefers_a_recording_and_leaves_out_texts_without_voice(django_assert_num_queries):
    synthetic = voice("Courriel")
    recorded = voice("Adresse", kind=VoiceKind.RECORDED)
    voice("Adresse")
    with django_assert_num_queries(1):
        urls = selectors.voice_urls(["Courriel", "Adresse", "Pièce jointe"], "fr")
    assert urls == {"Courriel": synthetic.audio.url, "Adresse": recorded.audio.url}
    assert selectors.voice_urls(["Courriel"], "ar") == {}


@SYNTHESIS_ON
def test_voices_request_makes_the_missing_voices_after_the_commit(django_capture_on_commit_callbacks):
    voice("Courriel")
    with django_capture_on_commit_callbacks(execute=True):
        missing = services.voices_request(["Courriel", "Mot de passe"], "fr")
    assert missing == ["Mot de passe"]
    made = Voice.objects.get(text="Mot de passe", language="fr")
    assert made.kind == VoiceKind.SYNTHETIC and made.duration_ms > 300
    assert made.audio.read(3) in (b"ID3", b"\xff\xf3\xc4"[:3]) or made.audio.open().read(2)[0] == 0xFF


def test_voices_request_makes_nothing_when_synthesis_is_off(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.voices_request(["Mot de passe"], "fr") == ["Mot de passe"]
    assert not Voice.objects.exists()


@SYNTHESIS_ON
def test_no_synthetic_voice_in_a_language_espeak_does_not_speak(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.voices_request(["ሰላም"], "ti")
    assert not Voice.objects.exists()


# --- Synthesis after publishing ----------------------------------------------------------------------


def _publish_with_text(lesson, text):
    lesson.steps[0].value["text"] = RichText(text)  # the image step
    lesson.steps = lesson.steps  # noqa: PLW0127 — mark the StreamField as changed
    lesson.save_revision().publish()


@SYNTHESIS_ON
def test_publishing_makes_a_synthetic_mp3_for_every_part_and_a_new_one_when_the_text_changes(
        course_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lesson = factories.lesson(course_page)
    texts = {u.text for u in lesson_utterances(lesson)}
    voices = Voice.objects.filter(language="fr", kind=VoiceKind.SYNTHETIC)
    assert {v.text for v in voices} == texts and len(texts) == 14
    sample = voices.get(text="Une adresse a un @.")
    header = sample.audio.open("rb").read(3)
    assert header == b"ID3" or header[0] == 0xFF  # an MP3 file
    old_url = sample.audio.url

    with django_capture_on_commit_callbacks(execute=True):
        _publish_with_text(lesson.get_latest_revision_as_object(), "<p>Un arobase sépare le nom.</p>")
    new = Voice.objects.get(text="Un arobase sépare le nom.", language="fr")
    assert new.audio.url != old_url
    # The old voice stays until the daily cleaning finds it unused for 30 days.
    Voice.objects.filter(pk=sample.pk).update(used_at=timezone.now() - timedelta(days=31))
    assert voices_unused_clean() == 1
    assert not Voice.objects.filter(pk=sample.pk).exists()
    assert Voice.objects.filter(text="Touche le bouton.").exists()  # still said: kept


def test_publishing_makes_no_voice_when_synthesis_is_off(course_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.lesson(course_page)
    assert not Voice.objects.exists()


# --- The player ---------------------------------------------------------------------------------------


@pytest.fixture
def player(client, course_page, lesson_page):
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course_page)
    LessonProgress.objects.create(learner=learner, lesson=lesson_page)
    client.force_login(learner)
    return client


def test_the_player_plays_each_steps_voice_marks_synthetic_ones_and_has_a_speaker_per_choice(
        player, lesson_page, django_capture_on_commit_callbacks):
    synthetic = voice("Une adresse a un @.")
    html = player.get(lesson_page.url).content.decode()
    assert f'src="{synthetic.audio.url}" data-voice="text" data-synthetic' in html
    assert html.count("data-choice-listen") == 5  # 2 + 3 choices
    assert "data-slow" in html and "data-synthetic-mark" in html


def test_a_new_voice_changes_the_cached_steps_at_once(player, lesson_page, django_capture_on_commit_callbacks):
    step = step_of(lesson_page, "single_choice")
    before = player.get(lesson_page.url).content.decode()
    assert "data-voice=" not in before
    upload = SimpleUploadedFile("take.webm", sound(), content_type="audio/webm")
    with django_capture_on_commit_callbacks(execute=True):
        voicing.recording_save(lesson=lesson_page, lessons_by_language={}, step_id=str(step.id), part="question",
                               language="fr", upload=upload, user=None)
    after = player.get(lesson_page.url).content.decode()
    recorded = Voice.objects.get(kind=VoiceKind.RECORDED)
    assert f'src="{recorded.audio.url}" data-voice="question">' in after  # not marked synthetic


def test_the_lesson_page_with_voices_stays_within_the_query_budget(player, lesson_page, django_assert_max_num_queries):
    for utterance in lesson_utterances(lesson_page):
        voice(utterance.text)
    player.get(lesson_page.url)
    with django_assert_max_num_queries(8):
        html = player.get(lesson_page.url).content.decode()
    assert html.count("data-synthetic") >= 13


# --- The admin's « Voix » screen ------------------------------------------------------------------------


@pytest.fixture
def trainer(db):
    user = factories.UserFactory(display_name="Fatou Formatrice")
    Membership.objects.create(user=user, centre=factories.CentreFactory(), role=Role.TRAINER)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def voices_url(lesson, language=None):
    url = reverse("courses_lesson_voices", args=[lesson.pk])
    return f"{url}?language={language}" if language else url


def _post(client, lesson, upload, step_id, part="text", language="fr"):
    return client.post(voices_url(lesson), {"step_id": step_id, "part": part, "language": language,
                                            **({"audio": upload} if upload is not None else {})})


def test_a_trainer_sees_each_part_with_its_synthetic_voice_and_records_one(client, trainer, lesson_page):
    synthetic = voice("Une adresse a un @.")
    client.force_login(trainer)
    html = client.get(voices_url(lesson_page)).content.decode()
    assert "Une adresse a un @." in html and "amina.diallo@exemple.fr" in html
    assert synthetic.audio.url in html and "data-synthetic" in html
    assert html.count("data-recorder") >= 13
    step = lesson_page.steps[0]
    response = _post(client, lesson_page, SimpleUploadedFile("take.ogg", sound(fmt="ogg"), "audio/ogg"), str(step.id))
    assert response.status_code == 302
    recording = StepRecording.objects.get()
    assert recording.voice.kind == VoiceKind.RECORDED and recording.recorded_by == trainer
    assert recording.voice.audio.name.endswith(".mp3") and recording.voice.duration_ms > 500
    html = client.get(response["Location"]).content.decode()
    assert recording.voice.audio.url in html and "data-recorded" in html

    # Recording again replaces it (and deletes the old file's voice).
    _post(client, lesson_page, SimpleUploadedFile("take.wav", sound(fmt="wav", codec="pcm_s16le"), "audio/wav"),
          str(step.id))
    assert StepRecording.objects.count() == 1 and Voice.objects.filter(kind=VoiceKind.RECORDED).count() == 1


def test_the_lessons_header_menu_leads_to_its_voices(client, trainer, lesson_page):
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson_page.pk])).content.decode()
    assert voices_url(lesson_page) in html


def _over_twenty_minutes():
    return subprocess.run(  # noqa: S603
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "1230",  # noqa: S607
         "-c:a", "libmp3lame", "-b:a", "8k", "-f", "mp3", "pipe:1"], capture_output=True, check=True).stdout


BAD_INPUTS = {
    "not audio": (lambda: SimpleUploadedFile("take.webm", b"%PDF-1.4 not a sound", "audio/webm"), {},
                  "Ce fichier n'est pas un enregistrement sonore."),
    "over 10 MB": (lambda: SimpleUploadedFile("take.wav", b"\0" * (10 * 1024 * 1024 + 1), "audio/wav"), {},
                   "Cet enregistrement dépasse 10 Mo."),
    "over 20 minutes": (lambda: SimpleUploadedFile("long.mp3", _over_twenty_minutes(), "audio/mpeg"), {},
                        "Cet enregistrement dure plus de 20 minutes."),
    "unknown step": (lambda: SimpleUploadedFile("take.webm", sound(), "audio/webm"), {"step_id": "gone"},
                     "Cette étape n'est plus dans la leçon."),
    "unknown part": (lambda: SimpleUploadedFile("take.webm", sound(), "audio/webm"), {"part": "choice-9"},
                     "Cette étape n'est plus dans la leçon."),
    "language not offered": (lambda: SimpleUploadedFile("take.webm", sound(), "audio/webm"), {"language": "xx"},
                             "Ce site ne propose pas de leçons dans cette langue."),
    "no file": (lambda: None, {}, "Choisissez un enregistrement ou enregistrez-en un."),
    "lesson not translated into it": (lambda: SimpleUploadedFile("take.webm", sound(), "audio/webm"),
                                      {"language": "ar"}, "Cette leçon n'est pas encore traduite dans cette langue"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_recordings_are_refused_with_a_clear_message_and_change_nothing(client, trainer, lesson_page, case):
    make, overrides, message = BAD_INPUTS[case]
    client.force_login(trainer)
    fields = {"step_id": str(lesson_page.steps[0].id), "part": "text", "language": "fr", **overrides}
    response = _post(client, lesson_page, make(), **fields)
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert not StepRecording.objects.exists() and not Voice.objects.exists()


def test_the_error_is_translated(client, trainer, lesson_page):
    client.force_login(trainer)
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "ar"
    profile.save()
    response = client.post(voices_url(lesson_page), {"step_id": "gone", "part": "text", "language": "fr",
                                                     "audio": SimpleUploadedFile("a.webm", sound())},
                           HTTP_ACCEPT_LANGUAGE="fr")
    assert "لم تعد هذه الخطوة في الدرس" in response.content.decode()


def test_a_language_the_site_does_not_offer_in_the_url_gets_a_message(client, trainer, lesson_page):
    client.force_login(trainer)
    response = client.get(voices_url(lesson_page, "xx"))
    assert response.status_code == 400
    assert "Ce site ne propose pas de leçons dans cette langue." in response.content.decode()


def refused(response):
    """Wagtail answers a refused admin page with a redirect to the admin's home and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_only_those_who_may_edit_the_lesson_reach_its_voices(client, lesson_page):
    upload = SimpleUploadedFile("take.webm", sound(), "audio/webm")
    learner = factories.learner_in(factories.CentreFactory())
    client.force_login(learner)
    assert client.get(voices_url(lesson_page)).status_code == 302  # to the admin's sign-in
    staff = factories.UserFactory(is_staff=True)  # an admin account without the catalogue's groups
    staff.user_permissions.add(*__import__("django.contrib.auth.models", fromlist=["Permission"]).Permission.objects
                               .filter(codename="access_admin"))
    client.force_login(staff)
    assert refused(client.get(voices_url(lesson_page)))
    assert refused(_post(client, lesson_page, upload, str(lesson_page.steps[0].id)))
    assert not StepRecording.objects.exists()
    client.logout()
    assert client.get(voices_url(lesson_page)).status_code == 302


def test_a_course_page_has_no_voices_screen(client, trainer, course_page):
    client.force_login(trainer)
    assert refused(client.get(voices_url(course_page)))


def test_a_trainer_records_the_arabic_voice_of_the_arabic_translation(client, trainer, course_page, lesson_page):
    locale, _created = Locale.objects.get_or_create(language_code="ar")
    course_page.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    arabic = lesson_page.copy_for_translation(locale).specific
    arabic.steps[0].value["text"] = RichText("<p>عنوان البريد فيه دائمًا @.</p>")
    arabic.steps = arabic.steps  # noqa: PLW0127 — the StreamField changed
    arabic.save_revision().publish()
    client.force_login(trainer)
    html_page = client.get(voices_url(lesson_page, "ar")).content.decode()
    assert "عنوان البريد فيه دائمًا @." in html_page and "data-untranslated" not in html_page
    upload = SimpleUploadedFile("take.webm", sound(), "audio/webm")
    assert _post(client, lesson_page, upload, str(lesson_page.steps[0].id), language="ar").status_code == 302
    recording = StepRecording.objects.get()
    assert recording.language == "ar" and recording.voice.text == "عنوان البريد فيه دائمًا @."
