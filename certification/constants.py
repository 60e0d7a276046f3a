"""Named values of certification: statuses, code alphabets and limits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Letters and digits that cannot be mistaken for one another when read aloud, typed on a tablet or
# printed small: no 0/O, 1/I/L, nor U (V). Codes are upper case; input is upper-cased first.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
ACCESS_CODE_LENGTH = 6
VERIFICATION_CODE_PREFIX = "PN"
VERIFICATION_CODE_GROUPS = (4, 4)

# The printed name: as long as a line of the certificate holds, in any script.
PRINTED_NAME_MAX_LENGTH = 80
# Invisible characters a name may hold: zero-width non-joiner and joiner shape Persian and Indic names.
NAME_ALLOWED_FORMAT_CHARACTERS = frozenset({"\u200c", "\u200d"})

# A practice test says "ready" from this score (the ICDL advice).
READY_SCORE = 0.8

# Verification look-ups by one address: a few mistypes are fine, guessing codes is not.
VERIFY_MISSES_LIMIT = 10
VERIFY_MISSES_WINDOW_SECONDS = 15 * 60
# Upper bound of an uploaded credential (a JWT or its JSON wrapper is a few kilobytes).
CREDENTIAL_UPLOAD_MAX_BYTES = 64 * 1024


class CandidateStatus(models.TextChoices):
    JOINED = "joined", _("Joined, waiting to be admitted")
    ADMITTED = "admitted", _("Admitted")
    EXCLUDED = "excluded", _("Excluded")


class AuditAction(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REVOKED = "revoked", pgettext_lazy("certificate", "Revoked")
