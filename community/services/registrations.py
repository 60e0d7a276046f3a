"""Registering for a session in one tap, and cancelling. A full session puts the learner on its waiting
list; a freed seat goes to the first learner waiting, at once. The session row is locked while its seats
are counted, and the database refuses more seats taken than the session has."""

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import NoticeKind, RegistrationStatus
from ..exceptions import CommunityRefused
from ..models import CommunitySession, Registration
from ..notifications import learner_notify
from ._access import is_learner_of


def _locked(session):
    return CommunitySession.objects.select_for_update().select_related("centre").get(pk=session.pk)


def _check_open(session, learner):
    if not is_learner_of(learner, session.centre):
        raise CommunityRefused(_("This session is for the learners of another centre."))
    if session.is_cancelled:
        raise CommunityRefused(_("This session is cancelled."))
    if session.starts_at <= timezone.now():
        raise CommunityRefused(_("This session has already started."))


def _seat_take(session):
    CommunitySession.objects.filter(pk=session.pk).update(registered_count=F("registered_count") + 1)


def _next_position(session):
    top = Registration.objects.filter(session=session).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def registration_create(*, learner, session) -> Registration:
    """Register ``learner`` (a seat, or the waiting list when the session is full)."""
    session = _locked(session)
    _check_open(session, learner)
    registration = Registration.objects.filter(session=session, learner=learner).first()
    if registration is not None and registration.status == RegistrationStatus.REGISTERED:
        raise CommunityRefused(_("You are already registered for this session."))
    if registration is not None and registration.status == RegistrationStatus.WAITING:
        raise CommunityRefused(_("You are already on the waiting list of this session."))
    registration = registration or Registration(session=session, learner=learner)
    if session.registered_count < session.capacity:
        registration.status = RegistrationStatus.REGISTERED
        _seat_take(session)
    else:
        registration.status = RegistrationStatus.WAITING
    registration.position = _next_position(session)
    registration.reminded_at = None
    registration.save()
    return registration


def _promote_first_waiting(session):
    first = Registration.objects.filter(session=session, status=RegistrationStatus.WAITING).order_by(
        "position").select_related("learner").first()
    if first is not None:
        first.status = RegistrationStatus.REGISTERED
        first.save(update_fields=["status", "updated_at"])
        _seat_take(session)
    return first


def waiting_promote(session):
    """Give the free seats of ``session`` (locked by the caller) to the learners waiting, in order; each
    is told. Returns those promoted."""
    promoted = []
    session.refresh_from_db(fields=["registered_count", "capacity"])
    while session.registered_count < session.capacity:
        first = _promote_first_waiting(session)
        if first is None:
            break
        promoted.append(first)
        session.refresh_from_db(fields=["registered_count"])
    for registration in promoted:
        transaction.on_commit(lambda r=registration: learner_notify(
            learner=r.learner, session=session, kind=NoticeKind.PROMOTED))
    return promoted


@transaction.atomic
def registration_cancel(*, learner, session):
    """Cancel the learner's registration; a seat freed goes to the first learner waiting, who is told.
    Returns the learner promoted, or None."""
    session = _locked(session)
    registration = Registration.objects.filter(session=session, learner=learner).exclude(
        status=RegistrationStatus.CANCELLED).first()
    if registration is None:
        raise CommunityRefused(_("You are not registered for this session."))
    if session.starts_at <= timezone.now():
        raise CommunityRefused(_("This session has already started."))
    held_a_seat = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if not held_a_seat:
        return None
    CommunitySession.objects.filter(pk=session.pk).update(registered_count=F("registered_count") - 1)
    promoted = None if session.is_cancelled else _promote_first_waiting(session)
    if promoted is not None:
        transaction.on_commit(lambda: learner_notify(
            learner=promoted.learner, session=session, kind=NoticeKind.PROMOTED))
    return promoted
