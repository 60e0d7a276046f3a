"""Telling learners about a session: a reminder the day before, a cancellation, a seat that freed up.
Each message goes through every channel the learner has: a notice shown at their next sign-in (always),
an e-mail when they have an address, an SMS when they gave a number. Texts are written in the learner's
language (their preferred one, else the site's)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .constants import NoticeKind
from .models import Notice, PhoneContact
from .sms import sms_backend

logger = logging.getLogger("passerelle.outbox")


def _when(session):
    return formats.date_format(timezone.localtime(session.starts_at), "l j F, H:i")


def _place(session):
    return session.place_name or session.centre.name


def message_text(kind, session) -> str:
    """The message, in the active language."""
    values = {"title": session.title, "when": _when(session), "place": _place(session)}
    if kind == NoticeKind.REMINDER:
        return _("Reminder: « %(title)s » is tomorrow, %(when)s, at %(place)s. See you there!") % values
    if kind == NoticeKind.CANCELLED:
        return _("The session « %(title)s » of %(when)s is cancelled. Sorry!") % values
    return _("Good news: a seat freed up. You are registered for « %(title)s », %(when)s, at %(place)s.") % values


def learner_language(learner) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return learner.preferred_language if learner.preferred_language in codes else settings.LANGUAGE_CODE


def _email(learner, text):
    if learner.email:
        send_mail("Passerelle", text, None, [learner.email])


def _sms(learner, text):
    contact = PhoneContact.objects.filter(learner=learner).first()
    if contact is not None and contact.number:
        sms_backend().send(contact.number, text)


def learner_notify(*, learner, session, kind) -> bool:
    """Tell ``learner`` about ``session`` through their channels, once per kind (False: already told)."""
    _notice, created = Notice.objects.get_or_create(learner=learner, session=session, kind=kind)
    if not created:
        return False
    with translation.override(learner_language(learner)):
        text = message_text(kind, session)
    _email(learner, text)
    _sms(learner, text)
    logger.info("%s of session %s sent to learner %s", kind, session.pk, learner.pk)
    return True
