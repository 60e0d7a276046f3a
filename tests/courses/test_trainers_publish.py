"""Trainers publish their own lessons (issue 14): the group trainers join may publish, and no
moderation workflow stands in the way unless someone attaches one."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from centres.constants import Role
from centres.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    user = factories.UserFactory(display_name="Fatou Formatrice")
    Membership.objects.create(user=user, centre=factories.CentreFactory(), role=Role.TRAINER)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_trainer_may_publish_a_lesson_and_no_workflow_asks_for_approval(trainer):
    lesson = factories.lesson(factories.course())
    permissions = lesson.permissions_for_user(trainer)
    assert permissions.can_edit() and permissions.can_publish()
    assert lesson.get_workflow() is None


def test_the_editor_offers_publish_not_submit_for_moderation(client, trainer):
    lesson = factories.lesson(factories.course())
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert 'name="action-publish"' in html
    assert 'name="action-submit"' not in html and "Moderators approval" not in html


def test_a_learner_has_no_way_into_the_admin(client):
    learner = factories.learner_in(factories.CentreFactory())
    client.force_login(learner)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
