"""A manager's own settings screen: idle time, learner tiles, retention; trainers cannot change them."""

import pytest
from django.urls import reverse

from dashboards.models import RetentionPolicy

from .conftest import client_of


def url(place):
    return reverse("dashboards:settings", args=[place.centre.pk])


@pytest.mark.django_db
def test_a_manager_changes_the_centres_settings(place):
    response = client_of(place.manager).post(url(place), {"idle_timeout_minutes": "20", "retention_months": "36"})
    assert response.status_code == 302
    place.centre.refresh_from_db()
    assert (place.centre.idle_timeout_minutes, place.centre.show_learner_tiles) == (20, False)
    assert RetentionPolicy.objects.get(centre=place.centre).months == 36
    page = client_of(place.manager).get(url(place)).content.decode()
    assert 'value="36"' in page and 'value="20"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("values", [
    {"idle_timeout_minutes": "0", "retention_months": "24"},
    {"idle_timeout_minutes": "500", "retention_months": "24"},
    {"idle_timeout_minutes": "10", "retention_months": "2"},
    {"idle_timeout_minutes": "dix", "retention_months": "24"},
])
def test_bad_values_are_refused_and_change_nothing(place, values):
    response = client_of(place.manager).post(url(place), {**values, "show_learner_tiles": "on"})
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    place.centre.refresh_from_db()
    assert place.centre.idle_timeout_minutes == 10
    assert not RetentionPolicy.objects.exists()


@pytest.mark.django_db
def test_a_trainer_cannot_change_them(place):
    response = client_of(place.trainer).post(url(place), {"idle_timeout_minutes": "200", "retention_months": "6"})
    assert response.status_code == 403
    place.centre.refresh_from_db()
    assert place.centre.idle_timeout_minutes == 10
