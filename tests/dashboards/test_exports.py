"""Exports of a centre's learners and certified learners: CSV and XLSX, in the user's language, formulas
neutralised, logged, and fine with zero rows."""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from dashboards.models import ExportLog

from .conftest import client_of


def download(client, place, kind, file_format, language="fr", query=""):
    with translation.override(language):
        url = reverse("dashboards:export_download", args=[place.centre.pk, kind, file_format])
    response = client.get(url + query)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_rows(body):
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


@pytest.mark.django_db
def test_learners_csv_with_progress_and_a_formula_name_neutralised(place):
    text = download(client_of(place.trainer), place, "learners", "csv").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Nom;") or lines[0].startswith("Name;")
    amina = next(line for line in lines if line.startswith("Amina Diallo"))
    assert ";1;2;45;" in amina  # completed, started, minutes
    formula = next(line for line in lines if "HYPERLINK" in line)
    assert formula.startswith("\"'=HYPERLINK(") or formula.startswith("'=HYPERLINK(")
    assert "Rahel Lune" not in text


@pytest.mark.django_db
def test_learners_xlsx_in_english_and_the_formula_is_text(place):
    rows = xlsx_rows(download(client_of(place.trainer), place, "learners", "xlsx", language="en"))
    assert rows[0][:3] == ["Name", "Name in Latin letters", "Cohort"]
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in names
    assert not any(str(name).startswith("=") for name in names)


@pytest.mark.django_db
def test_the_export_follows_the_lists_filters(place):
    text = download(client_of(place.trainer), place, "learners", "csv", query="?certified=yes").decode("utf-8-sig")
    assert "Amina Diallo" in text and "Yonas Tesfaye" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_of_zero_rows_has_its_headers(place, file_format):
    body = download(client_of(place.trainer), place, "learners", file_format, query="?q=personne")
    if file_format == "csv":
        assert len(body.decode("utf-8-sig").splitlines()) == 1
    else:
        assert len(xlsx_rows(body)) == 1
    log = ExportLog.objects.get()
    assert (log.kind, log.file_format, log.row_count, log.user) == ("learners", file_format, 0, place.trainer)


@pytest.mark.django_db
def test_certified_learners_export_is_logged(place):
    rows = xlsx_rows(download(client_of(place.manager), place, "certified", "xlsx"))
    assert [row[0] for row in rows[1:]] == ["Amina Diallo"]
    assert ExportLog.objects.filter(kind="certified", user=place.manager, row_count=1, centre=place.centre).exists()
    exports_page = client_of(place.trainer).get(reverse("dashboards:exports", args=[place.centre.pk]))
    assert "Maud Manager" in exports_page.content.decode()


@pytest.mark.django_db
def test_an_unknown_export_is_not_found(place):
    url = reverse("dashboards:export_download", args=[place.centre.pk, "passwords", "csv"])
    assert client_of(place.trainer).get(url).status_code == 404
    assert not ExportLog.objects.exists()


@pytest.mark.django_db
def test_another_centres_export_is_refused(place):
    url = reverse("dashboards:export_download", args=[place.other_centre.pk, "learners", "csv"])
    response = client_of(place.trainer).get(url)
    assert response.status_code == 403
    assert not ExportLog.objects.exists()
