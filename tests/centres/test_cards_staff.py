"""Issue 7 (layers): printing a centre's learner cards is a service, ``centres.cards.learner_cards_issue_pdf``.

The view used to open the transaction and lock the rows itself. The service issues new cards for the
centre's learners only, with their PDF, in one transaction: if anything fails, the old cards still work.
"""

import pytest

from accounts.models import LearnerCard
from accounts.services import learner_card_issue, learner_card_resolve, learner_profile_ensure
from centres.cards import learner_cards_issue_pdf
from tests import factories

pytestmark = pytest.mark.django_db


def url_for(learner, token):
    return "http://testserver/"


@pytest.fixture
def centre():
    return factories.CentreFactory(name="Belleville")


def learner(centre, name):
    user = factories.learner_in(centre, display_name=name)
    learner_profile_ensure(user=user)
    return user


def test_printing_cards_issues_new_cards_and_their_pdf(centre):
    amina, yonas = learner(centre, "Amina Diallo"), learner(centre, "Yonas Tekle")
    old = {user.pk: learner_card_issue(user=user) for user in (amina, yonas)}
    pdf = learner_cards_issue_pdf(centre=centre, learners=[yonas, amina], url_for=url_for, title="Cartes")
    assert pdf.startswith(b"%PDF")
    for user in (amina, yonas):
        assert learner_card_resolve(token=old[user.pk]) is None  # the old card stopped working
        assert LearnerCard.objects.filter(user=user, revoked_at__isnull=True).count() == 1


def test_the_card_service_prints_no_card_for_a_learner_of_another_centre(centre):
    ours, theirs = learner(centre, "Amina Diallo"), learner(factories.CentreFactory(), "Hors centre")
    their_card = learner_card_issue(user=theirs)
    learner_cards_issue_pdf(centre=centre, learners=[ours, theirs], url_for=url_for, title="Cartes")
    assert learner_card_resolve(token=their_card) == theirs
    assert LearnerCard.objects.filter(user=theirs).count() == 1
    assert LearnerCard.objects.filter(user=ours, revoked_at__isnull=True).count() == 1


def test_when_printing_fails_midway_the_old_cards_still_work(centre):
    amina, yonas = learner(centre, "Amina Diallo"), learner(centre, "Yonas Tekle")
    old = {user.pk: learner_card_issue(user=user) for user in (amina, yonas)}
    calls = []

    def failing_url_for(user, token):
        calls.append(user.pk)
        if len(calls) == 2:
            raise RuntimeError("the printer's address could not be built")
        return "http://testserver/"

    with pytest.raises(RuntimeError):
        learner_cards_issue_pdf(centre=centre, learners=[amina, yonas], url_for=failing_url_for, title="Cartes")
    assert len(calls) == 2
    for user in (amina, yonas):
        assert learner_card_resolve(token=old[user.pk]) == user
    assert LearnerCard.objects.count() == 2
