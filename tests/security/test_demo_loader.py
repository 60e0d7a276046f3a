"""Issue 6, item 9: the demo loader cannot touch production. Its accounts have a published password
(a superuser among them), and the command ships in the production image."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import User
from centres.models import Centre, Membership
from courses.demo import loader
from courses.management.commands.load_demo import NOT_PRODUCTION_FLAG, Command
from tests import factories

pytestmark = pytest.mark.django_db

OWN_PASSWORD = "un-vrai-mot-de-passe-42"


def everything():
    return (User.objects.count(), Centre.objects.count(), Membership.objects.count())


@override_settings(DEBUG=False)
def test_item9_the_demo_refuses_to_run_when_debug_is_off():
    admin = factories.UserFactory(username="admin", password=OWN_PASSWORD, is_superuser=True)
    before = everything()
    with pytest.raises(CommandError, match=NOT_PRODUCTION_FLAG):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    admin.refresh_from_db()
    assert everything() == before and admin.check_password(OWN_PASSWORD)


@override_settings(DEBUG=False)
def test_item9_the_refusal_says_why_and_what_to_do():
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert "production" in str(refused.value) and "password" in str(refused.value)


def test_item9_existing_accounts_keep_their_password_rights_and_centres():
    """Even told that this is not production, the loader only creates the accounts that are missing."""
    own_centre = factories.CentreFactory(name="Centre réel")
    admin = factories.UserFactory(username="admin", password=OWN_PASSWORD, is_superuser=False, is_staff=False,
                                  email="vrai@exemple.org")
    manager = factories.UserFactory(username="responsable", password=OWN_PASSWORD, is_superuser=True,
                                    is_staff=True, display_name="Directrice")
    amina = factories.learner_in(own_centre, username="amina", password=OWN_PASSWORD)

    accounts = loader.people_ensure(loader.centre_ensure())

    for user in (admin, manager, amina):
        user.refresh_from_db()
        assert user.check_password(OWN_PASSWORD)
    assert (admin.is_superuser, admin.is_staff, admin.email) == (False, False, "vrai@exemple.org")
    assert (manager.is_superuser, manager.display_name) == (True, "Directrice")
    assert list(amina.memberships.values_list("centre__name", flat=True)) == ["Centre réel"]
    assert not manager.memberships.exists() and not hasattr(amina, "learner_profile")
    created = {account.user.username for account in accounts if account.created}
    assert created == {"formatrice", "referent", "yonas", "farid", "mariam"}
    assert User.objects.get(username="formatrice").check_password(loader.DEMO_PASSWORD)


def test_item9_the_printed_accounts_do_not_claim_the_demo_password_for_an_existing_one():
    factories.UserFactory(username="admin", password=OWN_PASSWORD, is_superuser=False)
    out = io.StringIO()
    Command(stdout=out).print_accounts(loader.people_ensure(loader.centre_ensure()))
    lines = out.getvalue().splitlines()
    admin_line = next(line for line in lines if line.startswith("admin "))
    manager_line = next(line for line in lines if line.startswith("responsable "))
    assert loader.DEMO_PASSWORD not in admin_line and "(unchanged)" in admin_line
    assert loader.DEMO_PASSWORD in manager_line
