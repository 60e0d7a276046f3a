"""Rules for the values a learner's credentials may take, shared by forms, services and imports."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .constants import PIN_LENGTH


def validate_pin(value) -> None:
    """A PIN is exactly ``PIN_LENGTH`` ASCII digits (no Arabic-Indic digits, no spaces, no letters)."""
    if not isinstance(value, str) or len(value) != PIN_LENGTH or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("The code has %(count)d digits."), code="pin_format", params={"count": PIN_LENGTH}
        )
