"""Newcomers who join a centre on their own, with the centre's join code, while no staff is at hand."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.constants import LEARNER_CODE_ALPHABET

from .constants import Role
from .learners import learner_create
from .models import Centre, Membership

JOIN_CODE_LENGTH = 8


def centre_join_open(*, centre) -> str:
    """Give the centre a fresh join code (the previous one stops working) and return it."""
    while True:
        code = "".join(secrets.choice(LEARNER_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if not Centre.objects.filter(join_code=code).exists():
            break
    centre.join_code = code
    centre.save(update_fields=["join_code"])
    return code


def centre_join_close(*, centre) -> None:
    centre.join_code = None
    centre.save(update_fields=["join_code"])


def centre_by_join_code(code):
    code = "".join(str(code or "").split()).upper()
    if len(code) != JOIN_CODE_LENGTH:
        return None
    return Centre.objects.filter(join_code=code).first()


def newcomer_join(*, centre, display_name, avatar_colour, language, pictures):
    """Create a learner who joined alone; a trainer confirms or removes them later."""
    return learner_create(
        centre=centre, display_name=display_name, avatar_colour=avatar_colour, language=language,
        pictures=pictures, created_by=None, confirmed=False,
    )


def _newcomer_membership(*, centre, user_id):
    return Membership.objects.filter(centre=centre, user_id=user_id, role=Role.LEARNER, confirmed=False).first()


def newcomer_confirm(*, centre, user_id) -> bool:
    return bool(Membership.objects.filter(
        centre=centre, user_id=user_id, role=Role.LEARNER, confirmed=False
    ).update(confirmed=True))


def newcomer_remove(*, centre, user_id) -> bool:
    """Remove an unconfirmed newcomer's account entirely (only someone who never was confirmed)."""
    with transaction.atomic():
        membership = _newcomer_membership(centre=centre, user_id=user_id)
        if membership is None:
            return False
        get_user_model().objects.filter(pk=user_id).delete()
    return True
