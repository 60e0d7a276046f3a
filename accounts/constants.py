from django.utils.translation import gettext_lazy as _

# The twelve pictograms of a picture password: everyday things, recognisable without reading.
PICTOGRAMS = {
    "sun": _("sun"),
    "moon": _("moon"),
    "star": _("star"),
    "tree": _("tree"),
    "flower": _("flower"),
    "fish": _("fish"),
    "bird": _("bird"),
    "cat": _("cat"),
    "house": _("house"),
    "key": _("key"),
    "cup": _("cup"),
    "heart": _("heart"),
}
PICTURE_PASSWORD_LENGTH = 3

# Learner codes avoid characters that look alike (0/O, 1/I/L, 2/Z, 5/S, 8/B).
LEARNER_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LEARNER_CODE_LENGTH = 6

# A PIN is this many ASCII digits (the one place the rule lives: see accounts.validators.validate_pin).
PIN_LENGTH = 4

MAX_FAILURES = 5
LOCK_MINUTES = 15
MAX_LOCK_MINUTES = 24 * 60
# Locks escalate (15 min, 30, 60…) until a whole day passes without a failed try: a right try by the
# learner does not reset them, or whoever drives the lockout would start again from 15 minutes.
LOCK_ESCALATION_FORGOTTEN_AFTER_HOURS = 24


class SecretKind:
    PICTURE = "picture"
    PIN = "pin"
    CHOICES = [(PICTURE, _("Picture password")), (PIN, _("PIN"))]
