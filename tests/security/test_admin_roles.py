"""Roles that can do their job in the admin (issue 14), per role: trainers write and publish the
catalogue's lessons; managers too, and change their own centre's settings (not another's); référents,
learners and strangers have no way into the admin. Nobody of a centre publishes a page outside the
catalogues. The groups come from the memberships alone: nothing here adds anyone to a group by hand."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from centres.constants import ROLE_GROUPS, Role
from centres.models import Centre, Membership
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ("trainer", "manager", "referent", "learner", "anonymous")
WRITERS = {"trainer", "manager"}


@pytest.fixture
def arles():
    return factories.CentreFactory(name="Centre Arles", city="Arles", idle_timeout_minutes=10)


@pytest.fixture
def brest():
    return factories.CentreFactory(name="Centre Brest", city="Brest", idle_timeout_minutes=10)


def person_of(centre, role):
    """Someone of ``centre`` in ``role``, with nothing else than the membership (None: nobody signed in)."""
    if role == "anonymous":
        return None
    user = factories.UserFactory(display_name=f"{role} d'Arles")
    if role == "referent":  # a référent is a learner of the centre too
        Membership.objects.create(user=user, centre=centre, role=Role.LEARNER)
    Membership.objects.create(user=user, centre=centre, role=Role(role))
    return user


def client_of(client, user):
    if user is not None:
        client.force_login(user)
    return client


def lesson_with_a_draft():
    """A published lesson of the catalogue with a new title waiting in a draft."""
    lesson = factories.lesson(factories.course())
    lesson.title = "Répondre à un e-mail"
    lesson.save_revision()
    return Page.objects.get(pk=lesson.pk)


def page_outside_the_catalogues():
    """A page of the site beside the catalogues (Wagtail's own first page, say), with a draft."""
    page = Page(title="Accueil du site", slug="accueil-du-site")
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    page.title = "Accueil changé"
    page.save_revision()
    return Page.objects.get(pk=page.pk)


def bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    return client.post(url, {})


def is_refused(response):
    """A refusal of the admin: its sign-in page, or its home with « you may not », or 403/404."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/login/", "/admin/")


def live_title(page):
    return Page.objects.get(pk=page.pk).title


@pytest.mark.parametrize("role", ROLES)
def test_who_reaches_the_admin(client, arles, role):
    user = person_of(arles, role)
    response = client_of(client, user).get(reverse("wagtailadmin_home"))
    if role in WRITERS:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ROLES)
def test_who_edits_and_publishes_a_lesson_of_the_catalogue(client, arles, role):
    lesson = lesson_with_a_draft()
    user = person_of(arles, role)
    client_of(client, user)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    bulk_publish(client, lesson)
    if role in WRITERS:
        assert edit.status_code == 200 and 'name="action-publish"' in edit.content.decode()
        assert live_title(lesson) == "Répondre à un e-mail"
    else:
        assert is_refused(edit)
        assert live_title(lesson) == "C'est quoi une adresse e-mail ?"


@pytest.mark.parametrize("role", sorted(WRITERS))
def test_a_page_outside_the_catalogues_is_refused_to_centre_staff(client, arles, role):
    """A trainer (or manager) of Arles may write every course of the catalogue, and nothing else of the
    site: publishing a page beside the catalogues is refused and changes nothing."""
    page = page_outside_the_catalogues()
    client_of(client, person_of(arles, role))
    assert is_refused(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    bulk_publish(client, page)
    assert live_title(page) == "Accueil du site"
    assert Page.objects.get(pk=page.pk).has_unpublished_changes


def test_a_superuser_may_still_publish_outside_the_catalogues(client):
    page = page_outside_the_catalogues()
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    bulk_publish(client, page)
    assert live_title(page) == "Accueil changé"


def centre_form(centre, **changes):
    data = {"name": centre.name, "city": centre.city, "idle_timeout_minutes": centre.idle_timeout_minutes,
            "show_learner_tiles": "on"}
    data.update(changes)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_only_a_manager_changes_their_centres_settings_in_the_admin(client, arles, role):
    client_of(client, person_of(arles, role))
    url = reverse("centre_admin:edit", args=[arles.pk])
    response = client.post(url, centre_form(arles, idle_timeout_minutes=25))
    arles.refresh_from_db()
    if role == "manager":
        assert response.status_code == 302 and arles.idle_timeout_minutes == 25
    else:
        assert is_refused(response) and arles.idle_timeout_minutes == 10


def test_a_manager_cannot_change_another_centres_settings(client, arles, brest):
    client_of(client, person_of(arles, "manager"))
    listed = client.get(reverse("centre_admin:index")).content.decode()
    assert "Centre Arles" in listed and "Centre Brest" not in listed
    response = client.post(reverse("centre_admin:edit", args=[brest.pk]), centre_form(brest, idle_timeout_minutes=25),
                           follow=True)
    assert response.status_code == 404
    brest.refresh_from_db()
    assert brest.idle_timeout_minutes == 10
    assert is_refused(client.post(reverse("centre_admin:add"), centre_form(brest, name="Centre pirate")))
    assert not Centre.objects.filter(name="Centre pirate").exists()


def test_the_groups_follow_the_roles(arles, brest):
    """Made trainer: the trainers' group; made manager elsewhere: the managers' too; no longer staff
    anywhere: neither. A référent is in none."""
    user = factories.UserFactory()

    def groups():
        return set(user.groups.values_list("name", flat=True))

    trainer = Membership.objects.create(user=user, centre=arles, role=Role.TRAINER)
    assert groups() == {ROLE_GROUPS[Role.TRAINER]}
    manager = Membership.objects.create(user=user, centre=brest, role=Role.MANAGER)
    assert groups() == {ROLE_GROUPS[Role.TRAINER], ROLE_GROUPS[Role.MANAGER]}
    trainer.delete()
    assert groups() == {ROLE_GROUPS[Role.MANAGER]}
    manager.delete()
    Membership.objects.create(user=user, centre=arles, role=Role.REFERENT)
    assert groups() == set()


def test_a_group_given_by_hand_stays(arles):
    """The roles move their own groups only: a group a platform administrator gave by hand stays."""
    user = factories.UserFactory()
    translators = Group.objects.create(name="Traducteurs")
    user.groups.add(translators)
    Membership.objects.create(user=user, centre=arles, role=Role.TRAINER).delete()
    assert list(user.groups.all()) == [translators]


def test_the_admin_menu_of_a_manager_is_in_french(client, arles):
    """The labels the project gives the admin, as a manager reads them: « Centres », not « centres »."""
    client.force_login(person_of(arles, "manager"))
    with translation.override("fr"):
        page = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '"label": "Centres"' in page and '"label": "Promotions"' in page
    assert '"label": "centres"' not in page
