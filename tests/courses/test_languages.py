"""Progress follows the learner across languages: a learner who moves from the French lesson to
its Arabic translation (and back) keeps their place, their answers and their score; a translation
with fewer steps than its source never shows an error page."""

import json
import uuid
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from courses import selectors, services
from courses.constants import ProgressStatus
from courses.grading import InvalidAnswer
from courses.models import Answer, CoursePage, Enrolment, LessonPage, LessonProgress
from tests import factories

from .conftest import choice_id, right_payload, step_of, wrong_payload

pytestmark = pytest.mark.django_db

AR_COURSE = "البريد الإلكتروني"
AR_LESSON = "ما هو عنوان البريد الإلكتروني؟"

RIGHT = {"first": True, "done": True}  # a step answered right at the first try


def translate(page, code="ar", **fields):
    """The page translated as Wagtail's "Translate" action does (its parents too), then edited and
    published by the translator."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def arabic(course_page, lesson_page):
    """(Arabic course, Arabic lesson) with every step of the French lesson."""
    course = translate(course_page, title=AR_COURSE)
    return course, translate(lesson_page, title=AR_LESSON)


@pytest.fixture
def arabic_lesson(arabic):
    return arabic[1]


def visit(learner, lesson, step):
    return services.lesson_step_visit(learner=learner, lesson=lesson, step_id=step.id)


def answer(learner, lesson, step, payload, client_uuid=None):
    return services.lesson_answer_record(
        learner=learner, lesson=lesson, step_id=step.id, payload=payload, client_uuid=client_uuid or uuid.uuid4()
    )


def same_step(lesson, step):
    """The step of ``lesson`` (another language) with the same block id as ``step``."""
    return next(s for s in lesson.steps if s.id == step.id)


def progress_of(learner):
    (progress,) = LessonProgress.objects.filter(learner=learner)
    return progress


def resume_index(learner, lesson):
    return selectors.resume_step_index(progress=progress_of(learner), lesson=lesson)


# --- Translations keep what progress is keyed on ---------------------------------------------------------


def test_translating_a_lesson_in_the_admin_keeps_its_step_ids(client, lesson_page, course_page):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    for page, subtree in ((course_page.get_parent(), ""), (course_page, "on")):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        response = client.post(url, {"locales": [arabic.pk], "include_subtree": subtree})
        assert response.status_code == 302
    translated = LessonPage.objects.get(locale=arabic)
    assert translated.translation_key == lesson_page.translation_key
    assert [s.id for s in translated.steps] == [s.id for s in lesson_page.steps]
    assert CoursePage.objects.get(locale=arabic).translation_key == course_page.translation_key


def test_the_demo_translations_keep_the_step_ids_of_the_french_lessons(lesson_page):
    from courses.demo.loader import steps_aligned

    translated = factories.every_kind_steps()
    translated[1] = ("image", translated[0][1])  # a step of another kind than the French one
    lesson_page.steps = steps_aligned(lesson_page, translated)
    ids = [step.id for step in lesson_page.steps]
    french = [step.id for step in LessonPage.objects.get(pk=lesson_page.pk).steps]
    assert ids[0] == french[0] and ids[2:] == french[2:] and ids[1] != french[1]


# --- Services: one place, one score, whatever the language ---------------------------------------------


def test_french_arabic_french_in_one_attempt_keeps_the_step_and_the_score(enrolled, lesson_page, arabic_lesson):
    steps = list(lesson_page.steps)
    for step in steps[:4]:
        visit(enrolled, lesson_page, step)
    answer(enrolled, lesson_page, steps[3], right_payload(steps[3]))  # single choice, in French

    assert resume_index(enrolled, arabic_lesson) == 3  # the Arabic page opens where the French one was
    for step in list(arabic_lesson.steps)[3:6]:
        visit(enrolled, arabic_lesson, step)
    multiple, true_false = step_of(arabic_lesson, "multiple_choice"), step_of(arabic_lesson, "true_false")
    answer(enrolled, arabic_lesson, multiple, right_payload(multiple))
    answer(enrolled, arabic_lesson, true_false, wrong_payload(true_false))

    assert resume_index(enrolled, lesson_page) == 5  # back in French, on the true/false step
    progress = progress_of(enrolled)
    assert progress.attempt == 1
    assert selectors.attempt_score(progress=progress, lesson=lesson_page) == pytest.approx(2 / 6)
    assert selectors.attempt_score(progress=progress, lesson=arabic_lesson) == pytest.approx(2 / 6)
    for step in steps[6:]:
        visit(enrolled, lesson_page, step)
        answer(enrolled, lesson_page, step, right_payload(step))
    progress = progress_of(enrolled)
    assert progress.best_score == pytest.approx(5 / 6) and progress.status == ProgressStatus.COMPLETED
    assert Answer.objects.filter(learner=enrolled).count() == 6
    assert set(Answer.objects.values_list("lesson_key", flat=True)) == {lesson_page.translation_key}


def test_a_question_answered_in_french_is_answered_in_arabic(enrolled, lesson_page, arabic_lesson):
    french = step_of(lesson_page, "true_false")
    first = answer(enrolled, lesson_page, french, {"value": False})
    again = answer(enrolled, arabic_lesson, same_step(arabic_lesson, french), {"value": True})
    # The Arabic answer is the second try at the same question: right, but the French first try counts.
    assert again.answer.pk == first.answer.pk and again.grade.is_correct and not again.answer.is_correct
    assert Answer.objects.count() == 1 and again.tries_left == 0
    state = selectors.player_state(progress=progress_of(enrolled), lesson=arabic_lesson)
    assert state["answered"] == {french.id: {"first": False, "done": True}}


def test_a_replayed_answer_from_the_other_language_is_recorded_once(enrolled, lesson_page, arabic_lesson):
    french, key = step_of(lesson_page, "typed_answer"), uuid.uuid4()
    answer(enrolled, lesson_page, french, right_payload(french), key)
    replay = answer(enrolled, arabic_lesson, same_step(arabic_lesson, french), right_payload(french), key)
    assert replay.grade.is_correct and Answer.objects.count() == 1


def test_an_earlier_answer_shown_in_a_translation_with_other_choices_keeps_its_result(
    enrolled, lesson_page, course_page
):
    """The translator rewrote the choices (new choice ids): the French answer still counts as given."""
    translate(course_page)
    arabic_lesson = translate(lesson_page)
    step = step_of(arabic_lesson, "single_choice")
    step.value["choices"] = step.block.child_blocks["choices"].normalize([
        {"text": "amina.diallo@exemple.fr", "image": None, "is_correct": True},
        {"text": "amina.diallo.exemple.fr", "image": None, "is_correct": False},
    ])
    arabic_lesson.save_revision().publish()
    arabic_lesson.refresh_from_db()
    step = step_of(arabic_lesson, "single_choice")
    french = step_of(lesson_page, "single_choice")
    assert choice_id(step, "amina.diallo@exemple.fr") != choice_id(french, "amina.diallo@exemple.fr")
    answer(enrolled, lesson_page, french, right_payload(french))
    outcome = answer(enrolled, arabic_lesson, step, {"choice": choice_id(step, "amina.diallo.exemple.fr")})
    assert outcome.grade.is_correct and outcome.grade.feedback == "Bravo !"
    assert outcome.grade.reveal == {}  # the French choice is not one of these
    assert Answer.objects.count() == 1


def test_starting_the_arabic_course_after_the_french_one_enrols_once(learner, course_page, arabic):
    services.enrolment_create(learner=learner, course=course_page)
    services.enrolment_create(learner=learner, course=arabic[0])
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert selectors.enrolment_exists(learner=learner, course=arabic[0])
    assert selectors.lesson_enrolment_exists(learner=learner, lesson=arabic[1])


def test_restart_in_arabic_starts_a_new_attempt_for_both_languages(enrolled, lesson_page, arabic_lesson):
    for step in lesson_page.steps:
        visit(enrolled, lesson_page, step)
    services.lesson_restart(learner=enrolled, lesson=arabic_lesson)
    progress = progress_of(enrolled)
    assert progress.attempt == 2 and progress.seen_steps == []
    assert selectors.player_state(progress=progress, lesson=lesson_page) == {
        "current": 0, "answered": {}, "completed": False,
    }


# --- A translation with fewer steps than its source -----------------------------------------------------------


@pytest.fixture
def shorter_arabic(course_page, lesson_page):
    """The Arabic lesson without the tip, the ordering and the typed-answer steps (not translated yet)."""
    translate(course_page, title=AR_COURSE)
    lesson = translate(lesson_page, title=AR_LESSON)
    untranslated = [i for i, step in enumerate(lesson.steps) if step.block_type in {"tip", "ordering", "typed_answer"}]
    for index in reversed(untranslated):
        del lesson.steps[index]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert len(lesson.steps) == len(lesson_page.steps) - 3
    return lesson


def test_a_shorter_translation_scores_and_completes_on_its_own_steps(enrolled, lesson_page, shorter_arabic):
    ordering = step_of(lesson_page, "ordering")
    answer(enrolled, lesson_page, ordering, wrong_payload(ordering))  # a step Arabic does not have
    for step in shorter_arabic.steps:
        visit(enrolled, shorter_arabic, step)
        if step.block_type in services.ANSWERABLE_STEP_KINDS:
            answer(enrolled, shorter_arabic, step, right_payload(step))
    progress = progress_of(enrolled)
    assert selectors.attempt_score(progress=progress, lesson=shorter_arabic) == 1.0  # 4 of its 4 questions
    assert selectors.attempt_score(progress=progress, lesson=lesson_page) == pytest.approx(4 / 6)
    assert progress.status == ProgressStatus.COMPLETED and progress.best_score == 1.0


def test_resuming_on_a_step_the_translation_lacks_opens_its_first_step_not_seen(
    enrolled, lesson_page, shorter_arabic
):
    steps = list(lesson_page.steps)
    for step in steps[:2]:  # image, then tip (which the Arabic lesson lacks)
        visit(enrolled, lesson_page, step)
    assert resume_index(enrolled, shorter_arabic) == 1  # the hotspot, the next step in Arabic
    for step in shorter_arabic.steps:
        visit(enrolled, shorter_arabic, step)
    visit(enrolled, lesson_page, step_of(lesson_page, "ordering"))
    assert resume_index(enrolled, shorter_arabic) == len(shorter_arabic.steps) - 1


def test_a_step_the_translation_lacks_cannot_be_answered_on_it(enrolled, lesson_page, shorter_arabic):
    ordering = step_of(lesson_page, "ordering")
    with pytest.raises(InvalidAnswer):
        answer(enrolled, shorter_arabic, ordering, right_payload(ordering))
    assert not Answer.objects.exists()


# --- Over HTTP, as the tablet does it ----------------------------------------------------------------------------


def api_url(name, lesson, lang):
    with translation.override(lang):
        return reverse(f"courses:{name}", args=[lesson.pk])


def post(client, name, lesson, lang, body):
    return client.post(api_url(name, lesson, lang), data=json.dumps(body), content_type="application/json")


def post_visit(client, lesson, lang, step):
    response = post(client, "step_visit", lesson, lang, {"step_id": str(step.id)})
    assert response.status_code == 200
    return response.json()["progress"]


def post_answer(client, lesson, lang, step, payload):
    body = {"step_id": str(step.id), "client_uuid": str(uuid.uuid4()), "payload": payload}
    return post(client, "answer_create", lesson, lang, body)


def opened_at(client, lesson):
    """The step index the player opens the page at, and the answers it shows as given."""
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.context["player_state"]["current"], response.context["player_state"]["answered"]


def test_french_arabic_french_over_http_keeps_the_step_and_the_score(learner_client, lesson_page, arabic_lesson):
    assert arabic_lesson.url.startswith("/ar/") and lesson_page.url.startswith("/fr/")
    steps = list(lesson_page.steps)
    for step in steps[:4]:
        post_visit(learner_client, lesson_page, "fr", step)
    assert post_answer(learner_client, lesson_page, "fr", steps[3], right_payload(steps[3])).status_code == 200

    assert opened_at(learner_client, arabic_lesson) == (3, {steps[3].id: RIGHT})
    arabic_steps = list(arabic_lesson.steps)
    post_visit(learner_client, arabic_lesson, "ar", arabic_steps[4])
    response = post_answer(learner_client, arabic_lesson, "ar", arabic_steps[4], right_payload(arabic_steps[4]))
    assert response.json()["progress"]["score"] == 33  # 2 of the 6 questions, in two languages

    current, answered = opened_at(learner_client, lesson_page)
    assert current == 4 and answered == {steps[3].id: RIGHT, steps[4].id: RIGHT}
    for step in steps[5:]:
        post_visit(learner_client, lesson_page, "fr", step)
        if step.block_type in services.ANSWERABLE_STEP_KINDS:
            response = post_answer(learner_client, lesson_page, "fr", step, right_payload(step))
    assert response.json()["progress"] == {"status": "completed", "score": 100, "pass_mark": 80, "completed": True}


def test_switching_language_in_the_middle_of_a_question(learner_client, lesson_page, arabic_lesson):
    """The learner is on a question in French, switches to Arabic and answers there; the French
    page, still open in another tab, then sends an answer to the same question."""
    question = step_of(lesson_page, "true_false")
    post_visit(learner_client, lesson_page, "fr", question)
    index = list(lesson_page.steps).index(question)
    assert opened_at(learner_client, arabic_lesson) == (index, {})
    arabic_question = same_step(arabic_lesson, question)
    first = post_answer(learner_client, arabic_lesson, "ar", arabic_question, {"value": True})
    assert first.status_code == 200 and first.json()["is_correct"] is True
    late = post_answer(learner_client, lesson_page, "fr", question, {"value": False})
    assert late.status_code == 200 and late.json()["is_correct"] is True  # answered right: nothing more to try
    assert late.json()["first_try"] is True and late.json()["feedback"] == "Bravo !"
    assert opened_at(learner_client, lesson_page) == (index, {question.id: RIGHT})
    assert Answer.objects.count() == 1


def test_a_shorter_translation_opens_without_an_error_page(learner_client, lesson_page, shorter_arabic):
    steps = list(lesson_page.steps)
    post_visit(learner_client, lesson_page, "fr", steps[-1])
    post_visit(learner_client, lesson_page, "fr", step_of(lesson_page, "ordering"))
    response = learner_client.get(shorter_arabic.url)
    assert response.status_code == 200
    assert response.content.decode().count("data-step-id=") == len(shorter_arabic.steps)
    ordering = step_of(lesson_page, "ordering")
    refused = post_answer(learner_client, shorter_arabic, "ar", ordering, right_payload(ordering))
    assert refused.status_code == 400 and refused.json()["error"]


def test_course_catalogue_and_my_path_show_the_status_in_the_language_shown(
    learner_client, enrolled, lesson_page, arabic
):
    for step in lesson_page.steps:
        post_visit(learner_client, lesson_page, "fr", step)
        if step.block_type in services.ANSWERABLE_STEP_KINDS:
            post_answer(learner_client, lesson_page, "fr", step, right_payload(step))
    arabic_course, arabic_lesson = arabic
    course_html = learner_client.get(arabic_course.url).content.decode()
    assert "lesson-row--completed" in course_html and arabic_lesson.url in course_html
    assert 'action="/ar/cours/' not in course_html  # already started: no « Start » button
    with translation.override("ar"):
        my_path = learner_client.get(reverse("courses:my_path")).content.decode()
    assert AR_COURSE in my_path and "Les e-mails" not in my_path and 'aria-valuenow="100"' in my_path
    catalogue = learner_client.get("/ar/").content.decode()
    assert AR_COURSE in catalogue and 'aria-valuenow="100"' in catalogue
    with translation.override("fr"):
        french_path = learner_client.get(reverse("courses:my_path")).content.decode()
    assert "Les e-mails" in french_path and AR_COURSE not in french_path


def test_my_path_shows_a_course_not_yet_translated_in_french(learner_client, course_page, arabic):
    other = factories.course(title="Améli", slug="ameli")
    services.enrolment_create(learner=Enrolment.objects.get().learner, course=other)
    with translation.override("ar"):
        html = learner_client.get(reverse("courses:my_path")).content.decode()
    assert AR_COURSE in html and "Améli" in html
    assert html.count('class="badge"') == 1


def test_deleting_the_french_lesson_keeps_the_progress_made_in_it(enrolled, lesson_page, arabic_lesson):
    for step in lesson_page.steps:
        visit(enrolled, lesson_page, step)
        if step.block_type in services.ANSWERABLE_STEP_KINDS:
            answer(enrolled, lesson_page, step, right_payload(step))
    LessonPage.objects.get(pk=lesson_page.pk).delete()
    progress = progress_of(enrolled)
    assert progress.status == ProgressStatus.COMPLETED
    assert selectors.lesson_status_by_key(learner=enrolled, lessons=[arabic_lesson]) == {
        arabic_lesson.translation_key: (ProgressStatus.COMPLETED, 1.0)
    }
    assert Answer.objects.filter(learner=enrolled).count() == 7


def test_an_anonymous_visitor_sees_the_arabic_course_without_progress(arabic):
    response = Client().get(arabic[0].url)
    assert response.status_code == 200 and "lesson-row--not_started" in response.content.decode()


# --- The migration that keys existing records on the lesson in all its languages --------------------------


@contextmanager
def migrated_back():
    """The database as it was before records were keyed on translation keys (its models given to
    the block), then migrated forward again, whatever happens in the block."""
    executor = MigrationExecutor(connection)
    before = [("courses", "0002_field_labels")]
    executor.migrate(before)
    executor.loader.build_graph()
    try:
        yield executor.loader.project_state(before).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_keys_records_and_merges_two_languages_of_one_lesson():
    course = factories.course()
    french = factories.lesson(course)
    arabic_course, arabic = translate(course), translate(french)
    ids = [s.id for s in french.steps]
    learner, other = factories.UserFactory(), factories.UserFactory()
    now = timezone.now()
    with migrated_back() as old:
        OldEnrolment, OldProgress, OldAnswer = (
            old.get_model("courses", name) for name in ("Enrolment", "LessonProgress", "Answer")
        )
        for page, created in ((course, now), (arabic_course, now + timedelta(days=1))):
            OldEnrolment.objects.create(learner_id=learner.pk, course_id=page.pk)
            OldEnrolment.objects.filter(course_id=page.pk).update(created_at=created)
        in_french = OldProgress.objects.create(
            learner_id=learner.pk, lesson_id=french.pk, attempt=2, current_step=3, best_score=0.5,
            time_spent_seconds=100, seen_steps=ids[:4],
        )
        in_arabic = OldProgress.objects.create(
            learner_id=learner.pk, lesson_id=arabic.pk, attempt=1, current_step=5, best_score=0.9,
            time_spent_seconds=50, status="completed", completed_at=now, seen_steps=ids,
        )
        OldProgress.objects.filter(pk=in_french.pk).update(updated_at=now - timedelta(days=2))
        OldProgress.objects.filter(pk=in_arabic.pk).update(updated_at=now)
        OldProgress.objects.create(learner_id=other.pk, lesson_id=french.pk, current_step=2)
        for lesson, attempt, step in ((french, 1, 3), (french, 1, 4), (french, 2, 3), (arabic, 1, 3), (arabic, 1, 5)):
            OldAnswer.objects.create(
                learner_id=learner.pk, lesson_id=lesson.pk, attempt=attempt, step_id=ids[step], step_kind="x",
                payload={}, is_correct=True, client_uuid=uuid.uuid4(),
            )

    (enrolment,) = Enrolment.objects.filter(learner=learner)
    assert enrolment.course_key == course.translation_key and enrolment.course_id == course.pk
    merged = LessonProgress.objects.get(learner=learner)  # the one used last, Arabic, continues
    assert merged.lesson_id == arabic.pk and merged.lesson_key == french.translation_key
    assert (merged.attempt, merged.status, merged.best_score, merged.time_spent_seconds) == (3, "completed", 0.9, 150)
    assert str(merged.current_step_id) == ids[5] and merged.seen_steps == ids
    answers = Answer.objects.filter(learner=learner)
    assert sorted(answers.values_list("attempt", flat=True)) == [1, 1, 2, 3, 3]  # French attempts first
    assert set(answers.values_list("lesson_key", flat=True)) == {french.translation_key}
    assert selectors.attempt_answers(progress=merged) == {ids[3]: RIGHT, ids[5]: RIGHT}
    assert str(LessonProgress.objects.get(learner=other).current_step_id) == ids[2]
