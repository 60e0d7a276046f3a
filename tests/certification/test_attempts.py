"""The exam attempt: questions drawn fairly and frozen, the server's timer, answers recorded once,
graded per competence, handed in once, a certificate on pass."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from certification import services
from certification.exceptions import ExamRefused
from certification.models import Certificate, ExamAnswer, ExamAttempt, QuestionBank
from courses.constants import ProgressStatus
from courses.models import LessonProgress
from tests import factories
from tests.certification import factories as cert

pytestmark = pytest.mark.django_db


def start(candidate):
    return services.exam_attempt_start(learner=candidate.learner, session=candidate.session)


def answer(attempt, question, payload=None, client_uuid=None):
    return services.exam_answer_record(
        attempt=attempt, question_id=question["id"], payload=payload or cert.right_payload(question),
        client_uuid=client_uuid or uuid.uuid4(),
    )


def make_overdue(attempt):
    """The tablet went away: the attempt's time ran out a second ago."""
    now = timezone.now()
    ExamAttempt.objects.filter(pk=attempt.pk).update(
        started_at=now - timedelta(minutes=31), deadline=now - timedelta(seconds=1)
    )
    attempt.refresh_from_db()


def answer_all(attempt, right=True):
    for question in attempt.questions:
        answer(attempt, question, cert.right_payload(question) if right else cert.wrong_payload(question))


def test_the_draw_takes_the_level_count_per_competence_from_the_banks(candidate):
    attempt = start(candidate)

    codes = [q["competence"] for q in attempt.questions]
    assert sorted(codes) == ["COM"] * 3 + ["SEC"] * 3
    assert len({q["id"] for q in attempt.questions}) == 6
    assert attempt.deadline == attempt.started_at + timedelta(minutes=30)


def test_the_draw_varies_between_candidates(centre, exam_session):
    drawn = set()
    for _ in range(6):
        learner = factories.learner_in(centre)
        attempt = start(cert.admitted(exam_session, learner))
        drawn.add(frozenset(q["source_id"] for q in attempt.questions))
    assert len(drawn) > 1


def test_later_edits_of_a_bank_change_no_attempt_already_started(candidate):
    attempt = start(candidate)
    frozen = json.dumps(attempt.questions, sort_keys=True)
    for bank in QuestionBank.objects.all():
        bank.questions = cert.bank_questions(9, tag="edited")
        bank.save()

    attempt.refresh_from_db()
    assert json.dumps(attempt.questions, sort_keys=True) == frozen
    answer_all(attempt)  # still graded against the frozen copies
    assert services.exam_attempt_submit(attempt=attempt).score == 1.0


def test_questions_come_in_the_learners_language_and_in_french_where_missing(centre, level):
    arabic = factories.learner_in(centre, preferred_language="ar")
    for bank in QuestionBank.objects.filter(locale__language_code="fr"):
        cert.question_bank(bank.competence, count=9, language="ar", translation_of=bank)
    attempt = start(cert.admitted(cert.session(centre, level), arabic))
    assert attempt.language == "ar"
    assert all("Question ar" in json.dumps(q) or "ar" in json.dumps(q["value"]) for q in attempt.questions)

    dari_like = factories.learner_in(centre, preferred_language="en")  # no English bank: French
    attempt = start(cert.admitted(cert.session(centre, level), dari_like))
    assert attempt.language == "fr"


def test_a_bank_smaller_than_the_draw_refuses_to_start_with_a_message(centre, learner):
    small = cert.level(draws={"COD": 4}, banks=False, name="Code")
    cert.question_bank(factories.competence("COD"), count=3)
    candidate = cert.admitted(cert.session(centre, small), learner)
    with pytest.raises(ExamRefused, match="not ready"):
        start(candidate)
    assert not ExamAttempt.objects.exists()


def test_resuming_on_another_tablet_keeps_the_questions_and_the_time_used(candidate):
    first = start(candidate)
    again = start(candidate)
    assert again.pk == first.pk and again.deadline == first.deadline and again.questions == first.questions


def test_extra_time_is_added_to_the_deadline_server_side(centre, exam_session, learner):
    candidate = cert.admitted(exam_session, learner, extra_time_percent=50)
    attempt = start(candidate)
    assert attempt.deadline - attempt.started_at == timedelta(minutes=45)

    services.candidate_adaptations_set(candidate=candidate, by=exam_session.supervisor,
                                       extra_time_percent=100, read_aloud=True, large_text=False)
    attempt.refresh_from_db()
    assert attempt.deadline - attempt.started_at == timedelta(minutes=60)


def test_an_answer_to_a_question_not_drawn_is_refused_and_nothing_recorded(candidate):
    attempt = start(candidate)
    with pytest.raises(ExamRefused, match="not part of your exam"):
        services.exam_answer_record(attempt=attempt, question_id=uuid.uuid4(), payload={"value": True},
                                    client_uuid=uuid.uuid4())
    assert not ExamAnswer.objects.exists()


def test_an_answer_after_the_deadline_is_refused_and_the_attempt_handed_in(candidate):
    attempt = start(candidate)
    answer(attempt, attempt.questions[0])
    make_overdue(attempt)

    with pytest.raises(ExamRefused, match="Time is up"):
        answer(attempt, attempt.questions[1])

    attempt.refresh_from_db()
    assert ExamAnswer.objects.filter(attempt=attempt).count() == 1
    assert attempt.submitted_at == attempt.deadline and attempt.passed is False


def test_an_unfit_answer_is_refused_with_the_graders_message(candidate):
    attempt = start(candidate)
    question = attempt.questions[0]
    with pytest.raises(ExamRefused):
        answer(attempt, question, payload={"nonsense": 1})
    assert not ExamAnswer.objects.exists()


def test_a_replayed_answer_is_recorded_once_and_the_first_answer_is_final(candidate):
    attempt = start(candidate)
    question, sent = attempt.questions[0], uuid.uuid4()
    first = answer(attempt, question, cert.wrong_payload(question), client_uuid=sent)
    assert answer(attempt, question, cert.wrong_payload(question), client_uuid=sent).pk == first.pk
    assert answer(attempt, question, cert.right_payload(question)).pk == first.pk
    assert ExamAnswer.objects.get().is_correct is False


def test_grading_is_per_competence_and_overall_with_the_pass_marks(candidate):
    attempt = start(candidate)
    for question in attempt.questions:
        right = question["competence"] == "COM"
        answer(attempt, question, cert.right_payload(question) if right else cert.wrong_payload(question))
    result = services.exam_attempt_submit(attempt=attempt)

    assert result.competence_scores["COM"]["score"] == 1.0
    assert result.competence_scores["SEC"]["score"] == 0.0
    assert result.score == 0.5 and result.passed is False


def test_passing_overall_but_failing_one_competence_fails(centre, learner):
    level = cert.level(draws={"COM": 8, "SEC": 2}, pass_mark=75, competence_pass_mark=50, name="N2")
    attempt = start(cert.admitted(cert.session(centre, level), learner))
    for question in attempt.questions:
        if question["competence"] == "COM":
            answer(attempt, question)
    result = services.exam_attempt_submit(attempt=attempt)
    assert result.score == 0.8 and result.passed is False


def test_two_tabs_submitting_hand_in_once(candidate, django_capture_on_commit_callbacks):
    attempt = start(candidate)
    answer_all(attempt)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = services.exam_attempt_submit(attempt=attempt)
        second = services.exam_attempt_submit(attempt=ExamAttempt.objects.get(pk=attempt.pk))
    assert first.submitted_at == second.submitted_at and second.passed
    assert len(callbacks) == 1 and Certificate.objects.count() == 1


def test_a_pass_issues_the_certificate_once_the_transaction_commits(candidate, django_capture_on_commit_callbacks):
    attempt = start(candidate)
    answer_all(attempt)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.exam_attempt_submit(attempt=attempt)
    assert len(callbacks) == 1 and not Certificate.objects.exists()
    callbacks[0]()
    certificate = Certificate.objects.get()
    assert certificate.attempt_id == attempt.pk and certificate.is_complete


def test_an_answer_to_a_handed_in_exam_is_refused(candidate):
    attempt = start(candidate)
    services.exam_attempt_submit(attempt=attempt)
    attempt.refresh_from_db()
    with pytest.raises(ExamRefused, match="already handed in"):
        answer(attempt, attempt.questions[0])


def test_an_overdue_attempt_is_handed_in_by_the_sweep(candidate, django_capture_on_commit_callbacks):
    attempt = start(candidate)
    answer_all(attempt)
    make_overdue(attempt)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.attempts_overdue_submit() == 1
    attempt.refresh_from_db()
    assert attempt.passed and Certificate.objects.filter(attempt=attempt).exists()


def test_one_exam_in_progress_per_learner(centre, level, candidate):
    start(candidate)
    other = cert.admitted(cert.session(centre, level), candidate.learner)
    with pytest.raises(ExamRefused, match="already have an exam in progress"):
        start(other)


def test_a_candidate_not_admitted_cannot_start(exam_session, learner):
    services.candidate_join(learner=learner, code=exam_session.access_code)
    with pytest.raises(ExamRefused, match="admits you"):
        services.exam_attempt_start(learner=learner, session=exam_session)


def test_lessons_of_the_level_must_be_completed_in_any_language(centre, learner):
    course = factories.course()
    lesson = factories.lesson(course)
    level = cert.level(lessons=[lesson], name="Avec leçons")
    session = cert.session(centre, level)
    with pytest.raises(ExamRefused, match="Complete these lessons first"):
        start(cert.admitted(session, learner))
    LessonProgress.objects.create(learner=learner, lesson_key=lesson.translation_key, lesson=None,
                                  status=ProgressStatus.COMPLETED, completed_at=timezone.now())
    assert start(cert.admitted(session, learner)).in_progress


def test_after_a_fail_the_retake_waits_for_the_delay(centre, level, candidate):
    attempt = start(candidate)
    services.exam_attempt_submit(attempt=attempt)
    with pytest.raises(ExamRefused, match="again from"):
        start(cert.admitted(cert.session(centre, level), candidate.learner))


def test_a_practice_test_gives_a_result_and_no_certificate(level, learner):
    attempt = services.practice_attempt_start(learner=learner, level=level)
    assert attempt.is_practice and attempt.candidate is None
    answer_all(attempt)
    result = services.exam_attempt_submit(attempt=attempt)
    assert result.passed and not Certificate.objects.exists()


def test_an_excluded_candidates_exam_is_handed_in_as_failed(candidate):
    attempt = start(candidate)
    answer_all(attempt)
    services.candidate_exclude(candidate=candidate, by=candidate.session.supervisor, note="A quitté la salle")
    attempt.refresh_from_db()
    assert attempt.passed is False and not Certificate.objects.exists()
    assert candidate.session.incidents.get().note == "A quitté la salle"
