"""The exam day on the site: a trainer opens a session and supervises it (admit, exclude, adapted
conditions, incidents, closing); a candidate types the code on a tablet, waits, sits the exam in the
player and sees the result; a practice test runs in the same player."""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from centres.constants import Role
from certification.constants import CandidateStatus
from certification.models import ExamAttempt, ExamIncident, ExamSession, SessionCandidate
from tests import factories
from tests.certification import factories as cert

KEY_MARKERS = ("is_correct", "accepted_answers", "is_true", "zones", "Bravo !", "source_id", "feedback_correct")


@pytest.fixture
def trainer(centre):
    return cert.staff(centre, role=Role.TRAINER, display_name="Tarek Formateur")


def session_url(name, session, *args):
    return reverse(f"certification:{name}", args=[session.centre_id, session.pk, *args])


# --- Opening a session -----------------------------------------------------------------------------


def test_a_trainer_opens_a_session_and_sees_its_code(client, centre, level, trainer):
    client.force_login(trainer)
    page = client.get(reverse("certification:exam_sessions", args=[centre.pk]))
    assert page.status_code == 200 and "Open a session" in page.content.decode()
    # Tomorrow at 10:00: an hour from now would end after midnight when the test runs late in the evening.
    start = (timezone.localtime() + timedelta(days=1)).replace(hour=10, minute=0)
    response = client.post(reverse("certification:exam_sessions", args=[centre.pk]), {
        "level": level.pk, "room": "Salle 2", "day": start.date().isoformat(),
        "starts": start.strftime("%H:%M"), "ends": (start + timedelta(hours=1)).strftime("%H:%M"),
    })
    session = ExamSession.objects.get()
    assert response.status_code == 302 and response["Location"] == session_url("exam_session", session)
    assert session.supervisor == trainer and session.centre == centre and session.room == "Salle 2"
    screen = client.get(response["Location"]).content.decode()
    assert session.access_code in screen and "Nobody joined yet" in screen
    listed = client.get(reverse("certification:exam_sessions", args=[centre.pk])).content.decode()
    assert session.access_code in listed


@pytest.mark.parametrize(("change", "message"), [
    ({"ends": "08:00", "starts": "09:00"}, "must end after it starts"),
    ({"day": "2020-01-06"}, "already over"),
    ({"day": "2027-13-45"}, "Enter a valid date"),
    ({"starts": "25:00"}, "Enter a valid time"),
    ({"level": "999999"}, "Select a valid choice"),
    ({"room": "x" * 81}, "at most 80 characters"),
])
def test_a_session_that_cannot_be_opened_says_why_and_opens_nothing(client, centre, level, trainer, change, message):
    client.force_login(trainer)
    start = timezone.localtime() + timedelta(days=1)
    data = {"level": level.pk, "room": "Salle 2", "day": start.date().isoformat(), "starts": "09:00", "ends": "10:00"}
    response = client.post(reverse("certification:exam_sessions", args=[centre.pk]), {**data, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ExamSession.objects.exists()


def test_a_learner_cannot_open_a_session(client, centre, level, learner):
    client.force_login(learner)
    response = client.post(reverse("certification:exam_sessions", args=[centre.pk]), {"level": level.pk})
    assert response.status_code == 403 and not ExamSession.objects.exists()


# --- Joining, waiting, being admitted -----------------------------------------------------------------


def join(client, session, code=None, name="Amina Diallo", latin=""):
    return client.post(reverse("certification:exam_home"),
                       {"code": code or session.access_code, "printed_name": name, "latin_name": latin})


def test_a_candidate_joins_with_the_code_and_waits_for_the_supervisor(client, exam_session, learner):
    client.force_login(learner)
    home = client.get(reverse("certification:exam_home")).content.decode()
    assert "Join a session" in home and 'value="Amina Diallo"' in home  # the name to print, filled in
    response = join(client, exam_session, code=exam_session.access_code.lower(), name="أمينة ديالو", latin="Amina")
    waiting_url = reverse("certification:exam_waiting", args=[exam_session.pk])
    assert response.status_code == 302 and response["Location"] == waiting_url
    candidate = SessionCandidate.objects.get()
    assert (candidate.status, candidate.printed_name, candidate.latin_name) == ("joined", "أمينة ديالو", "Amina")
    waiting = client.get(waiting_url).content.decode()
    assert "the supervisor will admit you" in waiting and 'http-equiv="refresh"' in waiting
    assert "Start the exam" not in waiting


@pytest.mark.parametrize(("code", "message"), [
    ("ABC", "6 letters and digits"), ("", "This field is required"), ("ZZZZZZ", "No exam session is open"),
])
def test_a_wrong_code_on_the_tablet_says_so_and_joins_nothing(client, exam_session, learner, code, message):
    client.force_login(learner)
    response = client.post(reverse("certification:exam_home"), {"code": code, "printed_name": "Amina"})
    assert response.status_code == 400 and message in response.content.decode()
    assert not SessionCandidate.objects.exists()


def test_a_name_that_cannot_be_printed_is_refused_on_the_tablet(client, exam_session, learner):
    client.force_login(learner)
    response = join(client, exam_session, name="Amina\u0007Diallo")
    assert response.status_code == 400 and not SessionCandidate.objects.exists()


def test_the_supervisor_sees_who_joined_and_admits_them(client, exam_session, learner):
    client.force_login(learner)
    join(client, exam_session)
    candidate = SessionCandidate.objects.get()
    supervisor = exam_session.supervisor
    client.force_login(supervisor)
    part = client.get(session_url("exam_session", exam_session) + "?part=candidates").content.decode()
    assert "Amina Diallo" in part and "Admit" in part and "<html" not in part
    response = client.post(session_url("candidate_decide", exam_session, candidate.pk), {"action": "admit"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ADMITTED
    client.force_login(learner)
    waiting = client.get(reverse("certification:exam_waiting", args=[exam_session.pk])).content.decode()
    assert "You are admitted" in waiting and "Start the exam" in waiting and "refresh" not in waiting


def test_a_decision_that_is_neither_admit_nor_exclude_changes_nothing(client, candidate):
    client.force_login(candidate.session.supervisor)
    response = client.post(session_url("candidate_decide", candidate.session, candidate.pk), {"action": "open"},
                           follow=True)
    assert "Choose to admit or to exclude" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ADMITTED


def test_a_candidate_of_another_session_is_not_found(client, candidate, centre, level):
    other = cert.session(centre, level, supervisor=candidate.session.supervisor)
    client.force_login(candidate.session.supervisor)
    response = client.post(session_url("candidate_decide", other, candidate.pk), {"action": "exclude"})
    assert response.status_code == 404
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ADMITTED


# --- Sitting the exam ----------------------------------------------------------------------------------


def start(client, session):
    response = client.post(reverse("certification:exam_start", args=[session.pk]))
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def test_the_exam_page_shows_every_drawn_question_and_no_answer_key(client, candidate,
                                                                    django_assert_max_num_queries):
    client.force_login(candidate.learner)
    url = start(client, candidate.session)
    attempt = ExamAttempt.objects.get()
    assert url == reverse("certification:exam_attempt", args=[attempt.pk])
    with django_assert_max_num_queries(5):
        page = client.get(url)
    html = page.content.decode()
    for question in attempt.questions:
        assert f'data-step-id="{question["id"]}"' in html
    for marker in KEY_MARKERS:
        assert marker not in html, marker
    for question in attempt.questions:  # the wrong choices are shown, and nothing marks the right one
        if question["type"] == "single_choice":
            for choice in question["value"]["choices"]:
                assert choice["value"]["text"] in html
    state = json.loads(html.split('id="exam-state" type="application/json">')[1].split("</script>")[0])
    assert state["remaining_seconds"] > 29 * 60 and "questions" not in state
    assert "Save my answer" in html and "Listen" not in html  # read aloud is an adaptation


def test_answers_then_hand_in_show_the_result_per_competence(client, candidate, django_capture_on_commit_callbacks):
    client.force_login(candidate.learner)
    url = start(client, candidate.session)
    attempt = ExamAttempt.objects.get()
    for question in attempt.questions:
        client.post(reverse("certification:api_answer", args=[attempt.pk]), json.dumps({
            "question_id": question["id"], "payload": cert.right_payload(question), "client_uuid": str(uuid.uuid4()),
        }), content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certification:api_submit", args=[attempt.pk]), "{}", content_type="application/json")
    result = client.get(url).content.decode()
    assert "Passed! Congratulations." in result and "100 %" in result
    attempt.refresh_from_db()
    for row in attempt.competence_scores.values():
        assert f"<td><bdi>{row['name']}</bdi></td><td>100 %</td>" in result
    assert "Download my certificate (PDF)" in result  # eager tasks in the unit loop: it is already made


def test_resuming_on_another_tablet_keeps_the_time_already_used(client, candidate):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    attempt = ExamAttempt.objects.get()
    ExamAttempt.objects.filter(pk=attempt.pk).update(started_at=attempt.started_at - timedelta(minutes=20),
                                                     deadline=attempt.deadline - timedelta(minutes=20))
    other_tablet = type(client)()
    other_tablet.force_login(candidate.learner)
    waiting = other_tablet.get(reverse("certification:exam_waiting", args=[candidate.session.pk])).content.decode()
    assert "Go back to my exam" in waiting
    html = other_tablet.get(start(other_tablet, candidate.session)).content.decode()
    state = json.loads(html.split('id="exam-state" type="application/json">')[1].split("</script>")[0])
    assert 9 * 60 < state["remaining_seconds"] <= 10 * 60
    assert ExamAttempt.objects.count() == 1


def test_a_candidate_not_admitted_cannot_start(client, exam_session, learner):
    client.force_login(learner)
    join(client, exam_session)
    response = client.post(reverse("certification:exam_start", args=[exam_session.pk]))
    assert response.status_code == 400 and "Wait until the supervisor admits you" in response.content.decode()
    assert not ExamAttempt.objects.exists()


def test_nobody_else_opens_a_candidates_exam(client, candidate, centre):
    client.force_login(candidate.learner)
    url = start(client, candidate.session)
    other = factories.learner_in(centre, display_name="Autre Personne")
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.get(reverse("certification:exam_waiting", args=[candidate.session.pk])).status_code == 404
    assert client.post(reverse("certification:exam_start", args=[candidate.session.pk])).status_code == 404


# --- The supervisor's other actions -------------------------------------------------------------------


def test_adapted_conditions_move_a_running_exams_deadline(client, candidate):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    deadline = ExamAttempt.objects.get().deadline
    client.force_login(candidate.session.supervisor)
    prefix = f"c{candidate.pk}"
    client.post(session_url("candidate_adapt", candidate.session, candidate.pk), {
        f"{prefix}-extra_time_percent": "50", f"{prefix}-read_aloud": "on", f"{prefix}-large_text": "on",
    })
    candidate.refresh_from_db()
    assert (candidate.extra_time_percent, candidate.read_aloud, candidate.large_text) == (50, True, True)
    assert ExamAttempt.objects.get().deadline - deadline == timedelta(minutes=15)
    client.force_login(candidate.learner)
    html = client.get(reverse("certification:exam_attempt", args=[ExamAttempt.objects.get().pk])).content.decode()
    assert "exam--large" in html and "data-listen" in html


@pytest.mark.parametrize("value", ["-5", "500", "beaucoup", ""])
def test_extra_time_out_of_range_is_refused_and_changes_nothing(client, candidate, value):
    client.force_login(candidate.session.supervisor)
    prefix = f"c{candidate.pk}"
    response = client.post(session_url("candidate_adapt", candidate.session, candidate.pk),
                           {f"{prefix}-extra_time_percent": value, f"{prefix}-read_aloud": "on"}, follow=True)
    assert 'class="message message--error"' in response.content.decode()
    candidate.refresh_from_db()
    assert (candidate.extra_time_percent, candidate.read_aloud) == (0, False)


def test_excluding_a_candidate_hands_in_their_exam_as_failed(client, candidate):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    client.force_login(candidate.session.supervisor)
    client.post(session_url("candidate_decide", candidate.session, candidate.pk), {"action": "exclude"})
    attempt = ExamAttempt.objects.get()
    assert attempt.submitted_at is not None and attempt.passed is False
    client.force_login(candidate.learner)
    assert "See my result" in client.get(reverse("certification:exam_waiting",
                                                 args=[candidate.session.pk])).content.decode()


def test_incidents_are_recorded_and_bad_ones_refused(client, candidate):
    client.force_login(candidate.session.supervisor)
    url = session_url("incident_add", candidate.session)
    client.post(url, {"note": "La tablette 3 s'est éteinte", "candidate": candidate.pk})
    for bad in ({"note": "   "}, {"note": "x" * 501}, {"note": "ok", "candidate": "abc"}):
        client.post(url, bad)
    incident = ExamIncident.objects.get()
    assert incident.candidate == candidate and incident.recorded_by == candidate.session.supervisor
    screen = client.get(session_url("exam_session", candidate.session)).content.decode()
    assert "La tablette 3 s&#x27;est éteinte" in screen


def test_closing_hands_in_running_exams_and_nobody_joins_afterwards(client, candidate, centre):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    client.force_login(candidate.session.supervisor)
    client.post(session_url("session_close", candidate.session))
    assert ExamAttempt.objects.get().submitted_at is not None
    late = factories.learner_in(centre, display_name="En Retard")
    client.force_login(late)
    response = join(client, candidate.session)
    assert response.status_code == 400 and "No exam session is open" in response.content.decode()


def test_the_supervisor_screen_reads_a_fixed_number_of_queries(client, exam_session, centre,
                                                               django_assert_max_num_queries):
    for number in range(30):
        cert.admitted(exam_session, factories.learner_in(centre, display_name=f"Candidat {number}"))
    client.force_login(exam_session.supervisor)
    with django_assert_max_num_queries(12):
        page = client.get(session_url("exam_session", exam_session))
    assert page.content.decode().count('class="candidate candidate--admitted"') == 30


# --- Practice --------------------------------------------------------------------------------------


def test_a_practice_test_runs_in_the_same_player_and_says_whether_one_is_ready(client, level, learner):
    client.force_login(learner)
    response = client.post(reverse("certification:practice_start", args=[level.pk]))
    attempt = ExamAttempt.objects.get()
    assert attempt.is_practice and response["Location"] == reverse("certification:exam_attempt", args=[attempt.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Practice: no certificate" in html and "data-listen" in html
    for question in attempt.questions:
        client.post(reverse("certification:api_answer", args=[attempt.pk]), json.dumps({
            "question_id": question["id"], "payload": cert.right_payload(question), "client_uuid": str(uuid.uuid4()),
        }), content_type="application/json")
    client.post(reverse("certification:api_submit", args=[attempt.pk]), "{}", content_type="application/json")
    assert "You are ready for the exam." in client.get(response["Location"]).content.decode()


def test_a_practice_test_of_an_unknown_level_is_not_found(client, learner):
    client.force_login(learner)
    assert client.post(reverse("certification:practice_start", args=[999999])).status_code == 404


def test_the_players_clock_check_leaves_the_questions_out(client, candidate):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    attempt = ExamAttempt.objects.get()
    url = reverse("certification:api_attempt", args=[attempt.pk])
    brief = client.get(url + "?questions=0").json()
    assert "questions" not in brief and brief["remaining_seconds"] > 0 and brief["submitted"] is False
    assert len(client.get(url).json()["questions"]) == len(attempt.questions)


def test_questions_in_french_on_an_arabic_page_keep_their_language_and_direction(client, candidate):
    client.force_login(candidate.learner)
    start(client, candidate.session)
    attempt = ExamAttempt.objects.get()
    with translation.override("ar"):
        html = client.get(reverse("certification:exam_attempt", args=[attempt.pk])).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<div class="player__steps" lang="{attempt.language}" dir="ltr">' in html
