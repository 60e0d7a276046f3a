"""The rows of a centre's exports, as text cells in the user's language. Every cell goes through
``cell()``: a text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) starts with an
apostrophe, so it is shown, never run."""

import csv
import io

import tablib
from django.utils import formats
from django.utils.translation import gettext as _

from certification.selectors import centre_certificate_list
from core.spreadsheet import looks_like_formula

from .constants import ExportKind

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
CSV_DELIMITER = ";"  # what French spreadsheets expect
ITERATOR_CHUNK = 500


def cell(value) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if looks_like_formula(text) else text


def _yes_no(value):
    return _("Yes") if value else _("No")


def _date(value):
    return formats.date_format(value, "Y-m-d") if value else ""


def learner_headers():
    return [_("Name"), _("Name in Latin letters"), _("Cohort"), _("Lessons completed"), _("Lessons started"),
            _("Time spent (minutes)"), _("Last activity"), _("Certified"), _("Struggling")]


def learner_values(person):
    profile = getattr(person, "learner_profile", None)
    return [person.shown_name, profile.latin_name if profile else "", person.cohort_name or "",
            person.lessons_completed, person.lessons_started, person.seconds_spent // 60, _date(person.last_active),
            _yes_no(person.is_certified), _yes_no(person.is_struggling)]


def certified_headers():
    return [_("Name as printed"), _("Name in Latin letters"), _("Level"), _("Date"), _("Verification code"),
            _("Valid")]


def certified_values(certificate):
    return [certificate.holder_name, certificate.latin_name, certificate.level_name, _date(certificate.issued_at),
            certificate.code, _yes_no(not certificate.is_revoked)]


def export_rows(*, kind, user, centre, learners):
    """(headers, the queryset, a function from a row to its values) of an export."""
    if kind == ExportKind.LEARNERS:
        return learner_headers(), learners.select_related(None).select_related("learner_profile"), learner_values
    return certified_headers(), centre_certificate_list(user=user, centre=centre), certified_values


def csv_lines(headers, rows, values):
    """The CSV file line by line (a byte-order mark first, so Excel reads UTF-8), for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)

    def line(cells):
        writer.writerow([cell(v) for v in cells])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff" + line(headers)
    for row in rows.iterator(chunk_size=ITERATOR_CHUNK):
        yield line(values(row))


def xlsx_bytes(headers, rows, values, title) -> bytes:
    data = tablib.Dataset(headers=[cell(h) for h in headers], title=title[:31])
    for row in rows.iterator(chunk_size=ITERATOR_CHUNK):
        data.append([cell(v) for v in values(row)])
    return data.export("xlsx")
