"""Reading a trainer's list of learners (CSV or XLSX) and checking it row by row, before anything is written.

A file is refused whole (``ImportRefused``) when it cannot be an import at all: too big, not CSV/XLSX,
not decodable, too many rows, no ``display_name`` column. Otherwise every row gets a report: the
values it would import, or the reasons it cannot be imported. Cell values are only ever read as text:
a formula is never evaluated, and a cell that looks like one is refused (it could run once the list
is exported and opened in a spreadsheet again).

Learner codes are always made by the server: a file may not choose them, so an import never says whether
a code is already held by someone (in this centre or any other). An old file's ``learner_code`` column is
ignored, with a notice.

Every row read counts against the row limit, empty ones included, and a workbook is read on at most
``MAX_COLUMNS`` columns: a small XLSX that declares a huge sheet (openpyxl pads every row up to the
declared size) is refused at the limit instead of keeping a worker busy for minutes.
"""

import csv
import io
import itertools
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.constants import PIN_LENGTH
from accounts.models import LearnerProfile, User
from accounts.validators import validate_pin
from core.spreadsheet import formula_first_char, looks_like_formula

from .models import Cohort

MAX_FILE_BYTES = 2 * 1024 * 1024
# Said wherever a file over MAX_FILE_BYTES is refused (the form, the reader, a body refused unread).
FILE_TOO_LARGE = gettext_lazy("The file is larger than 2 MB. Split it into smaller files.")
MAX_ROWS = 5000
MAX_COLUMNS = 26  # A to Z: the columns read in a workbook; later ones are never padded nor read
MAX_XLSX_UNPACKED_BYTES = 25 * 1024 * 1024
COLOUR_HEX = "0123456789abcdefABCDEF"

COLUMNS = ("display_name", "latin_name", "avatar_colour", "languages_spoken", "cohort", "pin")
IGNORED_COLUMNS = ("learner_code",)  # read by older versions; codes are now always made by the server
COLUMN_LABELS = {
    "display_name": gettext_lazy("Name"),
    "latin_name": gettext_lazy("Name in Latin letters"),
    "avatar_colour": gettext_lazy("Colour"),
    "languages_spoken": gettext_lazy("Languages spoken"),
    "cohort": gettext_lazy("Cohort"),
    "pin": gettext_lazy("PIN"),
}
# Where each column is stored: its longest value is the model field's, read when a row is checked.
COLUMN_FIELDS = {
    "display_name": (User, "display_name"),
    "latin_name": (LearnerProfile, "latin_name"),
    "avatar_colour": (LearnerProfile, "avatar_colour"),
    "languages_spoken": (LearnerProfile, "languages_spoken"),
    "cohort": (Cohort, "name"),
}


def max_length(column: str) -> int:
    if column == "pin":
        return PIN_LENGTH
    model, name = COLUMN_FIELDS[column]
    return model._meta.get_field(name).max_length


class ImportRefused(Exception):
    """The whole file is refused; ``message`` says why, in the trainer's language. ``rows_read`` is how
    many rows were read before stopping, when the file was refused for its number of rows."""

    def __init__(self, message, *, rows_read=None):
        super().__init__(message)
        self.message = message
        self.rows_read = rows_read


@dataclass(frozen=True)
class ImportFile:
    """The data rows of a file as (spreadsheet row number, {column: raw text}), and the columns it has
    that are no longer read."""

    rows: list
    ignored_columns: tuple = ()

    @property
    def notices(self) -> list[str]:
        return [
            _("The « %(column)s » column is ignored: Passerelle makes every learner's code itself.")
            % {"column": column}
            for column in self.ignored_columns
        ]


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


def import_file_read(*, name: str, data: bytes) -> ImportFile:
    """The data rows of an uploaded file; raises ImportRefused."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(str(FILE_TOO_LARGE))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "xlsx":
        return _xlsx_rows(data)
    if extension == "csv":
        return _csv_rows(data)
    raise ImportRefused(_("Only CSV or XLSX files can be imported."))


def _csv_rows(data: bytes) -> ImportFile:
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


def _xlsx_rows(data: bytes) -> ImportFile:
    """Cells as stored, formulas included as their text (``data_only=False``): never computed.
    Rows and columns are bounded here, whatever size the sheet declares: openpyxl pads every row to the
    declared width and yields an empty row for each one declared, or skipped between two cells."""
    import openpyxl  # installed with tablib[xlsx]; only needed when a workbook is uploaded

    _xlsx_zip_check(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on a damaged or foreign file
        raise ImportRefused(_("This file is not an XLSX workbook.")) from None
    try:
        table = book.active.iter_rows(max_col=MAX_COLUMNS, max_row=MAX_ROWS + 2, values_only=True)
        return _rows_from_table(table)
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


def _too_many_rows(rows_read: int) -> ImportRefused:
    return ImportRefused(
        _("The file has more than %(max)d rows (empty rows count too). Split it into smaller files.")
        % {"max": MAX_ROWS},
        rows_read=rows_read,
    )


# The header row. Each header names a column in a language: its label in one of the site's languages
# (the empty list the site hands out uses the trainer's), a word a centre's own spreadsheet may use, or,
# in English, the column's key (display_name…, as in older files). All the headers of a file must be
# written in one language; a header the import does not know refuses the file, naming it.
COLUMN_ALIASES = {
    "fr": {
        "display_name": ("nom", "nom complet", "prenom nom"),
        "latin_name": ("nom latin", "nom en alphabet latin"),
        "avatar_colour": ("couleur",),
        "languages_spoken": ("langues", "langue"),
        "cohort": ("groupe", "cohorte", "promotion"),
        "pin": ("code", "code pin", "pin", "code secret"),
    },
    "en": {
        "display_name": ("name",),
        "avatar_colour": ("colour", "color"),
        "languages_spoken": ("languages",),
        "cohort": ("group",),
    },
}


@dataclass(frozen=True)
class Header:
    """A header cell as written, the column it names ("" for a blank cell) and the languages it is written in."""

    text: str
    column: str
    languages: frozenset


def _header_key(text) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").split()).casefold()


def _header_words() -> dict:
    """Every way of naming each column, normalised: {(word, column): {languages}}."""
    words = {}
    codes = [code for code, _name in settings.LANGUAGES]
    for code in codes:
        for column in COLUMNS:
            with translation.override(code):
                words.setdefault((_header_key(str(COLUMN_LABELS[column])), column), set()).add(code)
            for alias in COLUMN_ALIASES.get(code, {}).get(column, ()):
                words.setdefault((_header_key(alias), column), set()).add(code)
    for column in COLUMNS:
        words.setdefault((_header_key(column), column), set()).add("en")
    for column in IGNORED_COLUMNS:  # an old file's column, whatever its other headers' language
        words.setdefault((_header_key(column), column), set()).update(codes)
    return words


def column_names() -> dict:
    """Every header the import understands, normalised, to the column it names and its languages."""
    names = {}
    for (word, column), languages in _header_words().items():
        names.setdefault(word, (column, frozenset(languages)))
    return names


def _headers_of(header_row) -> list[Header]:
    names = column_names()
    headers = []
    for cell in header_row:
        text = _cell_text(cell).strip()
        column, languages = names.get(_header_key(text), ("", frozenset())) if text else ("", frozenset())
        headers.append(Header(text=text, column=column, languages=languages))
    return headers


def _quoted(texts) -> str:
    return ", ".join(f"« {text} »" for text in texts)


def _language_name(code: str) -> str:
    return translation.get_language_info(code)["name_local"]


def _headers_check(headers: list[Header]) -> None:
    """Refuse a header row with unknown columns, columns in several languages, or a column named twice."""
    unknown = [h.text for h in headers if h.text and not h.column]
    named = [h for h in headers if h.column]
    if unknown and named:  # with no header known, the first row is data: said by the « Name » check
        expected = ", ".join(str(COLUMN_LABELS[column]) for column in COLUMNS)
        raise ImportRefused(_(
            "Passerelle does not know these columns: %(columns)s. Name them as in the empty list (%(expected)s), "
            "or remove them. Nothing was imported."
        ) % {"columns": _quoted(unknown), "expected": expected})
    if named and not frozenset.intersection(*(h.languages for h in named)):
        raise ImportRefused(_(
            "The column names mix languages: %(columns)s. Name every column in one language, as in the empty "
            "list. Nothing was imported."
        ) % {"columns": _mixed_columns(named)})
    seen = {}
    for header in named:
        if header.column in seen:
            raise ImportRefused(_(
                "Two columns name the same thing: « %(first)s » and « %(second)s ». Keep one of them. "
                "Nothing was imported."
            ) % {"first": seen[header.column], "second": header.text})
        seen[header.column] = header.text


def _mixed_columns(named: list[Header]) -> str:
    """The headers of a mixed row with their language: the most used language, and the others."""
    counts = {}
    for header in named:
        for code in header.languages:
            counts[code] = counts.get(code, 0) + 1
    current = translation.get_language()
    main = max(counts, key=lambda code: (counts[code], code == current, code == "fr", code == "en"))
    shown = []
    for header in named:
        if set(counts) <= header.languages:  # a header every language writes alike says nothing of the mix
            continue
        code = main if main in header.languages else sorted(header.languages, key=lambda c: (c != "en", c))[0]
        shown.append(f"« {header.text} » ({_language_name(code)})")
    return ", ".join(shown)


def _rows_from_table(table) -> ImportFile:
    """Read rows lazily and count every one, empty or not: a file of too many rows is refused at the
    limit, without reading the rest."""
    table = iter(table)
    header_cells = _headers_of(itertools.islice(next(table, None) or (), MAX_COLUMNS))
    if not header_cells:
        raise ImportRefused(_("The file is empty."))
    _headers_check(header_cells)
    headers = [header.column for header in header_cells]
    if "display_name" not in headers:
        raise ImportRefused(_("The first row must name the columns, with at least « %(name)s ».")
                            % {"name": COLUMN_LABELS["display_name"]})
    rows = []
    for rows_read, cells in enumerate(table, start=1):
        if rows_read > MAX_ROWS:
            raise _too_many_rows(rows_read)
        texts = [_cell_text(c) for c in itertools.islice(cells, len(headers))]
        if any(t.strip() for t in texts):  # blank lines (often at the end of a spreadsheet) are not rows
            rows.append((rows_read + 1, {h: t for h, t in zip(headers, texts, strict=False) if h in COLUMNS}))
    ignored = tuple(column for column in IGNORED_COLUMNS if column in headers)
    return ImportFile(rows=rows, ignored_columns=ignored)


# Checking the rows -----------------------------------------------------------------------------------------


def import_rows_check(*, centre, rows: list[tuple[int, dict]]) -> list[RowReport]:
    """A report for every row; only rows without errors may be imported."""
    cohorts = {c.name.strip().lower(): c for c in Cohort.objects.filter(centre=centre)}
    return [_row_check(number, raw, cohorts) for number, raw in rows]


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
    if looks_like_formula(raw):
        return "", _(
            "%(column)s: the cell starts with « %(char)s », like a spreadsheet formula. "
            "Remove that character and import the row again."
        ) % {"column": label, "char": formula_first_char(raw)}
    value = raw.strip()
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return "", _("%(column)s: the cell contains invisible control characters.") % {"column": label}
    longest = max_length(column)
    if len(value) > longest:
        return "", _("%(column)s: at most %(max)d characters (this one has %(length)d).") % {
            "column": label, "max": longest, "length": len(value),
        }
    return value, None


def _values_check(report: RowReport, cohorts: dict) -> None:
    values = report.values
    if not values["display_name"]:
        report.errors.append(_("Name: this row has no name."))
    colour = values["avatar_colour"]
    if colour and not (len(colour) == 7 and colour[0] == "#" and all(c in COLOUR_HEX for c in colour[1:])):
        report.errors.append(_("Colour: write it like #2a6f97."))
    if values["pin"]:
        _pin_check(report)
    cohort = values["cohort"]
    values["cohort_id"] = None
    if cohort:
        if cohort.lower() not in cohorts:
            report.errors.append(_("Cohort: « %(name)s » is not a cohort of this centre.") % {"name": cohort})
        else:
            values["cohort_id"] = cohorts[cohort.lower()].pk


def _pin_check(report: RowReport) -> None:
    try:
        validate_pin(report.values["pin"])
    except ValidationError:
        report.errors.append(_("PIN: the code has %(count)d digits.") % {"count": PIN_LENGTH})
