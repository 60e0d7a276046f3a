"""The pages of community sessions, for each role: what each person sees and can do in one tap, and the
clear refusals."""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from centres.constants import Role
from community.constants import RegistrationStatus
from community.models import CheckIn, CommunitySession, Registration, SessionTopic, SkillSignOff
from community.services import registration_create, session_cancel
from courses.models import Enrolment
from tests import factories

from . import factories as community_factories


def signed_in(client, user):
    client.force_login(user)
    return client


def tap(client, session, **body):
    return client.post(reverse("community:check_in_tap", args=[session.pk]), json.dumps(body),
                       content_type="application/json")


# --- Learners -----------------------------------------------------------------------------------------


def test_learners_see_upcoming_sessions_of_their_centre_with_filters(client, centre, other_centre, referent, learners,
                                                                       django_assert_max_num_queries):
    lesson = factories.lesson(factories.course())
    arabic = community_factories.session(centre, referent, title="Séance en arabe", languages=",ar,")
    SessionTopic.objects.create(session=arabic, lesson_key=lesson.translation_key, lesson=lesson)
    for i in range(5):
        community_factories.session(centre, referent, title=f"Séance en dari {i}", languages=",prs,")
    community_factories.session(centre, referent, title="Séance passée", days=-1)
    community_factories.session(other_centre, community_factories.referent_in(other_centre), title="Ailleurs")
    signed_in(client, learners[0])

    with django_assert_max_num_queries(12):
        page = client.get(reverse("community:sessions")).content.decode()
    assert "Séance en arabe" in page and "Séance en dari 4" in page
    assert "Séance passée" not in page and "Ailleurs" not in page
    assert escape(lesson.title) in page

    only_arabic = client.get(reverse("community:sessions"), {"language": "ar"}).content.decode()
    assert "Séance en arabe" in only_arabic and "dari" not in only_arabic
    by_topic = client.get(reverse("community:sessions"), {"topic": str(lesson.translation_key)}).content.decode()
    assert "Séance en arabe" in by_topic and "dari" not in by_topic


def test_register_and_cancel_in_one_tap(client, session, learners):
    signed_in(client, learners[0])
    response = client.post(reverse("community:register", args=[session.pk]), follow=True)
    assert Registration.objects.get(learner=learners[0]).status == RegistrationStatus.REGISTERED
    assert 'data-status="registered"' in response.content.decode()
    again = client.post(reverse("community:register", args=[session.pk]), follow=True)
    assert "already registered" in again.content.decode()
    assert Registration.objects.count() == 1
    client.post(reverse("community:unregister", args=[session.pk]))
    assert Registration.objects.get(learner=learners[0]).status == RegistrationStatus.CANCELLED


def test_a_learner_cannot_register_for_another_centres_session(client, other_centre, session):
    outsider = factories.learner_in(other_centre)
    signed_in(client, outsider)
    assert client.post(reverse("community:register", args=[session.pk])).status_code == 404
    assert not Registration.objects.exists()


def test_a_bad_phone_number_is_refused(client, learners):
    signed_in(client, learners[0])
    response = client.post(reverse("community:phone_set"), {"number": "call me"}, follow=True)
    assert "Type a phone number" in response.content.decode()
    assert not learners[0].__class__.objects.filter(phone_contact__isnull=False).exists()


# --- Hosts --------------------------------------------------------------------------------------------


def plan_data(**changes):
    day = timezone.localdate() + timedelta(days=3)
    data = {"title": "Les e-mails en arabe", "date": day.isoformat(), "start_time": "18:30", "end_time": "20:00",
            "capacity": "2", "languages": ["ar", "fr"], "place_kind": "public", "place_name": "Médiathèque",
            "childcare": "on", "weeks": "1", "once": uuid.uuid4().hex}
    return data | changes


def test_a_referent_plans_a_session(client, centre, referent):
    signed_in(client, referent)
    response = client.post(reverse("community:session_plan", args=[centre.pk]), plan_data())
    session = CommunitySession.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("community:session_detail",
                                                                           args=[session.pk])
    assert session.host == referent and session.is_evening and session.childcare
    assert session.duration_minutes == 90 and session.place_name == "Médiathèque"


@pytest.mark.parametrize(("changes", "field_message"), [
    ({"date": (timezone.localdate() - timedelta(days=1)).isoformat()}, "cannot start in the past"),
    ({"capacity": "0"}, "between 1 and 200 seats"),
    ({"capacity": "10000"}, "between 1 and 200 seats"),
    ({"end_time": "17:00"}, "must end after it starts"),
    ({"place_name": ""}, "Name the public place"),
])
def test_bad_plans_show_a_message_next_to_the_field_and_make_nothing(client, centre, referent, changes,
                                                                    field_message):
    signed_in(client, referent)
    with translation.override("en"):
        response = client.post("/en" + reverse("community:session_plan", args=[centre.pk])[3:], plan_data(**changes))
    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not CommunitySession.objects.exists()


def test_a_referent_sees_only_their_sessions_and_hours(client, centre, referent):
    other = community_factories.referent_in(centre, display_name="Autre référent")
    community_factories.session(centre, referent, title="La mienne")
    community_factories.session(centre, other, title="Pas la mienne")
    community_factories.session(centre, referent, title="Passée", days=-2, duration_minutes=120)
    signed_in(client, referent)
    page = client.get(reverse("community:host_sessions", args=[centre.pk])).content.decode()
    assert "La mienne" in page and "Passée" in page and "Pas la mienne" not in page
    assert "2.0" in page or "2,0" in page


def test_a_referent_cannot_open_another_referents_session(client, centre, session):
    other = community_factories.referent_in(centre)
    signed_in(client, other)
    for name in ("session_detail", "check_in", "session_review"):
        assert client.get(reverse(f"community:{name}", args=[session.pk])).status_code == 404
    assert client.post(reverse("community:session_cancel", args=[session.pk])).status_code == 404
    assert tap(client, session, learner_id=1, client_uuid=str(uuid.uuid4())).status_code == 404
    assert CommunitySession.objects.get(pk=session.pk).cancelled_at is None


def test_the_manager_sees_all_sessions_and_hours_per_referent(client, centre, referent):
    other = community_factories.referent_in(centre, display_name="Awa")
    community_factories.session(centre, referent, title="De Moussa", days=-3, duration_minutes=90)
    community_factories.session(centre, other, title="D'Awa", days=-3, duration_minutes=60)
    manager = community_factories.staff_in(centre, Role.MANAGER)
    signed_in(client, manager)
    sessions = client.get(reverse("community:host_sessions", args=[centre.pk])).content.decode()
    assert "De Moussa" in sessions and "Awa" in sessions
    page = client.get(reverse("community:referents", args=[centre.pk])).content.decode()
    assert "Moussa K." in page and ("1.5" in page or "1,5" in page)


# --- Check-in -----------------------------------------------------------------------------------------


def test_check_in_taps_are_idempotent(client, session, referent, learners):
    Registration.objects.create(session=session, learner=learners[0], status=RegistrationStatus.REGISTERED)
    signed_in(client, referent)
    page = client.get(reverse("community:check_in", args=[session.pk])).content.decode()
    assert "Amina" in page and f'data-learner-id="{learners[0].pk}"' in page
    same = str(uuid.uuid4())
    first = tap(client, session, learner_id=learners[0].pk, client_uuid=same)
    replay = tap(client, session, learner_id=learners[0].pk, client_uuid=same)
    assert first.json()["created"] and not replay.json()["created"]
    assert first.json()["present"] == replay.json()["present"] == 1
    assert CheckIn.objects.count() == 1


def test_walk_ins_by_tile_and_by_name(client, session, referent, learners):
    signed_in(client, referent)
    tile = tap(client, session, learner_id=learners[2].pk, client_uuid=str(uuid.uuid4())).json()
    assert tile["walk_in"]
    new = tap(client, session, display_name="Samir", client_uuid=str(uuid.uuid4())).json()
    assert new["created"] and len(new["pictures"]) == 3
    assert CheckIn.objects.filter(session=session).count() == 2


def test_checking_in_someone_of_another_centre_is_refused(client, session, referent, other_centre):
    outsider = factories.learner_in(other_centre)
    signed_in(client, referent)
    with translation.override("en"):
        response = client.post("/en" + reverse("community:check_in_tap", args=[session.pk])[3:],
                               json.dumps({"learner_id": outsider.pk, "client_uuid": str(uuid.uuid4())}),
                               content_type="application/json")
    assert response.status_code == 400 and "not a learner of this centre" in response.json()["error"]
    assert not CheckIn.objects.exists()


def test_a_garbled_tap_is_refused(client, session, referent):
    signed_in(client, referent)
    response = client.post(reverse("community:check_in_tap", args=[session.pk]), "{not json",
                           content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert tap(client, session, learner_id=1, client_uuid="nope").status_code == 400


# --- After the session, and what a référent may read ---------------------------------------------------


def test_sign_off_shows_on_the_learners_path(client, session, referent, learners):
    competence = factories.competence("COM")
    CheckIn.objects.create(session=session, learner=learners[0], client_uuid=uuid.uuid4(), checked_in_by=referent)
    signed_in(client, referent)
    url = reverse("community:session_review", args=[session.pk])
    response = client.post(url, {"action": "sign_off", "learner": learners[0].pk, "competence": competence.pk,
                                 "evidence": "A joint une photo à un e-mail, seule"})
    assert response.status_code == 302
    refused = client.post(url, {"action": "sign_off", "learner": learners[1].pk, "competence": competence.pk,
                                "evidence": "Pas venue"})
    assert refused.status_code == 400 and SkillSignOff.objects.count() == 1
    signed_in(client, learners[0])
    path = client.get(reverse("courses:my_path")).content.decode()
    assert "A joint une photo à un e-mail, seule" in path and competence.name in path


def test_a_referent_reads_the_progress_of_attendees_only(client, centre, other_centre, session, referent, learners):
    course = factories.course()
    for learner in learners[:2]:
        Enrolment.objects.create(learner=learner, course=course)
    CheckIn.objects.create(session=session, learner=learners[0], client_uuid=uuid.uuid4(), checked_in_by=referent)
    Registration.objects.create(session=session, learner=learners[1], status=RegistrationStatus.REGISTERED)
    outsider = factories.learner_in(other_centre)
    signed_in(client, referent)
    assert client.get(reverse("community:attendee_progress", args=[learners[0].pk])).status_code == 200
    for person in (learners[1], outsider):  # registered but never came; another centre
        assert client.get(reverse("community:attendee_progress", args=[person.pk])).status_code == 404


def test_notices_show_once_at_the_next_sign_in(client, session, learners, referent):
    registration_create(learner=learners[0], session=session)
    session_cancel(session=session, by=referent)
    login = {"username": learners[0].username, "password": factories.PASSWORD}

    first = client.post(reverse("accounts:login"), login, follow=True).content.decode()
    client.post(reverse("accounts:logout"))
    second = client.post(reverse("accounts:login"), login, follow=True).content.decode()

    assert "is cancelled" in first and session.title in first
    assert "is cancelled" not in second


def test_a_referents_page_lists_only_people_who_came_to_their_sessions(client, centre, session, referent, learners):
    other = community_factories.referent_in(centre)
    others_session = community_factories.session(centre, other, title="Pas la mienne")
    CheckIn.objects.create(session=session, learner=learners[0], client_uuid=uuid.uuid4(), checked_in_by=referent)
    CheckIn.objects.create(session=others_session, learner=learners[1], client_uuid=uuid.uuid4(), checked_in_by=other)
    Registration.objects.create(session=session, learner=learners[2], status=RegistrationStatus.REGISTERED)
    signed_in(client, referent)
    page = client.get(reverse("community:host_sessions", args=[centre.pk])).content.decode()
    listed = page.split("People who came to my sessions")[-1]
    assert "Amina" in listed and "Yonas" not in listed and "Farid" not in listed


def test_a_host_changes_a_session_and_more_seats_go_to_those_waiting(client, session, referent, learners,
                                                                      django_capture_on_commit_callbacks):
    from community.services import registration_create

    for learner in learners[:3]:
        registration_create(learner=learner, session=session)  # capacity 2: Farid waits
    signed_in(client, referent)
    url = reverse("community:session_edit", args=[session.pk])
    form = client.get(url).content.decode()
    assert 'value="Envoyer un e-mail"' in form and 'name="weeks"' not in form
    data = plan_data(title="Envoyer un e-mail, 2e édition", capacity="3", place_kind="centre", place_name="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Envoyer un e-mail, 2e édition" and session.capacity == 3
    assert Registration.objects.get(learner=learners[2]).status == RegistrationStatus.REGISTERED


def test_the_change_form_shows_the_sessions_own_date_and_times_in_french(client, session, referent):
    """The date box of a browser reads only 2026-12-04: written « 04/12/2026 » (French), it showed empty and the
    host had to type the date again before saving any change."""
    signed_in(client, referent)
    with translation.override("fr"):
        form = client.get(reverse("community:session_edit", args=[session.pk])).content.decode()
    starts = timezone.localtime(session.starts_at)
    assert f'name="date" value="{starts:%Y-%m-%d}"' in form
    assert f'name="start_time" value="{starts:%H:%M}"' in form


def test_seats_below_those_taken_are_refused(client, session, referent, learners):
    from community.services import registration_create

    for learner in learners[:2]:
        registration_create(learner=learner, session=session)
    signed_in(client, referent)
    response = client.post(reverse("community:session_edit", args=[session.pk]),
                           plan_data(capacity="1", place_kind="centre", place_name=""))
    assert response.status_code == 400 and "keep at least 2 seats" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 2 and session.title == "Envoyer un e-mail"


def test_a_referent_cannot_edit_another_referents_session(client, centre, session):
    other = community_factories.referent_in(centre)
    signed_in(client, other)
    url = reverse("community:session_edit", args=[session.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, plan_data(title="Pris !")).status_code == 404
    session.refresh_from_db()
    assert session.title == "Envoyer un e-mail"


@pytest.mark.parametrize("sessions", [2, 12])
def test_staff_pages_run_a_fixed_number_of_queries(client, centre, referent, learners, sessions,
                                                   django_assert_max_num_queries):
    manager = community_factories.staff_in(centre, Role.MANAGER)
    made = [community_factories.session(centre, referent, title=f"S{i}", days=(i % 3) - 1) for i in range(sessions)]
    for session in made:
        for learner in learners[:2]:
            Registration.objects.create(session=session, learner=learner, status=RegistrationStatus.REGISTERED)
            CheckIn.objects.create(session=session, learner=learner, client_uuid=uuid.uuid4(), checked_in_by=referent)
    signed_in(client, manager)
    urls = [reverse(f"community:{name}", args=[centre.pk]) for name in ("host_sessions", "referents")]
    urls += [reverse(f"community:{name}", args=[made[0].pk]) for name in ("check_in", "session_detail")]
    for url in urls:
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
