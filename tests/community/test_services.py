"""Planning, registering, the waiting list, cancelling, check-in, sign-off and the référent role, as the
people involved notice them: a clear message when refused, and nothing changed."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from centres.constants import Role
from centres.models import Membership
from community import services
from community.constants import NoticeKind, RegistrationStatus
from community.exceptions import CommunityRefused
from community.models import CheckIn, CommunitySession, Notice, PhoneContact, Registration, SkillSignOff
from community.services.sessions import SessionPlan
from community.sms import LoggingSmsBackend
from tests import factories

from . import factories as community_factories


def plan(**changes):
    start = timezone.now() + timedelta(days=2)
    values = {"title": "Envoyer un e-mail", "starts_at": start, "ends_at": start + timedelta(hours=2),
              "capacity": 8, "languages": ["fr", "ar"]}
    return SessionPlan(**(values | changes))


def refused(call, **kwargs):
    with pytest.raises(CommunityRefused) as error, translation.override("en"):
        call(**kwargs)
    return error.value.message


# --- Planning ----------------------------------------------------------------------------------------


def test_a_referent_plans_a_weekly_session(centre, referent):
    lesson = factories.lesson(factories.course())
    made = services.session_plan(centre=centre, host=referent, plan=plan(weeks=3, lesson_keys=[lesson.translation_key]))
    assert len(made) == 3 and len({s.series for s in made}) == 1
    locals_ = [timezone.localtime(s.starts_at) for s in made]
    assert {t.hour for t in locals_} == {locals_[0].hour}
    assert (locals_[1].date() - locals_[0].date()).days == 7
    assert made[0].duration_minutes == 120 and made[0].language_codes == ["fr", "ar"]
    assert list(made[2].topics.values_list("lesson_key", flat=True)) == [lesson.translation_key]


@pytest.mark.parametrize(("changes", "message"), [
    ({"starts_at": timezone.now() - timedelta(hours=1)}, "A session cannot start in the past"),
    ({"capacity": 0}, "between 1 and 200 seats"),
    ({"capacity": 10_000}, "between 1 and 200 seats"),
    ({"languages": []}, "at least one language"),
    ({"title": "  "}, "Give the session a title"),
    ({"place_kind": "public", "place_name": ""}, "Name the public place"),
    ({"weeks": 13}, "at most 12 weeks"),
    ({"lesson_keys": [uuid.uuid4()]}, "not a lesson of the catalogue"),
])
def test_bad_plans_are_refused_with_a_message_and_nothing_is_made(centre, referent, changes, message):
    values = plan(**changes)
    if "starts_at" in changes:
        values.ends_at = changes["starts_at"] + timedelta(hours=1)
    assert message in refused(services.session_plan, centre=centre, host=referent, plan=values)
    assert not CommunitySession.objects.exists()


def test_an_end_before_the_start_is_refused(centre, referent):
    values = plan()
    values.ends_at = values.starts_at - timedelta(minutes=30)
    assert refused(services.session_plan, centre=centre, host=referent, plan=values) == (
        "The session must end after it starts.")
    assert not CommunitySession.objects.exists()


def test_only_hosts_of_the_centre_plan_there(centre, other_centre, learners):
    outsider = community_factories.referent_in(other_centre)
    for person in (outsider, learners[0]):
        with pytest.raises(PermissionDenied):
            services.session_plan(centre=centre, host=person, plan=plan())
    assert not CommunitySession.objects.exists()


# --- Registering and the waiting list -----------------------------------------------------------------


def test_a_full_session_puts_the_third_on_the_waiting_list_and_a_cancel_promotes_them(
    session, learners, django_capture_on_commit_callbacks
):
    a, b, c = learners[:3]
    c.email = "c@exemple.fr"
    c.save()
    statuses = [services.registration_create(learner=x, session=session).status for x in (a, b, c)]
    assert statuses == [RegistrationStatus.REGISTERED] * 2 + [RegistrationStatus.WAITING]

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(learner=a, session=session)

    assert promoted.learner == c
    assert Registration.objects.get(learner=c).status == RegistrationStatus.REGISTERED
    assert CommunitySession.objects.get(pk=session.pk).registered_count == 2
    assert Notice.objects.filter(learner=c, kind=NoticeKind.PROMOTED).exists()
    assert [m.to for m in mail.outbox] == [["c@exemple.fr"]] and said(
        "Good news: a seat freed up. You are registered for « %(title)s », %(when)s, at %(place)s.",
        c.preferred_language) in mail.outbox[0].body


def said(message, language):
    """The words of ``message`` in ``language`` before its first placeholder (what a person reads first)."""
    with translation.override(language):
        return translation.gettext(message).split("%(")[0].strip()


def test_registering_twice_is_refused(session, learners):
    services.registration_create(learner=learners[0], session=session)
    assert refused(services.registration_create, learner=learners[0], session=session) == (
        "You are already registered for this session.")
    assert Registration.objects.count() == 1
    assert CommunitySession.objects.get(pk=session.pk).registered_count == 1


def test_registering_again_after_cancelling_reuses_the_row(session, learners):
    services.registration_create(learner=learners[0], session=session)
    services.registration_cancel(learner=learners[0], session=session)
    again = services.registration_create(learner=learners[0], session=session)
    assert again.status == RegistrationStatus.REGISTERED and Registration.objects.count() == 1


def test_a_learner_of_another_centre_cannot_register(session, other_centre):
    outsider = factories.learner_in(other_centre)
    assert "another centre" in refused(services.registration_create, learner=outsider, session=session)
    assert not Registration.objects.exists()


def test_cancelling_without_a_registration_is_refused(session, learners):
    assert refused(services.registration_cancel, learner=learners[0], session=session) == (
        "You are not registered for this session.")


# --- Cancelling a session -----------------------------------------------------------------------------


def test_cancelling_a_session_tells_everyone_registered_in_their_language(session, learners, referent):
    learners[0].preferred_language, learners[0].email = "en", "amina@exemple.fr"
    learners[0].save()
    PhoneContact.objects.create(learner=learners[1], number="+33612345678")
    LoggingSmsBackend.sent.clear()
    for learner in learners[:3]:
        services.registration_create(learner=learner, session=session)

    told = services.session_cancel(session=session, by=referent)

    assert told == 3
    assert Notice.objects.filter(kind=NoticeKind.CANCELLED).count() == 3
    cancelled = "The session « %(title)s » of %(when)s is cancelled. Sorry!"
    assert said(cancelled, "en") in mail.outbox[0].body  # Amina reads English
    assert LoggingSmsBackend.sent[0][0] == "+33612345678"
    assert said(cancelled, learners[1].preferred_language) in LoggingSmsBackend.sent[0][1]
    assert refused(services.session_cancel, session=session, by=referent) == "This session is already cancelled."


def test_a_referent_cannot_cancel_another_referents_session(session, centre):
    other = community_factories.referent_in(centre)
    with pytest.raises(PermissionDenied):
        services.session_cancel(session=session, by=other)
    assert CommunitySession.objects.get(pk=session.pk).cancelled_at is None


# --- Check-in -----------------------------------------------------------------------------------------


def test_a_replayed_tap_is_recorded_once(session, learners, referent):
    services.registration_create(learner=learners[0], session=session)
    tap = uuid.uuid4()
    first = services.check_in_record(session=session, by=referent, learner=learners[0], client_uuid=tap)
    again = services.check_in_record(session=session, by=referent, learner=learners[0], client_uuid=tap)
    other_tap = services.check_in_record(session=session, by=referent, learner=learners[0], client_uuid=uuid.uuid4())
    assert first.created and not again.created and not other_tap.created
    assert CheckIn.objects.count() == 1 and not CheckIn.objects.get().walk_in


def test_checking_in_someone_of_another_centre_is_refused(session, other_centre, referent):
    outsider = factories.learner_in(other_centre)
    message = refused(services.check_in_record, session=session, by=referent, learner=outsider,
                      client_uuid=uuid.uuid4())
    assert "not a learner of this centre" in message
    assert not CheckIn.objects.exists()


def test_a_walk_in_of_the_centre_and_a_new_walk_in(session, learners, referent, centre):
    tile = services.check_in_record(session=session, by=referent, learner=learners[3], client_uuid=uuid.uuid4())
    assert tile.check_in.walk_in
    tap = uuid.uuid4()
    new = services.walk_in_create(session=session, by=referent, display_name="  Samir   B. ", client_uuid=tap)
    replay = services.walk_in_create(session=session, by=referent, display_name="Samir B.", client_uuid=tap)
    assert new.created and len(new.pictures) == 3 and not replay.created
    assert new.check_in.learner.display_name == "Samir B."
    assert Membership.objects.filter(centre=centre, role=Role.LEARNER, user__display_name="Samir B.").count() == 1
    assert refused(services.walk_in_create, session=session, by=referent, display_name=" ", client_uuid=uuid.uuid4())


def test_only_the_host_or_staff_check_people_in(session, centre, learners):
    other = community_factories.referent_in(centre)
    with pytest.raises(PermissionDenied):
        services.check_in_record(session=session, by=other, learner=learners[0], client_uuid=uuid.uuid4())
    trainer = community_factories.staff_in(centre, Role.TRAINER)
    assert services.check_in_record(session=session, by=trainer, learner=learners[0], client_uuid=uuid.uuid4()).created


# --- Sign-off -----------------------------------------------------------------------------------------


def test_sign_off_is_for_someone_who_came(session, learners, referent):
    competence = factories.competence("COM")
    message = refused(services.skill_sign_off, session=session, by=referent, learner=learners[0],
                      competence=competence, evidence="A envoyé une pièce jointe")
    assert "checked in" in message
    services.check_in_record(session=session, by=referent, learner=learners[0], client_uuid=uuid.uuid4())
    assert "what they did" in refused(services.skill_sign_off, session=session, by=referent, learner=learners[0],
                                      competence=competence, evidence="  ")
    services.skill_sign_off(session=session, by=referent, learner=learners[0], competence=competence,
                            evidence="A envoyé une pièce jointe")
    assert "already signed off" in refused(services.skill_sign_off, session=session, by=referent,
                                           learner=learners[0], competence=competence, evidence="Encore")
    assert SkillSignOff.objects.count() == 1


# --- Reminders ----------------------------------------------------------------------------------------


def test_reminders_go_out_once_per_registration_when_beat_runs_twice(session, learners):
    tomorrow = (timezone.localtime() + timedelta(days=1)).replace(hour=19, minute=0)
    CommunitySession.objects.filter(pk=session.pk).update(starts_at=tomorrow)
    learners[0].email, learners[0].preferred_language = "amina@exemple.fr", "ar"
    learners[0].save()
    for learner in learners[:3]:
        services.registration_create(learner=learner, session=session)  # the third waits: no reminder

    assert services.reminders_send() == 2
    assert services.reminders_send() == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["amina@exemple.fr"] and said(
        "Reminder: « %(title)s » is tomorrow, %(when)s, at %(place)s. See you there!", "ar") in body
    assert any("\u0600" <= ch <= "\u06ff" for ch in body), f"the date is not written in Arabic: {body}"
    assert Notice.objects.filter(kind=NoticeKind.REMINDER).count() == 2


def test_no_reminder_for_a_cancelled_session_or_one_in_two_days(session, learners, referent):
    services.registration_create(learner=learners[0], session=session)  # in 3 days
    assert services.reminders_send() == 0


# --- Référents ----------------------------------------------------------------------------------------


def test_a_manager_grants_the_role_after_the_course(centre, learners, referent_course):
    manager = community_factories.staff_in(centre, Role.MANAGER)
    learner = learners[0]
    assert "not completed" in refused(services.referent_grant, centre=centre, learner=learner, by=manager)
    referent_course.complete(learner)
    services.referent_grant(centre=centre, learner=learner, by=manager)
    assert Membership.objects.filter(user=learner, centre=centre, role=Role.REFERENT).exists()
    assert "already" in refused(services.referent_grant, centre=centre, learner=learner, by=manager)


def test_a_trainer_or_another_centres_manager_cannot_grant(centre, other_centre, learners, referent_course):
    referent_course.complete(learners[0])
    for by in (community_factories.staff_in(centre, Role.TRAINER),
               community_factories.staff_in(other_centre, Role.MANAGER)):
        with pytest.raises(PermissionDenied):
            services.referent_grant(centre=centre, learner=learners[0], by=by)
    outsider = factories.learner_in(other_centre)
    referent_course.complete(outsider)
    manager = community_factories.staff_in(centre, Role.MANAGER)
    assert "learner of this centre" in refused(services.referent_grant, centre=centre, learner=outsider, by=manager)
    assert not Membership.objects.filter(role=Role.REFERENT, user__in=[learners[0], outsider]).exists()
