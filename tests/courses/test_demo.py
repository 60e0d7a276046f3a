"""The demo loader: one run builds the whole catalogue, a second run changes no counts."""

import html as html_module
import io
import json
import re
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from accounts.models import User
from centres.constants import Role
from centres.models import Centre, Membership
from courses.demo import loader
from courses.demo.content import COURSE_MODULES
from courses.models import CatalogueIndexPage, Competence, CoursePage, LessonPage
from courses.services import enrolment_create
from h5p import demo as h5p_demo
from h5p.models import H5PPackage

IMAGE_KINDS = {"image", "hotspot"}
QUESTION_KINDS = {"single_choice", "multiple_choice", "true_false", "ordering", "typed_answer", "hotspot_question"}


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "centres": Centre.objects.count(),
        "competences": Competence.objects.count(),
        "h5p_packages": H5PPackage.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run load_demo twice in one transaction that is rolled back after the module's tests."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo", "--this-is-not-production", stdout=out, stderr=io.StringIO())
            first = counts()
            call_command("load_demo", "--this-is-not-production", stdout=io.StringIO(), stderr=io.StringIO())
            yield {"first": first, "second": counts(), "output": out.getvalue()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            for cache in caches.all():
                cache.clear()  # site root paths and remembered routes point at rolled-back pages


def available_modules():
    return [slug for slug in COURSE_MODULES if loader.course_module(slug, []) is not None]


@pytest.mark.django_db
def test_each_course_module_is_loaded_in_french(demo):
    french = CatalogueIndexPage.objects.get(locale__language_code="fr")
    slugs = set(CoursePage.objects.child_of(french).live().values_list("slug", flat=True))
    assert {"emails", "ameli"} <= slugs
    assert slugs == set(available_modules())


@pytest.mark.django_db
def test_french_catalogue_is_the_site_root_and_welcome_page_is_gone(demo):
    french = CatalogueIndexPage.objects.get(locale__language_code="fr")
    assert Site.objects.get(is_default_site=True).root_page_id == french.pk
    assert not Page.objects.filter(depth=2, slug="home").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_email_course_is_translated(demo, language):
    french = CoursePage.objects.get(slug="emails", locale__language_code="fr")
    translated = CoursePage.objects.get(slug="emails", locale__language_code=language)
    assert translated.live and translated.translation_key == french.translation_key
    assert translated.get_parent().specific.translation_key == french.get_parent().translation_key
    french_lessons = LessonPage.objects.child_of(french)
    translated_lessons = LessonPage.objects.child_of(translated)
    assert {p.translation_key for p in translated_lessons} == {p.translation_key for p in french_lessons}
    assert translated.title != french.title


@pytest.mark.django_db
def test_catalogues_resolve_in_every_language(demo, client):
    for language in ("fr", "en", "ar"):
        assert client.get(f"/{language}/", HTTP_HOST="localhost").status_code == 200
    assert client.get("/ar/emails/", HTTP_HOST="localhost").status_code == 200


@pytest.mark.django_db
def test_every_lesson_follows_the_curriculum_rules(demo):
    lessons = LessonPage.objects.filter(locale__language_code__in=["fr", "en", "ar"])
    checked = 0
    for lesson in lessons:
        if lesson.get_parent().slug not in ("emails", "ameli"):
            continue  # other courses are checked by their own authors
        kinds = [step.block_type for step in lesson.steps]
        assert len(kinds) >= 6, lesson
        assert sum(kind in IMAGE_KINDS for kind in kinds) >= 4, lesson
        assert sum(kind in QUESTION_KINDS for kind in kinds) >= 3, lesson
        checked += 1
    assert checked >= 4 * 3 + 3  # four e-mail lessons in three languages, three Améli lessons at least


@pytest.mark.django_db
def test_email_course_uses_every_question_type_and_tips(demo):
    french = CoursePage.objects.get(slug="emails", locale__language_code="fr")
    kinds = {step.block_type for lesson in LessonPage.objects.child_of(french) for step in lesson.steps}
    assert QUESTION_KINDS | {"tip"} <= kinds
    tip_kinds = {
        step.value["kind"] for lesson in LessonPage.objects.child_of(french) for step in lesson.steps
        if step.block_type == "tip"
    }
    assert tip_kinds == {"tip", "warning"}


@pytest.mark.django_db
def test_arabic_lessons_show_arabic_screens(demo):
    arabic = CoursePage.objects.get(slug="emails", locale__language_code="ar")
    titles = {
        step.value["image"].title for lesson in LessonPage.objects.child_of(arabic) for step in lesson.steps
        if step.block_type in IMAGE_KINDS
    }
    assert any(title.startswith("emails-ar/") for title in titles)


@pytest.mark.django_db
def test_demo_people_and_centre(demo):
    centre = Centre.objects.get(name=loader.CENTRE_NAME)
    learners = Membership.objects.filter(centre=centre, role=Role.LEARNER).values_list("user__username", flat=True)
    assert set(learners) == {"amina", "yonas", "farid", "mariam"}
    for username, role in [("formatrice", Role.TRAINER), ("responsable", Role.MANAGER), ("referent", Role.REFERENT)]:
        assert Membership.objects.filter(centre=centre, role=role, user__username=username).exists()
    trainer = User.objects.get(username="formatrice")
    assert trainer.groups.filter(name="Editors").exists() and trainer.has_perm("wagtailadmin.access_admin")
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="amina").check_password(loader.DEMO_PASSWORD)
    assert "passerelle-demo" in demo["output"] and "formatrice" in demo["output"]


@pytest.mark.django_db
def test_running_twice_keeps_one_copy_of_everything(demo):
    assert demo["first"] == demo["second"]
    assert demo["second"]["competences"] == 6
    assert demo["second"]["users"] == 8
    assert demo["second"]["h5p_packages"] == len(h5p_demo.DEMO_ACTIVITIES)


@pytest.mark.django_db
def test_the_email_course_has_an_h5p_activity_made_by_passerelle(demo):
    reply = LessonPage.objects.get(slug="lire-et-repondre", locale__language_code="fr")
    activities = [step.value for step in reply.steps if step.block_type == "h5p"]
    assert len(activities) == 1 and activities[0]["required"] and activities[0]["pass_threshold"] == 100
    package = activities[0]["package"]
    assert (package.main_library, package.language) == (h5p_demo.MACHINE_NAME, "fr")
    assert package.title == h5p_demo.DEMO_ACTIVITIES["reponse-a-sophie"].title
    assert package.file_count == 5 and package.uploaded_by is None  # checked and unpacked like an upload
    for language in ("en", "ar"):  # the activity is in French: the translations end before it
        translated = LessonPage.objects.get(slug="lire-et-repondre", locale__language_code=language)
        assert "h5p" not in [step.block_type for step in translated.steps]


def test_every_zone_key_used_by_the_content_exists():
    zones = json.loads((Path(loader.__file__).parent / "images" / "zones.json").read_text())
    for slug in ("emails", "ameli"):
        module = loader.course_module(slug, [])
        languages = [module.COURSE, *getattr(module, "TRANSLATIONS", {}).values()]
        for course in languages:
            for lesson in course["lessons"]:
                for _kind, value in lesson["steps"]:
                    if "zones" in value:
                        assert zones.get(value["zones"]), value["zones"]


@pytest.mark.django_db
def test_referent_course_is_in_french_and_arabic(demo):
    french = CoursePage.objects.get(slug="referent", locale__language_code="fr")
    arabic = CoursePage.objects.get(slug="referent", locale__language_code="ar")
    assert french.title == "Devenir référent" and arabic.live and arabic.translation_key == french.translation_key
    french_lessons = list(LessonPage.objects.child_of(french))
    arabic_lessons = list(LessonPage.objects.child_of(arabic))
    assert len(french_lessons) == 5
    assert [p.translation_key for p in arabic_lessons] == [p.translation_key for p in french_lessons]
    for source, translated in zip(french_lessons, arabic_lessons, strict=True):
        assert [s.id for s in translated.steps] == [s.id for s in source.steps], translated  # progress follows
        assert any("\u0600" <= ch <= "\u06ff" for ch in translated.title)


@pytest.mark.django_db
def test_demo_has_community_sessions_and_prints_what_reminders_send(demo):
    from community.models import CommunitySession, Registration

    sessions = CommunitySession.objects.filter(host__username="referent")
    assert sessions.count() == 2  # the second run kept them
    assert Registration.objects.filter(session__in=sessions).count() == 3
    assert "Community session « Les e-mails, en arabe »" in demo["output"]
    assert "Reminders for tomorrow's sessions sent now: 2" in demo["output"]


def lesson_pictures(course):
    """(lesson, image) of every picture the lessons of a course show: steps, questions and choices."""
    found = []
    for lesson in LessonPage.objects.child_of(course).specific():
        for step in lesson.steps:
            value = step.value
            pictures = [value.get("image")] + [choice["image"] for choice in value.get("choices", [])]
            found += [(lesson, picture) for picture in pictures if picture is not None]
    return found


ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


DARI_LETTER = re.compile(r"[\u0600-\u06FF\u200c]")
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04FF]")


@pytest.mark.django_db
@pytest.mark.parametrize("language, script", [("fa", DARI_LETTER), ("uk", CYRILLIC_LETTER)])
def test_the_dari_and_ukrainian_first_lesson_describes_its_pictures_in_its_language(demo, language, script):
    """The first e-mail lesson in Dari and Ukrainian: a screen reader reads its pictures in that language."""
    lesson = LessonPage.objects.get(slug="adresse-e-mail", locale__language_code=language)
    course = lesson.get_parent()
    pictures = [picture for shown_in, picture in lesson_pictures(course) if shown_in.pk == lesson.pk]
    assert len(pictures) == 8
    for picture in pictures:
        alt = picture.contextual_alt_text
        assert script.match(alt) and not picture.decorative, alt


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_picture_of_a_translated_lesson_is_described_in_its_language(demo, language):
    """A screen reader in an English or Arabic lesson reads what the picture shows in that language,
    not the French text nor the file's name."""
    french_alts = {
        (lesson.translation_key, picture.pk, index): picture.contextual_alt_text
        for index, (lesson, picture) in enumerate(lesson_pictures(CoursePage.objects.get(
            slug="emails", locale__language_code="fr")))
    }
    french_texts = set(french_alts.values())
    translated = CoursePage.objects.filter(locale__language_code=language, live=True)
    pictures = [pair for course in translated for pair in lesson_pictures(course)]
    assert len(pictures) >= 10
    for lesson, picture in pictures:
        alt = picture.contextual_alt_text
        assert alt and not picture.decorative, (lesson.title, picture.title)
        assert alt not in french_texts and alt != picture.title and ".webp" not in alt, (lesson.title, alt)
        if language == "ar":
            # Arabic words first: a Latin address (amina.diallo@exemple.fr) may follow, never lead.
            assert ARABIC_LETTER.search(alt) and not LATIN_LETTER.match(alt), alt
        else:
            assert not ARABIC_LETTER.search(alt), alt


@pytest.mark.django_db
def test_every_picture_of_a_french_lesson_is_described_in_french(demo):
    french = CoursePage.objects.filter(locale__language_code="fr")
    pictures = [pair for course in french for pair in lesson_pictures(course)]
    assert len(pictures) >= 50
    for lesson, picture in pictures:
        alt = picture.contextual_alt_text
        assert alt and ".webp" not in alt and not ARABIC_LETTER.search(alt), (lesson.title, picture.title, alt)


@pytest.mark.django_db
def test_the_arabic_lesson_page_says_its_pictures_in_arabic(demo, client):
    arabic = CoursePage.objects.get(slug="emails", locale__language_code="ar")
    lesson = LessonPage.objects.child_of(arabic).live().first().specific
    alts = [picture.contextual_alt_text for _lesson, picture in lesson_pictures(arabic) if _lesson.pk == lesson.pk]
    learner = User.objects.get(username="farid")
    enrolment_create(learner=learner, course=arabic)
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    shown = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert shown and all(ARABIC_LETTER.search(alt) for alt in shown), shown
    assert {html_module.unescape(alt) for alt in shown} <= set(alts)


@pytest.mark.django_db
@pytest.mark.parametrize("language, title", [("fa", "آدرس ایمیل چیست؟"), ("uk", "Що таке адреса електронної пошти?")])
def test_the_first_email_lesson_is_also_in_dari_and_ukrainian_with_the_french_step_ids(demo, language, title):
    french = LessonPage.objects.get(slug="adresse-e-mail", locale__language_code="fr")
    translated = LessonPage.objects.get(slug="adresse-e-mail", locale__language_code=language)
    assert translated.title == title and translated.live and translated.translation_key == french.translation_key
    assert [(s.block_type, s.id) for s in translated.steps] == [(s.block_type, s.id) for s in french.steps]
    course = translated.get_parent()
    assert [lesson.slug for lesson in LessonPage.objects.child_of(course)] == ["adresse-e-mail"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fa", "uk"])
def test_dari_and_ukrainian_catalogues_fall_back_on_the_french_courses(demo, client, language):
    catalogue = client.get(f"/{language}/", HTTP_HOST="localhost")
    assert catalogue.status_code == 200
    html = catalogue.content.decode()
    french_titles = CoursePage.objects.filter(locale__language_code="fr").values_list("title", flat=True)
    assert all(title.replace("'", "&#x27;") in html for title in french_titles if title != "Les e-mails")
    course = client.get(f"/{language}/emails/", HTTP_HOST="localhost").content.decode()
    # The translated first lesson, then the three lessons not translated yet, in French.
    assert "Lire et répondre à un message" in course
    assert client.get(f"/{language}/ameli/", HTTP_HOST="localhost").status_code == 200
@pytest.mark.django_db
def test_every_step_of_the_email_course_has_a_voice_in_french_and_arabic(demo):
    """What load_demo does when synthesis is on (the demo; the tests turn it off): one pass over the
    e-mail course's four lessons in French and Arabic; a second run makes nothing."""
    from courses.selectors import lesson_voices
    from courses.utterances import lesson_utterances

    courses = list(CoursePage.objects.select_related("locale"))
    with override_settings(PASSERELLE_VOICES_SYNTHESIS=True):
        assert loader.demo_voices_make(courses) > 50
        assert loader.demo_voices_make(courses) == 0
    for language in ("fr", "ar"):
        course = CoursePage.objects.get(slug="emails", locale__language_code=language)
        lessons = LessonPage.objects.child_of(course).live()
        assert lessons.count() == 4
        for lesson in lessons:
            voices = lesson_voices(lesson, language)
            for utterance in lesson_utterances(lesson):
                shown = voices[utterance.step_id][utterance.part]
                assert shown.synthetic and shown.url.endswith(".mp3"), (lesson.title, utterance)
