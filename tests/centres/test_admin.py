"""Centres and cohorts are managed in the Wagtail admin by people with the permission only."""

import pytest
from django.contrib.auth.models import Group

from centres.models import Centre, Cohort
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_superuser_creates_a_centre_and_a_cohort(client):
    client.force_login(factories.UserFactory(is_superuser=True))
    response = client.post("/admin/centres/new/", {
        "name": "Belleville", "city": "Paris", "idle_timeout_minutes": 10, "show_learner_tiles": "on",
    })
    assert response.status_code == 302
    centre = Centre.objects.get(name="Belleville")
    client.post("/admin/cohorts/new/", {"centre": centre.pk, "name": "Samedi matin"})
    assert Cohort.objects.filter(centre=centre, name="Samedi matin").exists()


def test_an_idle_time_of_zero_is_refused(client):
    client.force_login(factories.UserFactory(is_superuser=True))
    response = client.post("/admin/centres/new/", {"name": "X", "idle_timeout_minutes": 0})
    assert response.status_code == 200 and not Centre.objects.exists()


def test_a_trainer_in_the_editors_group_cannot_see_centres(client):
    trainer = factories.UserFactory()
    trainer.groups.add(Group.objects.get(name="Editors"))
    client.force_login(trainer)
    factories.CentreFactory(name="Autre centre")
    response = client.get("/admin/centres/")
    assert response.status_code in (302, 403) and "Autre centre" not in response.content.decode()
