"""A manager makes a learner who completed « Devenir référent » a référent of the centre, from the
référents page; the new référent can then plan sessions."""

from django.urls import reverse

from centres.constants import Role
from centres.models import Membership
from tests import factories

from . import factories as community_factories


def test_the_manager_sees_who_is_ready_and_grants_the_role(client, centre, learners, referent_course):
    manager = community_factories.staff_in(centre, Role.MANAGER)
    referent_course.complete(learners[1])
    client.force_login(manager)
    page = client.get(reverse("community:referents", args=[centre.pk])).content.decode()
    assert "Yonas" in page and "Amina" not in page.split("Ready to become")[-1]

    client.post(reverse("community:referent_grant", args=[centre.pk, learners[1].pk]))
    assert Membership.objects.filter(user=learners[1], centre=centre, role=Role.REFERENT).exists()
    client.force_login(learners[1])
    assert client.get(reverse("community:session_plan", args=[centre.pk])).status_code == 200


def test_granting_before_the_course_is_refused_with_a_message(client, centre, learners, referent_course):
    manager = community_factories.staff_in(centre, Role.MANAGER)
    client.force_login(manager)
    response = client.post(reverse("community:referent_grant", args=[centre.pk, learners[0].pk]), follow=True)
    assert "has not completed the course" in response.content.decode()
    assert not Membership.objects.filter(user=learners[0], role=Role.REFERENT).exists()


def test_only_managers_open_the_referents_page(client, centre, referent):
    trainer = community_factories.staff_in(centre, Role.TRAINER)
    for person in (referent, trainer, factories.learner_in(centre)):
        client.force_login(person)
        assert client.get(reverse("community:referents", args=[centre.pk])).status_code == 403


def test_taking_the_role_back(client, centre, referent):
    manager = community_factories.staff_in(centre, Role.MANAGER)
    client.force_login(manager)
    client.post(reverse("community:referent_revoke", args=[centre.pk, referent.pk]))
    assert not Membership.objects.filter(user=referent, role=Role.REFERENT).exists()
    client.force_login(referent)
    assert client.get(reverse("community:session_plan", args=[centre.pk])).status_code == 403
