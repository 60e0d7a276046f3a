"""The demo's certification: three levels whose banks hold at least three times what an exam draws,
every question valid for the admin's own checks, level 1 also in Arabic; loading twice changes nothing."""

import pytest

from certification import services
from certification.demo.loader import certification_demo_load
from certification.models import CertificationLevel, QuestionBank
from tests import factories
from tests.certification import factories as cert

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    for code in ("APP", "SEC", "COM", "DEM", "EMP", "COD"):
        factories.competence(code)
    return certification_demo_load()


def test_three_levels_with_banks_three_times_the_draw(demo):
    levels, _banks = demo
    assert [level.name for level in levels] == [
        "Niveau 1 — Premiers pas", "Niveau 2 — Autonome", "Niveau 3 — Avancé"]
    for level in levels:
        for row in level.competences.all():
            bank = QuestionBank.objects.get(competence=row.competence, locale__language_code="fr")
            assert len(bank.questions) >= 3 * row.questions_drawn


def test_every_demo_question_passes_the_admins_checks(demo):
    for bank in QuestionBank.objects.all():
        bank.questions.stream_block.clean(bank.questions)


def test_level_one_is_translated_into_arabic_and_drawn_in_it(demo, centre):
    level = CertificationLevel.objects.get(rank=1)
    for row in level.competences.all():
        arabic = QuestionBank.objects.get(competence=row.competence, locale__language_code="ar")
        french = QuestionBank.objects.get(competence=row.competence, locale__language_code="fr")
        assert arabic.translation_key == french.translation_key and len(arabic.questions) == len(french.questions)
    learner = factories.learner_in(centre, preferred_language="ar")
    candidate = cert.admitted(cert.session(centre, level), learner)
    attempt = services.exam_attempt_start(learner=learner, session=candidate.session)
    assert attempt.language == "ar"


def test_loading_again_changes_nothing(demo):
    counts = (CertificationLevel.objects.count(), QuestionBank.objects.count())
    certification_demo_load()
    assert (CertificationLevel.objects.count(), QuestionBank.objects.count()) == counts == (3, 9)
