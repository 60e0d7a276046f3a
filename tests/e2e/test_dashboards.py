"""The centre dashboards in Chromium at 1024×768, in French and Arabic: the learners list, the cohort
matrix, a learner's page and the funders' report (page and PDF), screenshot for a person to look at, with
axe-core checks on each page."""

import subprocess
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from courses.constants import ProgressStatus
from tests import factories
from tests.dashboards.conftest import (
    place,  # noqa: F401 - the fixture
    progress,
)

from .helpers import SCREENS, check_accessibility, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, live_server, user, language):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([
        {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
         "url": live_server.url, "httpOnly": True, "sameSite": "Lax"},
        {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url, "sameSite": "Lax"},
    ])
    return client


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_dashboards_at_tablet_size(page, live_server, place, language):  # noqa: F811
    arabic = factories.learner_in(place.centre, display_name="أمينة ديالو")
    progress(arabic, place.lessons[0], ProgressStatus.COMPLETED, best_score=0.9, seconds=2400)
    client = sign_in(page, live_server, place.manager, language)
    centre = place.centre.pk
    page.goto(url_in(language, "dashboards:learner_list", centre))
    assert page.locator("table.table--dashboard").get_by_text("Amina Diallo").is_visible()
    check_accessibility(page, f"learner list ({language})")
    screenshot(page, f"dashboard-list-{language}")
    page.goto(url_in(language, "dashboards:matrix", centre))
    assert page.locator(".legend .cell--struggling").is_visible()
    check_accessibility(page, f"matrix ({language})")
    screenshot(page, f"dashboard-matrix-{language}")
    page.goto(url_in(language, "dashboards:learner_detail", centre, place.amina.pk))
    check_accessibility(page, f"learner page ({language})")
    screenshot(page, f"dashboard-learner-{language}")
    today = timezone.localdate()
    period = f"?start={(today - timedelta(days=365)).isoformat()}&end={today.isoformat()}"
    page.goto(url_in(language, "dashboards:report", centre) + period)
    assert page.locator(".chart svg").first.is_visible()
    check_accessibility(page, f"report ({language})")
    screenshot(page, f"dashboard-report-{language}")
    pdf = client.get(url_in(language, "dashboards:report_download", centre, "pdf") + period,
                     HTTP_ACCEPT_LANGUAGE=language)
    assert pdf.content.startswith(b"%PDF")
    target = SCREENS / f"dashboard-report-pdf-{language}.pdf"
    target.write_bytes(pdf.content)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(target), str(target.with_suffix(""))],
                   check=True)
