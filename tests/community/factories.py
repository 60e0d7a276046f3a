"""Community sessions for tests, made directly (the services are tested on their own)."""

from datetime import timedelta

from django.utils import timezone

from centres.constants import Role
from centres.models import Membership
from community.models import CommunitySession
from tests import factories


def referent_in(centre, **fields):
    user = factories.UserFactory(**fields)
    Membership.objects.create(user=user, centre=centre, role=Role.REFERENT)
    return user


def staff_in(centre, role, **fields):
    user = factories.UserFactory(**fields)
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


def session(centre, host, *, title="Envoyer un e-mail", days=3, capacity=10, languages=",fr,ar,", **fields):
    return CommunitySession.objects.create(
        centre=centre, host=host, title=title, starts_at=timezone.now() + timedelta(days=days),
        duration_minutes=fields.pop("duration_minutes", 90), capacity=capacity, languages=languages, **fields,
    )
