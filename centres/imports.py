"""Reading a trainer's list of learners (CSV or XLSX) and checking it row by row, before anything is written.

A file is refused whole (``ImportRefused``) when it cannot be an import at all: too big, not CSV/XLSX,
not decodable, too many rows, no ``display_name`` column. Otherwise every row gets a report: the
values it would import, or the reasons it cannot be imported. Cell values are only ever read as text:
a formula is never evaluated, and a cell that looks like one is refused (it could run once the list
is exported and opened in a spreadsheet again).
"""

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.constants import LEARNER_CODE_ALPHABET, LEARNER_CODE_LENGTH
from accounts.models import LearnerProfile
from accounts.services import normalise_learner_code

from .models import Cohort

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_XLSX_UNPACKED_BYTES = 25 * 1024 * 1024
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLOUR_HEX = "0123456789abcdefABCDEF"

COLUMNS = ("display_name", "latin_name", "avatar_colour", "languages_spoken", "cohort", "learner_code", "pin")
MAX_LENGTHS = {
    "display_name": 80, "latin_name": 80, "avatar_colour": 7, "languages_spoken": 200, "cohort": 120,
    "learner_code": 12, "pin": 4,
}
COLUMN_LABELS = {
    "display_name": gettext_lazy("Name"),
    "latin_name": gettext_lazy("Name in Latin letters"),
    "avatar_colour": gettext_lazy("Colour"),
    "languages_spoken": gettext_lazy("Languages spoken"),
    "cohort": gettext_lazy("Cohort"),
    "learner_code": gettext_lazy("Learner code"),
    "pin": gettext_lazy("PIN"),
}


class ImportRefused(Exception):
    """The whole file is refused; ``message`` says why, in the trainer's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class RowReport:
    """One data row of the file: its spreadsheet row number, cleaned values and what is wrong with it."""

    number: int
    values: dict
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


# Reading the file ------------------------------------------------------------------------------------------


def import_file_read(*, name: str, data: bytes) -> list[tuple[int, dict]]:
    """The data rows of an uploaded file as (row number, {column: raw text}); raises ImportRefused."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(_("The file is larger than 2 MB. Split it into smaller files."))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "xlsx":
        return _xlsx_rows(data)
    if extension == "csv":
        return _csv_rows(data)
    raise ImportRefused(_("Only CSV or XLSX files can be imported."))


def _csv_rows(data: bytes) -> list[tuple[int, dict]]:
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        raise ImportRefused(_("This file is not a CSV file. Save it as « CSV UTF-8 » and try again."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _("This file could not be read as UTF-8 text. Save it as « CSV UTF-8 » and try again.")
        ) from None
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,").delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return _rows_from_table(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise ImportRefused(_("This file is not a valid CSV file.")) from None


def _xlsx_zip_check(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportRefused(_("This file is not an XLSX workbook.")) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportRefused(_("This workbook is too large once unpacked. Split it into smaller files."))


def _xlsx_rows(data: bytes) -> list[tuple[int, dict]]:
    """Cells as stored, formulas included as their text (``data_only=False``): never computed."""
    import openpyxl  # installed with tablib[xlsx]; only needed when a workbook is uploaded

    _xlsx_zip_check(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign file
        raise ImportRefused(_("This file is not an XLSX workbook.")) from None
    try:
        return _rows_from_table(book.active.iter_rows(values_only=True))
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused(_("This file is not an XLSX workbook.")) from None
    finally:
        book.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_from_table(table) -> list[tuple[int, dict]]:
    """Read rows lazily, so a file of too many rows is refused without reading it all."""
    table = iter(table)
    headers = [_cell_text(h).strip().lower() for h in next(table, None) or []]
    if not headers:
        raise ImportRefused(_("The file is empty."))
    if "display_name" not in headers:
        raise ImportRefused(_("The first row must name the columns, with at least « display_name »."))
    rows = []
    for number, cells in enumerate(table, start=2):
        texts = [_cell_text(c) for c in cells]
        if not any(t.strip() for t in texts):
            continue  # blank lines (often at the end of a spreadsheet) are not rows
        if len(rows) == MAX_ROWS:
            raise ImportRefused(
                _("The file has more than %(max)d rows. Split it into smaller files.") % {"max": MAX_ROWS}
            )
        rows.append((number, {h: t for h, t in zip(headers, texts, strict=False) if h in COLUMNS}))
    return rows


# Checking the rows -----------------------------------------------------------------------------------------


def import_rows_check(*, centre, rows: list[tuple[int, dict]]) -> list[RowReport]:
    """A report for every row; only rows without errors may be imported."""
    cohorts = {c.name.strip().lower(): c for c in Cohort.objects.filter(centre=centre)}
    reports = [_row_check(number, raw, cohorts) for number, raw in rows]
    _duplicate_codes_flag(reports)
    return reports


def _row_check(number: int, raw: dict, cohorts: dict) -> RowReport:
    report = RowReport(number=number, values={})
    for column in COLUMNS:
        value, error = _cell_check(column, raw.get(column, ""))
        report.values[column] = value
        if error:
            report.errors.append(error)
    if report.ok:
        _values_check(report, cohorts)
    return report


def _cell_check(column: str, raw: str) -> tuple[str, str | None]:
    label = COLUMN_LABELS[column]
    if raw.startswith(FORMULA_STARTS) or raw.strip().startswith(FORMULA_STARTS):
        return "", _(
            "%(column)s: the cell starts with « %(char)s », like a spreadsheet formula. "
            "Remove that character and import the row again."
        ) % {"column": label, "char": _first_char_shown(raw)}
    value = raw.strip()
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return "", _("%(column)s: the cell contains invisible control characters.") % {"column": label}
    if len(value) > MAX_LENGTHS[column]:
        return "", _("%(column)s: at most %(max)d characters (this one has %(length)d).") % {
            "column": label, "max": MAX_LENGTHS[column], "length": len(value),
        }
    return value, None


def _first_char_shown(raw: str) -> str:
    first = raw.strip()[:1] if raw[:1] not in ("\t", "\r") else raw[:1]
    return {"\t": _("tab"), "\r": _("line break")}.get(first, first)


def _values_check(report: RowReport, cohorts: dict) -> None:
    values = report.values
    if not values["display_name"]:
        report.errors.append(_("Name: this row has no name."))
    colour = values["avatar_colour"]
    if colour and not (len(colour) == 7 and colour[0] == "#" and all(c in COLOUR_HEX for c in colour[1:])):
        report.errors.append(_("Colour: write it like #2a6f97."))
    pin = values["pin"]
    if pin and not (len(pin) == 4 and pin.isascii() and pin.isdigit()):
        report.errors.append(_("PIN: the code has 4 digits."))
    cohort = values["cohort"]
    values["cohort_id"] = None
    if cohort:
        if cohort.lower() not in cohorts:
            report.errors.append(_("Cohort: « %(name)s » is not a cohort of this centre.") % {"name": cohort})
        else:
            values["cohort_id"] = cohorts[cohort.lower()].pk
    _code_check(report)


def _code_check(report: RowReport) -> None:
    code = normalise_learner_code(report.values["learner_code"])
    report.values["learner_code"] = code
    if code and (len(code) != LEARNER_CODE_LENGTH or any(c not in LEARNER_CODE_ALPHABET for c in code)):
        report.errors.append(
            _("Learner code: %(length)d characters among %(alphabet)s.")
            % {"length": LEARNER_CODE_LENGTH, "alphabet": LEARNER_CODE_ALPHABET}
        )


def _duplicate_codes_flag(reports: list[RowReport]) -> None:
    codes = [r.values["learner_code"] for r in reports if r.values.get("learner_code")]
    used = set(LearnerProfile.objects.filter(learner_code__in=codes).values_list("learner_code", flat=True))
    first_row = {}
    for report in reports:
        code = report.values.get("learner_code")
        if not code:
            continue
        if code in used:
            report.errors.append(_("Learner code: %(code)s is already used.") % {"code": code})
        elif code in first_row:
            report.errors.append(
                _("Learner code: %(code)s is already on row %(row)d.") % {"code": code, "row": first_row[code]}
            )
        else:
            first_row[code] = report.number
