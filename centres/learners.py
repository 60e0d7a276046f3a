"""Writes about a centre's learners: a trainer creates them one by one or imports a checked list.

A learner account has no e-mail and no usable password: the learner signs in with the learner code,
the picture password (and, if the centre uses them, a PIN) that the trainer hands over. The learner code
is always made here: no caller chooses one, so no answer ever tells whether a code is taken.
"""

import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH, SecretKind
from accounts.models import LearnerProfile
from accounts.services import learner_code_generate, learner_secret_set

from .constants import Role
from .imports import import_rows_check
from .models import Cohort, Membership

logger = logging.getLogger("passerelle.learners")
DEFAULT_COLOUR = LearnerProfile._meta.get_field("avatar_colour").default


@dataclass(frozen=True)
class LearnerHandover:
    """What the trainer gives the new learner: the code to type and the pictures to tap, in order.
    The pictures are shown once: only their hash is kept."""

    user: object
    learner_code: str
    pictures: tuple


@dataclass(frozen=True)
class ImportResult:
    imported: list  # of LearnerHandover
    reports: list  # of imports.RowReport, as checked again at confirmation


def pictures_random() -> list[str]:
    keys = list(PICTOGRAMS)
    return [keys.pop(secrets.randbelow(len(keys))) for _ in range(PICTURE_PASSWORD_LENGTH)]


def _username_for(code: str) -> str:
    base = f"learner-{code.lower()}"
    username, suffix = base, 1
    while get_user_model().objects.filter(username=username).exists():
        suffix += 1
        username = f"{base}-{suffix}"
    return username


@transaction.atomic
def learner_create(
    *, centre, display_name, latin_name="", avatar="", avatar_colour=DEFAULT_COLOUR, languages_spoken="",
    cohort=None, pictures=None, pin=None, created_by, confirmed=True, language="",
) -> LearnerHandover:
    """Create a learner of ``centre`` (no e-mail, no usable password) with a new learner code and a picture
    password (``pictures``, or three at random); ``pin`` optional. Raises ValidationError on bad values."""
    if cohort is not None and cohort.centre_id != centre.pk:
        raise ValidationError(_("This cohort belongs to another centre."))
    pictures = list(pictures) if pictures else pictures_random()
    code = learner_code_generate()
    user = get_user_model()(username=_username_for(code), display_name=display_name.strip())
    if language:
        user.preferred_language = language
    user.set_unusable_password()
    user.save()
    LearnerProfile.objects.create(
        user=user, learner_code=code, avatar=avatar, avatar_colour=avatar_colour or DEFAULT_COLOUR,
        languages_spoken=languages_spoken, latin_name=latin_name,
    )
    Membership.objects.create(user=user, centre=centre, role=Role.LEARNER, cohort=cohort, confirmed=confirmed)
    learner_secret_set(user=user, kind=SecretKind.PICTURE, value=pictures)
    if pin:
        learner_secret_set(user=user, kind=SecretKind.PIN, value=pin)
    logger.info("learner %s created at centre %s by %s", user.pk, centre.pk, getattr(created_by, "pk", None))
    return LearnerHandover(user=user, learner_code=code, pictures=tuple(pictures))


def _row_create(*, centre, values, cohorts, created_by) -> LearnerHandover:
    return learner_create(
        centre=centre, display_name=values["display_name"], latin_name=values["latin_name"],
        avatar_colour=values["avatar_colour"] or DEFAULT_COLOUR, languages_spoken=values["languages_spoken"],
        cohort=cohorts.get(values["cohort_id"]), pin=values["pin"] or None, created_by=created_by,
    )


@transaction.atomic
def learners_import(*, centre, rows, created_by) -> ImportResult:
    """Import the rows (``ImportFile.rows`` of ``imports.import_file_read``) that are still valid, all in
    one transaction. Rows are checked again: a cohort may have been renamed since the preview."""
    reports = import_rows_check(centre=centre, rows=rows)
    cohorts = {c.pk: c for c in Cohort.objects.filter(centre=centre)}
    imported = [
        _row_create(centre=centre, values=report.values, cohorts=cohorts, created_by=created_by)
        for report in reports
        if report.ok
    ]
    return ImportResult(imported=imported, reports=reports)
