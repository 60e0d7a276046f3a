"""A level may ask, for a competence, that a référent saw the learner do it in a community session
(a skill sign-off) before they sit the exam (issue 8, with issue 10)."""

import uuid

import pytest

from certification import services
from certification.exceptions import ExamRefused
from certification.models import ExamAttempt, LevelCompetence
from community.services.check_ins import check_in_record
from community.services.sign_offs import skill_sign_off
from tests.community import factories as community

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs_sign_off(level):
    LevelCompetence.objects.filter(level=level, competence__code="COM").update(sign_off_required=True)
    return level


def test_an_exam_waits_for_the_sign_offs_its_level_asks_for(candidate, needs_sign_off, centre):
    with pytest.raises(ExamRefused, match="A référent has not yet seen you do this in a session: COM"):
        services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
    assert not ExamAttempt.objects.exists()

    referent = community.referent_in(centre)
    session = community.session(centre, referent, days=0)
    check_in_record(session=session, by=referent, learner=candidate.learner, client_uuid=uuid.uuid4())
    competence = LevelCompetence.objects.get(level=needs_sign_off, competence__code="COM").competence
    skill_sign_off(session=session, by=referent, learner=candidate.learner, competence=competence,
                   evidence="A envoyé un e-mail avec une pièce jointe")
    attempt = services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
    assert attempt.in_progress


def test_a_sign_off_of_another_competence_does_not_count(candidate, needs_sign_off, centre):
    referent = community.referent_in(centre)
    session = community.session(centre, referent, days=0)
    check_in_record(session=session, by=referent, learner=candidate.learner, client_uuid=uuid.uuid4())
    other = LevelCompetence.objects.get(level=needs_sign_off, competence__code="SEC").competence
    skill_sign_off(session=session, by=referent, learner=candidate.learner, competence=other, evidence="Vu")
    with pytest.raises(ExamRefused):
        services.exam_attempt_start(learner=candidate.learner, session=candidate.session)
