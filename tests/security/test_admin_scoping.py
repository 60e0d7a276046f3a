"""Issue 6, item 8: the Wagtail admin's centre and cohort screens are scoped by centre. Someone given the
model permissions (a "centre managers" group, say) works on the centres they staff and sees nothing
of the others; only superusers see every centre."""

import pytest
from django.contrib.auth.models import Group, Permission

from centres.constants import Role
from centres.models import Centre, Cohort, Membership
from tests import factories

pytestmark = pytest.mark.django_db

CENTRE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[("centres", f"{action}_{model}") for action in ("add", "change", "delete") for model in ("centre", "cohort")],
]


def centre_admin_group():
    """The group a platform administrator would give the staff who run centres in the admin."""
    group, _ = Group.objects.get_or_create(name="Gestion des centres")
    for app_label, codename in CENTRE_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


def staff_with_admin_rights(centre, role=Role.MANAGER):
    user = factories.UserFactory()
    Membership.objects.create(user=user, centre=centre, role=role)
    user.groups.add(centre_admin_group())
    return user


@pytest.fixture
def world():
    arles = factories.CentreFactory(name="Centre Arles", city="Arles")
    brest = factories.CentreFactory(name="Centre Brest", city="Brest")
    return {
        "arles": arles, "brest": brest,
        "arles_cohort": Cohort.objects.create(centre=arles, name="Lundi Arles"),
        "brest_cohort": Cohort.objects.create(centre=brest, name="Mardi Brest"),
        "manager": staff_with_admin_rights(arles),
    }


def body(response):
    return response.content.decode()


def answer(client, method, url, data=None):
    """The final answer: an admin 404 first redirects to the same path under /fr/ (LocaleMiddleware)."""
    return getattr(client, method)(url, data or {}, follow=True)


def test_item8_the_cohort_list_shows_only_the_cohorts_of_ones_own_centres(client, world):
    client.force_login(world["manager"])
    page = body(client.get("/admin/cohorts/"))
    assert "Lundi Arles" in page
    assert "Mardi Brest" not in page and "Centre Brest" not in page  # not even as a filter choice


def test_item8_the_centre_list_shows_only_the_centres_one_manages(client, world):
    client.force_login(world["manager"])
    page = body(client.get("/admin/centres/"))
    assert "Centre Arles" in page and "Centre Brest" not in page
    assert "Brest" not in body(client.get("/admin/centres/results/?q=Brest"))


@pytest.mark.parametrize("view", ["edit", "delete", "copy", "history", "usage"])
def test_item8_another_centres_cohort_answers_404(client, world, view):
    client.force_login(world["manager"])
    response = answer(client, "get", f"/admin/cohorts/{view}/{world['brest_cohort'].pk}/")
    assert response.status_code == 404 and "Mardi Brest" not in body(response)


@pytest.mark.parametrize("view", ["edit", "delete", "copy", "history", "usage"])
def test_item8_another_centre_answers_404(client, world, view):
    client.force_login(world["manager"])
    response = answer(client, "get", f"/admin/centres/{view}/{world['brest'].pk}/")
    assert response.status_code == 404 and "Centre Brest" not in body(response)


def test_item8_editing_another_centres_cohort_changes_nothing(client, world):
    client.force_login(world["manager"])
    cohort = world["brest_cohort"]
    data = {"centre": world["arles"].pk, "name": "Volée"}
    response = answer(client, "post", f"/admin/cohorts/edit/{cohort.pk}/", data)
    cohort.refresh_from_db()
    assert response.status_code == 404
    assert (cohort.name, cohort.centre_id) == ("Mardi Brest", world["brest"].pk)


def test_item8_deleting_another_centre_or_its_cohort_deletes_nothing(client, world):
    client.force_login(world["manager"])
    assert answer(client, "post", f"/admin/cohorts/delete/{world['brest_cohort'].pk}/").status_code == 404
    assert answer(client, "post", f"/admin/centres/delete/{world['brest'].pk}/").status_code == 404
    assert Cohort.objects.filter(pk=world["brest_cohort"].pk).exists()
    assert Centre.objects.filter(pk=world["brest"].pk).exists()


def test_item8_editing_another_centres_settings_changes_nothing(client, world):
    client.force_login(world["manager"])
    brest = world["brest"]
    response = answer(client, "post", f"/admin/centres/edit/{brest.pk}/", {
        "name": "Pris", "city": "Brest", "idle_timeout_minutes": 240, "show_learner_tiles": "on",
    })
    brest.refresh_from_db()
    assert response.status_code == 404 and (brest.name, brest.idle_timeout_minutes) == ("Centre Brest", 10)


def test_item8_the_cohort_form_offers_only_ones_own_centres(client, world):
    client.force_login(world["manager"])
    page = body(client.get("/admin/cohorts/new/"))
    assert f'value="{world["arles"].pk}"' in page
    assert "Centre Brest" not in page and f'<option value="{world["brest"].pk}"' not in page


def test_item8_a_cohort_cannot_be_created_in_another_centre(client, world):
    client.force_login(world["manager"])
    response = client.post("/admin/cohorts/new/", {"centre": world["brest"].pk, "name": "Intruse"})
    assert response.status_code == 200  # the form again, with its error
    assert "centre" in response.context["form"].errors
    assert not Cohort.objects.filter(name="Intruse").exists()


def test_item8_ones_own_cohort_cannot_be_moved_to_another_centre(client, world):
    client.force_login(world["manager"])
    cohort = world["arles_cohort"]
    client.post(f"/admin/cohorts/edit/{cohort.pk}/", {"centre": world["brest"].pk, "name": "Lundi Arles"})
    cohort.refresh_from_db()
    assert cohort.centre_id == world["arles"].pk


def test_item8_a_manager_still_runs_their_own_centre(client, world):
    client.force_login(world["manager"])
    arles, cohort = world["arles"], world["arles_cohort"]
    response = client.post(f"/admin/cohorts/edit/{cohort.pk}/", {"centre": arles.pk, "name": "Lundi soir"})
    assert response.status_code == 302
    response = client.post("/admin/cohorts/new/", {"centre": arles.pk, "name": "Samedi"})
    assert response.status_code == 302
    assert set(arles.cohorts.values_list("name", flat=True)) == {"Lundi soir", "Samedi"}
    response = client.post(f"/admin/centres/edit/{arles.pk}/", {
        "name": "Centre Arles", "city": "Arles", "idle_timeout_minutes": 15,
    })
    arles.refresh_from_db()
    assert response.status_code == 302 and arles.idle_timeout_minutes == 15 and not arles.show_learner_tiles


def test_item8_a_trainer_with_the_permissions_sees_their_centres_cohorts_but_not_its_settings(client, world):
    trainer = staff_with_admin_rights(world["arles"], role=Role.TRAINER)
    client.force_login(trainer)
    page = body(client.get("/admin/cohorts/"))
    assert "Lundi Arles" in page and "Mardi Brest" not in page
    assert answer(client, "get", f"/admin/centres/edit/{world['arles'].pk}/").status_code == 404


def test_item8_a_learner_given_the_permissions_by_mistake_sees_no_centre(client, world):
    learner = factories.learner_in(world["arles"])
    learner.groups.add(centre_admin_group())
    client.force_login(learner)
    page = body(client.get("/admin/cohorts/"))
    assert "Lundi Arles" not in page and "Mardi Brest" not in page
    assert answer(client, "get", f"/admin/cohorts/edit/{world['arles_cohort'].pk}/").status_code == 404


def test_item8_a_superuser_sees_and_edits_every_centre(client, world):
    client.force_login(factories.UserFactory(is_superuser=True))
    page = body(client.get("/admin/cohorts/"))
    assert "Lundi Arles" in page and "Mardi Brest" in page
    cohort = world["brest_cohort"]
    response = client.post(f"/admin/cohorts/edit/{cohort.pk}/", {"centre": world["arles"].pk, "name": "Déplacée"})
    cohort.refresh_from_db()
    assert response.status_code == 302 and cohort.centre_id == world["arles"].pk


def test_item8_the_centre_filter_of_the_cohort_list_cannot_reach_another_centre(client, world):
    client.force_login(world["manager"])
    page = body(client.get(f"/admin/cohorts/results/?centre={world['brest'].pk}"))
    assert "Mardi Brest" not in page
