"""An H5P activity counts in the lesson like any other step: a learner who reaches the step's pass
threshold (perhaps after retrying inside the activity) has it right, and the lesson is completed
once every step was seen; an optional activity never holds the lesson back; a replayed or forged
statement changes nothing."""

import pytest
from django.test import Client

from courses import services as course_services
from courses.constants import ProgressStatus
from courses.models import Answer, Enrolment, LessonProgress
from h5p.constants import H5P_STEP_TYPE
from tests import factories

from .conftest import h5p_steps
from .test_api import relay, statement

pytestmark = pytest.mark.django_db

TIP = ("tip", {"kind": "tip", "text": "<p>Le @ est sur le clavier.</p>", "image": None, "audio": None})
QUESTION = ("true_false", {
    "image": None, "audio": None, "competence": None, "feedback_correct": "Bravo !",
    "feedback_wrong": "Regarde bien le @.", "prompt": "<p>Une adresse e-mail a toujours un @.</p>", "is_true": True,
})


@pytest.fixture
def learner_client(client, enrolled):
    client.force_login(enrolled)
    return client


def see_every_step(learner, lesson):
    for step in lesson.steps:
        course_services.lesson_step_visit(learner=learner, lesson=lesson, step_id=step.id)


def progress_of(learner, lesson):
    return LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).first()


def h5p_answer(learner):
    return Answer.objects.get(learner=learner, step_kind=H5P_STEP_TYPE)


@pytest.fixture
def h5p_lesson(course_page, package):
    """A tip, then the H5P activity (required, 60 % to pass): its only scored step."""
    return factories.lesson(course_page, steps=[TIP, *h5p_steps(package)], slug="adresse-activite", pass_mark=80)


def test_a_passing_result_completes_a_lesson_whose_only_score_is_the_activity(learner_client, enrolled, h5p_lesson,
                                                                             package):
    see_every_step(enrolled, h5p_lesson)
    assert progress_of(enrolled, h5p_lesson).status != ProgressStatus.COMPLETED  # nothing scored yet

    response = relay(learner_client, h5p_lesson, package, statement(package, raw=3, maximum=4))

    assert response.status_code == 201
    progress = progress_of(enrolled, h5p_lesson)
    assert progress.status == ProgressStatus.COMPLETED and progress.best_score == 1.0
    answer = h5p_answer(enrolled)
    assert answer.is_correct and answer.counts_in_score and answer.payload == {"score": 0.75}


def test_a_failing_result_then_a_passing_retry_counts_as_right(learner_client, enrolled, h5p_lesson, package):
    see_every_step(enrolled, h5p_lesson)

    relay(learner_client, h5p_lesson, package, statement(package, raw=1, maximum=4))
    assert not h5p_answer(enrolled).is_correct
    assert progress_of(enrolled, h5p_lesson).status != ProgressStatus.COMPLETED

    relay(learner_client, h5p_lesson, package, statement(package, raw=4, maximum=4))

    assert h5p_answer(enrolled).is_correct and Answer.objects.count() == 1
    assert progress_of(enrolled, h5p_lesson).status == ProgressStatus.COMPLETED


def test_a_fail_after_a_pass_does_not_undo_it(learner_client, enrolled, h5p_lesson, package):
    see_every_step(enrolled, h5p_lesson)
    relay(learner_client, h5p_lesson, package, statement(package, raw=4, maximum=4))

    relay(learner_client, h5p_lesson, package, statement(package, raw=0, maximum=4))

    assert h5p_answer(enrolled).is_correct
    assert progress_of(enrolled, h5p_lesson).status == ProgressStatus.COMPLETED


def test_a_replayed_statement_changes_nothing(learner_client, enrolled, h5p_lesson, package):
    see_every_step(enrolled, h5p_lesson)
    failed = statement(package, raw=0, maximum=4)
    relay(learner_client, h5p_lesson, package, failed)
    before = list(Answer.objects.values_list("client_uuid", "is_correct", "payload"))

    again = relay(learner_client, h5p_lesson, package, {**failed, "result": {"score": {"raw": 4, "max": 4}}})

    assert again.status_code == 200
    assert list(Answer.objects.values_list("client_uuid", "is_correct", "payload")) == before
    assert progress_of(enrolled, h5p_lesson).status != ProgressStatus.COMPLETED


def test_an_optional_activity_failed_does_not_block_the_lesson(learner_client, enrolled, course_page, package):
    lesson = factories.lesson(course_page, steps=[QUESTION, *h5p_steps(package, required=False)],
                              slug="adresse-optionnelle", pass_mark=100)
    question = next(step for step in lesson.steps if step.block_type == "true_false")
    course_services.lesson_answer_record(learner=enrolled, lesson=lesson, step_id=question.id,
                                         payload={"value": True}, client_uuid="0b7c9a3e-1d2f-4e5a-8b6c-7d8e9f0a1b2c")

    relay(learner_client, lesson, package, statement(package, raw=0, maximum=4))
    see_every_step(enrolled, lesson)

    answer = h5p_answer(enrolled)
    assert not answer.is_correct and not answer.counts_in_score
    progress = progress_of(enrolled, lesson)
    assert progress.status == ProgressStatus.COMPLETED and progress.best_score == 1.0


def test_a_required_activity_not_passed_holds_the_lesson_back(learner_client, enrolled, course_page, package):
    lesson = factories.lesson(course_page, steps=[QUESTION, *h5p_steps(package)], slug="adresse-requise", pass_mark=100)
    relay(learner_client, lesson, package, statement(package, raw=0, maximum=4))
    see_every_step(enrolled, lesson)

    assert progress_of(enrolled, lesson).status != ProgressStatus.COMPLETED


def test_a_statement_replayed_by_another_learner_changes_nothing_in_progress(learner_client, enrolled, course_page,
                                                                             h5p_lesson, package):
    sent = statement(package, raw=0, maximum=4)
    relay(learner_client, h5p_lesson, package, sent)
    other = factories.UserFactory()
    Enrolment.objects.create(learner=other, course=course_page)
    see_every_step(other, h5p_lesson)
    other_client = Client()
    other_client.force_login(other)

    response = relay(other_client, h5p_lesson, package, {**sent, "result": {"score": {"raw": 4, "max": 4}}})

    assert response.status_code == 409
    assert not Answer.objects.filter(learner=other).exists()
    assert progress_of(other, h5p_lesson).status != ProgressStatus.COMPLETED
    assert not h5p_answer(enrolled).is_correct


def test_a_step_that_is_not_an_activity_gets_no_outside_result(enrolled, course_page, package):
    lesson = factories.lesson(course_page, steps=[QUESTION, *h5p_steps(package)], slug="adresse-question")
    question = next(step for step in lesson.steps if step.block_type == "true_false")

    with pytest.raises(course_services.InvalidAnswer, match="not an activity with a score of its own"):
        course_services.lesson_step_result_record(
            learner=enrolled, lesson=lesson, step_id=question.id, score=1.0, passed=True,
            client_uuid="3c1e8f0a-2b4d-4c6e-9f1a-5b7d9e2c4a6f",
        )

    assert not Answer.objects.exists()
