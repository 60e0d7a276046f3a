"""A network of centres: each centre's figures and the total, no name of a person anywhere."""

import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from centres.constants import Role
from centres.models import Membership
from dashboards.models import Network
from tests import factories

from .conftest import client_of, progress
from .test_report import period


@pytest.fixture
def network(place):
    network = Network.objects.create(name="Réseau Bretagne")
    network.centres.add(place.centre, place.other_centre)
    admin = factories.UserFactory(display_name="Nadia Network")
    network.administrators.add(admin)
    progress(place.stranger, place.lessons[0])
    return network, admin


def learner_names(place):
    ids = Membership.objects.filter(role=Role.LEARNER, centre__in=[place.centre, place.other_centre]).values("user_id")
    names = set()
    for user in get_user_model().objects.filter(pk__in=ids):
        names |= {user.display_name, user.username}
    return names


@pytest.mark.django_db
def test_the_network_report_has_each_centre_and_the_total_and_no_name(place, network):
    network, admin = network
    client = client_of(admin)
    page = client.get(reverse("dashboards:network_report", args=[network.pk]) + period()).content.decode()
    assert "Centre Soleil" in page and "Centre Lune" in page
    figures = page[page.index('class="report__figures"'):].split("</section>")[0]
    assert "<strong>&lt; 5</strong>" in figures  # active learners in all: Amina, Yonas, Rahel (3, under 5)
    xlsx = client.get(reverse("dashboards:network_report_download", args=[network.pk, "xlsx"]) + period()).content
    cells = " ".join(str(c.value) for s in openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets
                     for row in s.iter_rows() for c in row)
    pdf = client.get(reverse("dashboards:network_report_download", args=[network.pk, "pdf"]) + period()).content
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for name in learner_names(place):
        assert name not in page, name
        assert name not in cells, name
        assert name not in pdf_text, name
    assert "HYPERLINK" not in page + cells + pdf_text


@pytest.mark.django_db
def test_someone_elses_network_is_not_found(place, network):
    network, _admin = network
    outsider = factories.UserFactory()
    other = Network.objects.create(name="Réseau Alsace")
    other.administrators.add(outsider)
    assert client_of(outsider).get(reverse("dashboards:network_report", args=[network.pk])).status_code == 404
    url = reverse("dashboards:network_report_download", args=[network.pk, "xlsx"])
    assert client_of(outsider).get(url).status_code == 404
    assert client_of(place.manager).get(reverse("dashboards:network_home")).status_code == 403


@pytest.mark.django_db
def test_networks_are_managed_by_platform_administrators_only(place, network):
    network, _admin = network
    superuser = factories.UserFactory(is_superuser=True, is_staff=True)
    assert client_of(superuser).get(reverse("network_admin:edit", args=[network.pk])).status_code == 200
    response = client_of(place.manager).get(reverse("network_admin:edit", args=[network.pk]))
    assert response.status_code in (302, 403)
    assert "Réseau Bretagne" not in response.content.decode()
