"""The host's taps on the day of a session. Each tap carries a UUID made by the phone: the same tap sent
again (the network came back, the phone retried) is recorded once, and tapping someone already checked in
changes nothing. Walk-ins are a learner of the centre picked by their tile, or a new learner with just a
name (their account made as a trainer would, see centres.learners)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from centres.learners import learner_create

from ..constants import RegistrationStatus
from ..exceptions import CommunityRefused
from ..models import CheckIn, Registration
from ._access import editable_or_403, is_learner_of

NAME_MAX_LENGTH = get_user_model()._meta.get_field("display_name").max_length


@dataclass(frozen=True)
class CheckInOutcome:
    check_in: CheckIn
    created: bool
    pictures: tuple = ()  # a new walk-in's picture password, shown once to hand over


def _replayed(client_uuid, session):
    existing = CheckIn.objects.filter(client_uuid=client_uuid).select_related("learner").first()
    if existing is not None and existing.session_id != session.pk:
        raise CommunityRefused(_("This tap belongs to another session. Reload the page."))
    return existing


def _check_session(session, by):
    editable_or_403(by, session)
    if session.is_cancelled:
        raise CommunityRefused(_("This session is cancelled."))


def _create(session, learner, client_uuid, by):
    registered = Registration.objects.filter(
        session=session, learner=learner, status=RegistrationStatus.REGISTERED).exists()
    try:
        with transaction.atomic():
            return CheckInOutcome(CheckIn.objects.create(
                session=session, learner=learner, client_uuid=client_uuid, walk_in=not registered, checked_in_by=by,
            ), created=True)
    except IntegrityError:  # the same tap, or this learner, recorded meanwhile by another request
        found = CheckIn.objects.filter(client_uuid=client_uuid).first() or CheckIn.objects.filter(
            session=session, learner=learner).first()
        if found is None or found.session_id != session.pk:
            raise
        return CheckInOutcome(found, created=False)


def check_in_record(*, session, by, learner, client_uuid) -> CheckInOutcome:
    """Check ``learner`` (a learner of the session's centre) in at ``session``."""
    existing = _replayed(client_uuid, session)
    _check_session(session, by)
    if existing is not None:
        return CheckInOutcome(existing, created=False)
    if learner is None or not is_learner_of(learner, session.centre):
        raise CommunityRefused(_("This person is not a learner of this centre: they cannot be checked in here."))
    already = CheckIn.objects.filter(session=session, learner=learner).first()
    if already is not None:
        return CheckInOutcome(already, created=False)
    return _create(session, learner, client_uuid, by)


def walk_in_create(*, session, by, display_name, client_uuid) -> CheckInOutcome:
    """A newcomer who came without an account: a learner of the centre is made with just their name, and
    checked in. The same tap sent again makes nobody new."""
    existing = _replayed(client_uuid, session)
    _check_session(session, by)
    if existing is not None:
        return CheckInOutcome(existing, created=False)
    name = " ".join((display_name or "").split())
    if not name or len(name) > NAME_MAX_LENGTH:
        raise CommunityRefused(_("Type the person's name (at most %(n)s characters).") % {"n": NAME_MAX_LENGTH})
    try:
        with transaction.atomic():
            handover = learner_create(centre=session.centre, display_name=name, created_by=by)
            check_in = CheckIn.objects.create(
                session=session, learner=handover.user, client_uuid=client_uuid, walk_in=True, checked_in_by=by,
            )
    except IntegrityError:  # the same tap arrived twice at once: the other request made the account
        found = CheckIn.objects.filter(client_uuid=client_uuid, session=session).first()
        if found is None:
            raise
        return CheckInOutcome(found, created=False)
    return CheckInOutcome(check_in, created=True, pictures=handover.pictures)
