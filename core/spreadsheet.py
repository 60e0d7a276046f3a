"""Cells that a spreadsheet would run as a formula.

A text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or line break, which some spreadsheets skip
before such a sign) becomes a formula once a list holding it is opened in a spreadsheet: it could fetch an
address or run a command on a trainer's computer. Names are refused at their door (imports, forms), so every
list exported later is safe to open.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when ``text`` starts like a spreadsheet formula, even after spaces."""
    return text.startswith(FORMULA_STARTS) or text.strip().startswith(FORMULA_STARTS)


def formula_first_char(text: str) -> str:
    """The character that makes ``text`` look like a formula, named when it cannot be seen."""
    first = text[:1] if text[:1] in ("\t", "\r") else text.strip()[:1]
    return {"\t": str(_("tab")), "\r": str(_("line break"))}.get(first, first)


class FormulaStartValidator:
    """Form field validator: refuse a value that a spreadsheet would run as a formula (forms strip spaces,
    tabs and line breaks before validators run, so only the four signs are left to see)."""

    message = _("This cannot start with = + - or @: a spreadsheet would read it as a formula.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message

    def __call__(self, value):
        if looks_like_formula(str(value)):
            raise ValidationError(self.message, code="formula")


no_formula_validator = FormulaStartValidator()
name_formula_validator = FormulaStartValidator(_("A name cannot start with = + - or @."))
