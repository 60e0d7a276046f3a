import pytest

from tests import factories

from . import factories as community_factories


@pytest.fixture
def centre(db):
    return factories.CentreFactory(name="Belleville")


@pytest.fixture
def other_centre(db):
    return factories.CentreFactory(name="Quimper")


@pytest.fixture
def referent(centre):
    return community_factories.referent_in(centre, display_name="Moussa K.")


@pytest.fixture
def learners(centre):
    return [factories.learner_in(centre, display_name=name) for name in ("Amina", "Yonas", "Farid", "Mariam")]


@pytest.fixture
def session(centre, referent):
    return community_factories.session(centre, referent, capacity=2)
