"""Issue 7: centre scoping is one selector per model, ``<things>_readable_by(user)``, returning a
queryset that every staff view, admin screen and (later) dashboard starts from."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from centres import selectors
from centres.constants import Role
from centres.models import Cohort, Membership
from centres.permissions import staffed_centre_or_403
from centres.services import device_enrol
from tests import factories

pytestmark = pytest.mark.django_db


def member(centre, role, **fields):
    user = factories.UserFactory(**fields)
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def two_centres():
    a, b = factories.CentreFactory(name="A"), factories.CentreFactory(name="B")
    return {
        "a": a, "b": b,
        "manager": member(a, Role.MANAGER), "trainer": member(a, Role.TRAINER),
        "referent": member(a, Role.REFERENT), "learner_a": member(a, Role.LEARNER),
        "learner_b": member(b, Role.LEARNER),
    }


def test_staff_read_the_centres_they_staff_and_no_other(two_centres):
    a = two_centres["a"]
    assert list(selectors.centres_readable_by(two_centres["manager"])) == [a]
    assert list(selectors.centres_readable_by(two_centres["trainer"])) == [a]
    assert not selectors.centres_readable_by(two_centres["trainer"], roles=(Role.MANAGER,)).exists()
    for nobody in (two_centres["referent"], two_centres["learner_a"], AnonymousUser()):
        assert not selectors.centres_readable_by(nobody).exists()


def test_a_superuser_staffs_no_centre_by_being_a_superuser(two_centres):
    assert not selectors.centres_readable_by(factories.UserFactory(is_superuser=True)).exists()


def test_learners_readable_are_those_of_ones_centres_newcomers_included(two_centres):
    a = two_centres["a"]
    newcomer = factories.UserFactory()
    Membership.objects.create(user=newcomer, centre=a, role=Role.LEARNER, confirmed=False)
    readable = set(selectors.learners_readable_by(two_centres["trainer"]))
    assert readable == {two_centres["learner_a"], newcomer}  # not B's, not A's staff, not oneself
    assert not selectors.learners_readable_by(two_centres["learner_a"]).exists()


def test_a_person_learning_in_two_centres_is_read_once(two_centres):
    learner = two_centres["learner_a"]
    Membership.objects.create(user=learner, centre=two_centres["b"], role=Role.LEARNER)
    Membership.objects.create(user=two_centres["trainer"], centre=two_centres["b"], role=Role.TRAINER)
    assert list(selectors.learners_readable_by(two_centres["trainer"])).count(learner) == 1


def test_cohorts_readable_are_those_of_ones_centres(two_centres):
    mine = Cohort.objects.create(centre=two_centres["a"], name="Lundi")
    Cohort.objects.create(centre=two_centres["b"], name="Mardi")
    assert list(selectors.cohorts_readable_by(two_centres["trainer"])) == [mine]
    assert not selectors.cohorts_readable_by(two_centres["learner_a"]).exists()


def test_only_managers_read_their_centres_tablets(two_centres):
    mine, _cookie = device_enrol(centre=two_centres["a"], name="Tablette A", by=None)
    device_enrol(centre=two_centres["b"], name="Tablette B", by=None)
    assert list(selectors.devices_readable_by(two_centres["manager"])) == [mine]
    assert not selectors.devices_readable_by(two_centres["trainer"]).exists()


def test_the_view_gate_answers_403_outside_ones_centres(two_centres):
    a, b = two_centres["a"], two_centres["b"]
    assert staffed_centre_or_403(two_centres["trainer"], a.pk) == a
    with pytest.raises(PermissionDenied):
        staffed_centre_or_403(two_centres["trainer"], b.pk)
    with pytest.raises(PermissionDenied):
        staffed_centre_or_403(two_centres["trainer"], a.pk, (Role.MANAGER,))
    assert staffed_centre_or_403(two_centres["manager"], a.pk, (Role.MANAGER,)) == a
    with pytest.raises(PermissionDenied):
        staffed_centre_or_403(AnonymousUser(), a.pk)
