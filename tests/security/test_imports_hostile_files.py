"""Issue 6, item 7: a tiny file cannot tie up a worker.

A few KB of XLSX that declares a huge sheet (or holds two cells far apart) made openpyxl pad every row up to
the declared size: about 3 s for 2 000 rows, minutes for the 1 048 576 rows a sheet may declare. Every row
read now counts against the row limit, empty ones included, reading stops at the limit, and a request body
over the size limit is refused before any of it is read. These tests assert on the refusal and on the
rows read before stopping, never on timing.
"""

import io
import re
import zipfile
from contextlib import contextmanager
from unittest import mock

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from accounts.models import User
from centres.constants import Role
from centres.imports import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, ImportRefused, import_file_read
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

TOO_MANY_ROWS = "more than 5000 rows (empty rows count too)"


def workbook(cells: dict, *, dimension: str | None = None) -> bytes:
    """An XLSX holding ``cells`` ({"A1": value}); ``dimension`` rewrites the size the sheet declares."""
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    source, out = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[A-Z0-9:]+" />', f'<dimension ref="{dimension}" />'.encode(), data)
                assert dimension.encode() in data
            target.writestr(info, data)
    return out.getvalue()


def refusal(name, data) -> ImportRefused:
    with translation.override("en"), pytest.raises(ImportRefused) as refused:
        import_file_read(name=name, data=data)
    return refused.value


@contextmanager
def row_widths():
    """The width of every row openpyxl builds while the file is read (it pads each one to the declared
    number of columns, or to the last column asked for)."""
    widths, build = [], ReadOnlyWorksheet._get_row

    def spy(sheet, *args, **kwargs):
        row = build(sheet, *args, **kwargs)
        widths.append(len(row))
        return row

    with mock.patch.object(ReadOnlyWorksheet, "_get_row", spy):
        yield widths


LEARNERS = {"A1": "display_name", "A2": "Amina Diallo"}
LAST_ROW = "A1048576"


def test_a_tiny_xlsx_with_a_cell_on_the_last_row_is_refused_at_the_row_limit():
    data = workbook({**LEARNERS, LAST_ROW: "Yonas Tekle"}, dimension="A1:XFD1048576")
    assert len(data) < 8_000
    refused = refusal("learners.xlsx", data)
    assert TOO_MANY_ROWS in refused.message
    assert refused.rows_read == MAX_ROWS + 1  # stopped at the limit, not a million rows later


def test_the_empty_rows_between_two_cells_far_apart_count_against_the_limit():
    refused = refusal("learners.xlsx", workbook({**LEARNERS, "A6000": "Yonas Tekle"}))
    assert TOO_MANY_ROWS in refused.message and refused.rows_read == MAX_ROWS + 1


def test_a_tiny_xlsx_declaring_16384_columns_is_read_on_26():
    names = {f"A{n}": f"Learner {n}" for n in range(2, 2002)}
    data = workbook({"A1": "display_name", **names}, dimension="A1:XFD2001")
    assert len(data) < 32_000
    with row_widths() as widths:
        rows = import_file_read(name="learners.xlsx", data=data).rows
    assert len(rows) == 2000 and rows[-1] == (2001, {"display_name": "Learner 2001"})
    assert len(widths) == 2001 and max(widths) == MAX_COLUMNS  # not 16 384 cells a row


def test_columns_after_the_26th_are_not_read():
    refused = refusal("learners.xlsx", workbook({"AA1": "display_name", "AA2": "Amina Diallo"}))
    assert "at least « Name »" in refused.message
    assert import_file_read(name="learners.xlsx", data=workbook({"Z1": "display_name", "Z2": "Amina"})).rows == [
        (2, {"display_name": "Amina"})
    ]


def test_the_empty_lines_of_a_csv_count_against_the_limit():
    content = "display_name\n" + "Amina Diallo\n" * 10 + "\n" * MAX_ROWS
    refused = refusal("learners.csv", content.encode())
    assert TOO_MANY_ROWS in refused.message and refused.rows_read == MAX_ROWS + 1


def test_a_file_at_the_limit_with_its_empty_rows_is_read():
    content = "display_name\n" + "Amina Diallo\n" * 10 + "\n" * (MAX_ROWS - 10)
    assert len(import_file_read(name="learners.csv", data=content.encode()).rows) == 10


# The upload page --------------------------------------------------------------------------------------------


@pytest.fixture
def centre():
    return factories.CentreFactory()


@pytest.fixture
def trainer(centre):
    trainer = factories.UserFactory()
    Membership.objects.create(user=trainer, centre=centre, role=Role.TRAINER)
    return trainer


def import_url(centre):
    with translation.override("en"):
        return reverse("centres:learner_import", args=[centre.pk])


def test_the_hostile_xlsx_upload_gets_a_message_and_writes_nothing(client, centre, trainer):
    client.force_login(trainer)
    users = User.objects.count()
    upload = SimpleUploadedFile("learners.xlsx", workbook({**LEARNERS, LAST_ROW: "Yonas"}, dimension="A1:XFD1048576"))
    response = client.post(import_url(centre), {"file": upload})
    assert response.status_code == 400
    assert any(TOO_MANY_ROWS in str(e) for e in response.context["form"].errors["file"])
    assert "learner_import" not in client.session and User.objects.count() == users


def test_a_request_body_over_the_size_limit_is_refused_before_it_is_read(client, centre, trainer):
    client.force_login(trainer)
    users = User.objects.count()
    big = SimpleUploadedFile("learners.csv", b"display_name\n" + b"Amina Diallo\n" * (MAX_FILE_BYTES // 10))
    response = client.post(import_url(centre), {"file": big})
    assert response.status_code == 413
    assert "The file is larger than 2 MB. Split it into smaller files." in response.content.decode()
    assert "learner_import" not in client.session and User.objects.count() == users


def test_a_declared_body_size_over_the_limit_is_refused_before_the_csrf_check_reads_it(centre, trainer):
    client = Client(enforce_csrf_checks=True)  # as in production: the CSRF check would parse the body
    client.force_login(trainer)
    response = client.post(
        import_url(centre), data=b"--x--\r\n", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "The file is larger than 2 MB." in response.content.decode()


def test_a_small_upload_still_needs_its_csrf_token(centre, trainer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    upload = SimpleUploadedFile("learners.csv", b"display_name\nAmina Diallo\n")
    assert client.post(import_url(centre), {"file": upload}).status_code == 403
