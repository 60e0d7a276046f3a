"""A skill a host saw a learner show during a session, with what they did as evidence."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..exceptions import CommunityRefused
from ..models import CheckIn, SkillSignOff
from ._access import editable_or_403

EVIDENCE_MAX_LENGTH = 1000


def skill_sign_off(*, session, by, learner, competence, evidence) -> SkillSignOff:
    """Sign off ``competence`` for ``learner``, who came to ``session``."""
    editable_or_403(by, session)
    if learner is None or not CheckIn.objects.filter(session=session, learner=learner).exists():
        raise CommunityRefused(_("Only someone checked in at this session can have a skill signed off."), "learner")
    if competence is None:
        raise CommunityRefused(_("Choose the skill you saw."), "competence")
    evidence = (evidence or "").strip()
    if not evidence or len(evidence) > EVIDENCE_MAX_LENGTH:
        raise CommunityRefused(_("Say in a few words what they did (at most %(n)s characters).") % {
            "n": EVIDENCE_MAX_LENGTH}, "evidence")
    try:
        with transaction.atomic():
            return SkillSignOff.objects.create(
                learner=learner, competence=competence, session=session, signed_by=by, evidence=evidence
            )
    except IntegrityError:
        raise CommunityRefused(_("This skill is already signed off for this person at this session."),
                               "competence") from None
