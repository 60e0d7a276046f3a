"""Content apart from the interface (issue 12): under /fa/ a learner reads the lesson in her first
content language; « my language » shows one step in another of her languages and back, keeping the
answer, the place and the progress; a step not translated stays as it was with a short note; a
language the site does not offer gives a clean « not found »."""

import json
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.blocks import StreamValue

from accounts import services as account_services
from courses.models import Answer, LessonProgress
from tests import factories

from .conftest import right_payload, step_of
from .test_languages import translate

pytestmark = pytest.mark.django_db

AR_PROMPT = "<p>أي عنوان هو <b>الصحيح</b>؟</p>"
FA_TITLE = "آدرس ایمیل چیست؟"


def under(language, page):
    with translation.override("fr"):
        french = page.url
    return f"/{language}/{french[len('/fr/'):]}"


def step_url(lesson, step_id, language, interface="fa"):
    with translation.override(interface):
        return reverse("courses:step_in_language", args=[lesson.pk, step_id, language])


@pytest.fixture
def arabic_lesson(course_page, lesson_page):
    translate(course_page, title="البريد الإلكتروني")
    lesson = translate(lesson_page, title="ما هو عنوان البريد الإلكتروني؟")
    step = step_of(lesson, "single_choice")
    step.value["prompt"] = step.block.child_blocks["prompt"].to_python(AR_PROMPT)
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def dari_lesson(course_page, lesson_page):
    translate(course_page, code="fa", title="ایمیل")
    return translate(lesson_page, code="fa", title=FA_TITLE)


def choose(learner, *codes):
    account_services.learner_content_languages_set(user=learner, codes=list(codes))


# --- Which tree a learner reads under /fa/ -------------------------------------------------------------


def test_under_dari_a_learner_who_reads_french_first_gets_the_french_lesson(learner_client, enrolled, lesson_page,
                                                                            dari_lesson):
    choose(enrolled, "fr", "ar")
    html = learner_client.get(under("fa", lesson_page)).content.decode()
    assert '<html lang="fa" dir="rtl">' in html and escape(lesson_page.title) in html and FA_TITLE not in html
    assert 'data-lang="fr"' in html


def test_under_dari_a_learner_who_reads_dari_first_gets_the_dari_lesson(learner_client, enrolled, lesson_page,
                                                                         dari_lesson):
    choose(enrolled, "fa", "fr")
    html = learner_client.get(under("fa", lesson_page)).content.decode()
    assert FA_TITLE in html and 'data-lang="fa"' in html


def test_a_lesson_not_translated_into_her_language_is_the_french_one(learner_client, enrolled, course_page,
                                                                      lesson_page, dari_lesson):
    second = factories.lesson(course_page, title="Lire un message", slug="lire")
    choose(enrolled, "fa")
    response = learner_client.get(under("fa", second))
    assert response.status_code == 200 and "Lire un message" in response.content.decode()


def test_the_dari_course_lists_the_lessons_not_translated_yet_in_french(learner_client, enrolled, course_page,
                                                                         lesson_page, dari_lesson):
    factories.lesson(course_page, title="Lire un message", slug="lire")
    choose(enrolled, "fa")
    html = learner_client.get(under("fa", course_page)).content.decode()
    assert FA_TITLE in html and "Lire un message" in html
    assert html.index(FA_TITLE) < html.index("Lire un message")


def test_a_dari_catalogue_shows_the_french_courses_it_lacks(client, course_page, dari_lesson):
    other = factories.course(title="La CAF", slug="caf")
    html = client.get("/fa/").content.decode()
    assert "ایمیل" in html and other.title in html


# --- « My language » on a step -----------------------------------------------------------------------------


def test_the_player_offers_the_learners_languages_the_lesson_is_translated_into(learner_client, enrolled,
                                                                               lesson_page, arabic_lesson):
    choose(enrolled, "fr", "fa", "ar")  # no Dari translation: no Dari button
    html = learner_client.get(under("fa", lesson_page)).content.decode()
    buttons = re.findall(r'data-step-lang="(\w+)"', html)
    assert buttons == ["fr", "ar"]
    assert 'lang="ar" dir="rtl" aria-pressed="false">العربية</button>' in html


def test_no_button_when_the_lesson_has_no_translation_in_her_languages(learner_client, enrolled, lesson_page):
    choose(enrolled, "fr", "ar")
    assert "data-step-langs" not in learner_client.get(under("fa", lesson_page)).content.decode()


def test_a_step_in_arabic_then_answered_keeps_one_answer_and_one_progress(learner_client, enrolled, lesson_page,
                                                                         arabic_lesson):
    french = step_of(lesson_page, "single_choice")
    response = learner_client.get(step_url(lesson_page, french.id, "ar"))
    data = response.json()
    assert response.status_code == 200 and data["lang"] == "ar" and data["dir"] == "rtl" and not data["note"]
    assert "الصحيح" in data["html"] and 'value="' in data["html"]
    with translation.override("fa"):
        assert data["answer_url"] == reverse("courses:answer_create", args=[arabic_lesson.pk])
    arabic_step = step_of(arabic_lesson, "single_choice")
    body = {"step_id": str(french.id), "client_uuid": str(uuid.uuid4()), "payload": right_payload(arabic_step)}
    answered = learner_client.post(data["answer_url"], json.dumps(body), content_type="application/json")
    assert answered.status_code == 200 and answered.json()["is_correct"]
    (answer,) = Answer.objects.filter(learner=enrolled)
    assert answer.lesson_key == lesson_page.translation_key and str(answer.step_id) == str(french.id)
    # Back in French: the same step is answered, right at the first try.
    html = learner_client.get(under("fa", lesson_page)).content.decode()
    state = json.loads(re.search(r'<script id="player-state" type="application/json">(.*?)</script>', html)[1])
    assert state["answered"][str(french.id)] == {"first": True, "done": True}
    assert LessonProgress.objects.filter(learner=enrolled).count() == 1


def test_a_step_missing_from_the_translation_stays_with_a_translated_note(learner_client, enrolled, course_page,
                                                                         lesson_page):
    translate(course_page, title="البريد الإلكتروني")
    arabic = translate(lesson_page, title="ما هو عنوان البريد الإلكتروني؟")
    arabic.steps = StreamValue(arabic.steps.stream_block,
                               [(step.block_type, step.value, step.id) for step in list(arabic.steps)[:2]],
                               is_lazy=False)
    arabic.save_revision().publish()
    last = list(lesson_page.steps)[-1]
    response = learner_client.get(step_url(lesson_page, last.id, "ar"))
    assert response.status_code == 200
    with translation.override("fa"):
        note = translation.gettext("This step is not translated into %(language)s yet.") % {"language": "العربية"}
    assert response.json() == {"html": None, "note": note}


def test_a_lesson_not_translated_at_all_also_answers_with_the_note(learner_client, lesson_page):
    step = list(lesson_page.steps)[0]
    response = learner_client.get(step_url(lesson_page, step.id, "uk"))
    assert response.status_code == 200 and response.json()["html"] is None and response.json()["note"]


@pytest.mark.parametrize("language", ["de", "ps", "xx", "FR"])
def test_a_language_the_site_does_not_offer_is_not_found(learner_client, lesson_page, language):
    step = list(lesson_page.steps)[0]
    response = learner_client.get(step_url(lesson_page, step.id, language))
    assert response.status_code == 404
    with translation.override("fa"):
        assert response.json()["error"] == translation.gettext("This language is not offered here.")


def test_a_step_of_a_learner_who_did_not_start_the_course_is_refused(client, lesson_page, arabic_lesson):
    client.force_login(factories.UserFactory())
    step = list(lesson_page.steps)[0]
    assert client.get(step_url(lesson_page, step.id, "ar")).status_code == 403


def test_signed_out_gets_401_and_a_post_is_not_allowed(client, learner_client, lesson_page, arabic_lesson):
    step = list(lesson_page.steps)[0]
    assert learner_client.post(step_url(lesson_page, step.id, "ar")).status_code == 405
    learner_client.logout()
    assert learner_client.get(step_url(lesson_page, step.id, "ar")).status_code == 401


def test_an_unknown_step_id_or_lesson_is_never_an_error_page(learner_client, lesson_page, arabic_lesson):
    assert learner_client.get(step_url(lesson_page, uuid.uuid4(), "ar")).json()["html"] is None
    good = step_url(lesson_page, list(lesson_page.steps)[0].id, "ar")
    assert learner_client.get(re.sub(r"/etapes/[^/]+/", "/etapes/not-a-uuid/", good)).status_code == 404
    assert learner_client.get(good.replace(f"/{lesson_page.pk}/", "/999999/")).status_code == 404


# --- A language the site does not offer in the URL ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/de/", "/xx/parcours/", "/zz/emails/adresse/", "/de/api/lecons/1/etapes/"])
def test_a_language_prefix_the_site_does_not_offer_is_a_clean_not_found_in_french(client, lesson_page, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de", follow=True)
    assert response.status_code == 404 and all(step[0].startswith("/fr/") for step in response.redirect_chain)
    html = response.content.decode()
    assert '<html lang="fr"' in html


def test_my_path_shows_the_course_in_her_first_language_with_every_lesson(enrolled, course_page, lesson_page,
                                                                          dari_lesson):
    from courses.models import CoursePage

    second = factories.lesson(course_page, title="Lire un message", slug="lire")
    for codes, locale in ((["fa", "fr"], "fa"), (["fr", "ar"], "fr")):
        choose(enrolled, *codes)
        enrolled.__dict__.pop("_passerelle_content_languages", None)
        with translation.override("fa"):
            (row,) = CoursePage.followed_by(enrolled)
        assert row.course.locale.language_code == locale
        # The Dari course counts the lesson not translated yet too, in French.
        assert [r.lesson.pk for r in row.lessons][1] == second.pk and len(row.lessons) == 2
