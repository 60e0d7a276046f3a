"""Sending an SMS goes through a provider interface: a backend class with ``send(number, text)``, named by
the ``PASSERELLE_SMS_BACKEND`` setting. The default backend only writes what it would send to the log
(the demo prints it); a real provider is a class of a few lines in the deployment."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("passerelle.outbox")
DEFAULT_BACKEND = "community.sms.LoggingSmsBackend"


class LoggingSmsBackend:
    """Sends nothing: logs the message, with the number's last digits only."""

    sent = []  # what this process would have sent (number, text), for the demo and the tests

    def send(self, number: str, text: str) -> None:
        self.sent.append((number, text))
        logger.info("SMS to …%s: %s", number[-2:], text)


def sms_backend():
    return import_string(getattr(settings, "PASSERELLE_SMS_BACKEND", DEFAULT_BACKEND))()
