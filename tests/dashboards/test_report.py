"""The funders' report: figures over a period, small counts hidden, charts, PDF and XLSX, bad periods."""

import io
import uuid
from datetime import timedelta

import openpyxl
import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from accounts.models import DemographicConsent
from community.models import CheckIn
from courses.constants import ProgressStatus
from dashboards import report
from dashboards.counts import shown_count
from dashboards.models import ExportLog, Outcome
from dashboards.views.report import centre_report_context
from tests import factories
from tests.community import factories as community

from .conftest import certificate, client_of, progress


def period(days=365):
    today = timezone.localdate()
    return f"?start={(today - timedelta(days=days)).isoformat()}&end={today.isoformat()}"


def consent(user, gender, age_band="26-35"):
    DemographicConsent.objects.create(user=user, gender=gender, age_band=age_band, consent_given_at=timezone.now())


@pytest.fixture
def reported(place):
    """Seven active learners who consented: five women, two men; outcomes for two of them."""
    consent(place.amina, "woman")
    consent(place.yonas, "man")
    for number in range(5):
        learner = factories.learner_in(place.centre, display_name=f"Apprenante {number}")
        progress(learner, place.lessons[0], ProgressStatus.COMPLETED, best_score=1.0, seconds=3600)
        consent(learner, "woman" if number < 4 else "man")
    for learner in (place.amina, place.yonas):
        Outcome.objects.create(learner=learner, centre=place.centre, kind="job_interview",
                               occurred_on=timezone.localdate())
    certificate(place.yonas, place.centre, level_name="PCIE Initiation")
    return place


def test_counts_of_one_to_four_are_suppressed():
    assert [shown_count(n) for n in (0, 1, 4, 5, 12)] == [0, "< 5", "< 5", 5, 12]


def report_url(place, query):
    return reverse("dashboards:report", args=[place.centre.pk]) + query


@pytest.mark.django_db
def test_the_report_page_shows_the_periods_figures_and_charts(reported):
    page = client_of(reported.manager).get(report_url(reported, period())).content.decode()
    figures = page[page.index('class="report__figures"'):].split("</section>")[0]
    assert "<strong>7</strong>" in figures  # active learners
    assert "<strong>6</strong>" in figures  # lessons completed: Amina's and five others'
    assert "<strong>2</strong>" in figures  # certificates
    assert page.count("<svg") >= 2  # lessons per month, certificates by level
    assert "PCIE Initiation" in page and "PCIE Découverte" in page


@pytest.mark.django_db
def test_small_counts_show_as_less_than_five_on_the_page_and_in_the_files(reported):
    client = client_of(reported.manager)
    page = client.get(report_url(reported, period())).content.decode()
    gender = page[page.index("Gender (") if "Gender (" in page else page.index("Genre"):].split("</table>")[0]
    assert "&lt; 5" in gender and "<td>5</td>" in gender  # two men hidden, five women shown
    outcomes = page[page.index("Outcomes (") if "Outcomes (" in page else page.index("Résultats"):]
    assert "&lt; 5" in outcomes.split("</table>")[0]  # two job interviews
    xlsx = client.get(reverse("dashboards:report_download", args=[reported.centre.pk, "xlsx"]) + period())
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    cells = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert "< 5" in cells
    assert 2 not in cells[cells.index("< 5") - 1: cells.index("< 5") + 1]
    pdf = client.get(reverse("dashboards:report_download", args=[reported.centre.pk, "pdf"]) + period())
    assert pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "< 5" in text
    assert ExportLog.objects.filter(kind="report", file_format="pdf", centre=reported.centre).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "end", "message"), [
    (10, 20, "before its start"),
    (20 * 366, 0, "at most 5 years"),
])
def test_a_wrong_period_is_refused_with_a_clear_message(place, start, end, message, settings):
    settings.LANGUAGE_CODE = "en"
    today = timezone.localdate()
    query = f"?start={(today - timedelta(days=start)).isoformat()}&end={(today - timedelta(days=end)).isoformat()}"
    url = reverse("dashboards:report", args=[place.centre.pk]).replace("/fr/", "/en/")
    response = client_of(place.manager).get(url + query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'class="report__figures"' not in response.content.decode()
    download = reverse("dashboards:report_download", args=[place.centre.pk, "pdf"]).replace("/fr/", "/en/")
    assert client_of(place.manager).get(download + query).status_code == 400
    assert not ExportLog.objects.exists()


@pytest.mark.django_db
def test_another_centres_report_is_refused(place):
    assert client_of(place.trainer).get(reverse("dashboards:report", args=[place.other_centre.pk])).status_code == 403


@pytest.mark.django_db
def test_the_report_counts_the_community_sessions_held_and_the_hours_referents_gave(reported):
    referent = community.referent_in(reported.centre, display_name="Rahel Référente")
    held = community.session(reported.centre, referent, days=-3, duration_minutes=120)
    community.session(reported.centre, referent, days=-2, duration_minutes=60, cancelled_at=timezone.now())
    community.session(reported.centre, referent, days=5)  # still to come
    community.session(reported.other_centre, community.referent_in(reported.other_centre), days=-3)  # elsewhere
    for learner in (reported.amina, reported.yonas):
        CheckIn.objects.create(session=held, learner=learner, client_uuid=uuid.uuid4(), checked_in_by=referent)
    response = client_of(reported.manager).get(
        reverse("dashboards:report_download", args=[reported.centre.pk, "xlsx"]) + period())
    rows = {row[0]: row[1:] for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(
        values_only=True)}
    label = {key: translation.gettext(key) for key in (
        "Community sessions", "Hours given by référents", "People who came to a session", "Active référents")}
    assert rows[label["Community sessions"]][0] == "1" and rows[label["Hours given by référents"]][0] == "2.0"
    assert rows[label["People who came to a session"]][0] == "< 5" and rows[label["Active référents"]][0] == "< 5"
    page = client_of(reported.manager).get(reverse("dashboards:learner_detail", args=[reported.centre.pk,
                                                                              reported.amina.pk])).content.decode()
    assert held.title in page and "Rahel Référente" in page


@pytest.mark.django_db
def test_the_period_boxes_show_the_period_of_the_report_in_french(place):
    """A browser's date box reads only 2026-01-31: the French « 31/01/2026 » showed an empty box, and the
    manager could not see which period the figures were for."""
    with translation.override("fr"):
        page = client_of(place.manager).get(report_url(place, "")).content.decode()
    today = timezone.localdate()
    assert f'name="end" value="{today:%Y-%m-%d}"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["report", "report_pdf_source"])
def test_on_an_arabic_page_the_period_reads_left_to_right(place, route):
    """« 2026-01-01 – 2026-12-03 » on a right-to-left page read « 2026-01-01 – 03-12-2026 »: the second
    date's groups were turned round by the bidi algorithm. The period is isolated left to right."""
    today = timezone.localdate()
    start = today - timedelta(days=30)
    if route == "report":
        with translation.override("ar"):
            page = client_of(place.manager).get(report_url(place, period(30))).content.decode()
    else:
        with translation.override("ar"):
            context = centre_report_context(place.centre, report.Period(start, today))
            page = render_to_string("dashboards/report_pdf.html", context)
    assert f'<bdi dir="ltr" class="ltr">{start:%Y-%m-%d} – {today:%Y-%m-%d}</bdi>' in page
