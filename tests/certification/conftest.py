import pytest

from tests import factories
from tests.certification import factories as cert


@pytest.fixture
def centre(db):
    return factories.CentreFactory(name="Centre Belleville")


@pytest.fixture
def level(db):
    return cert.level()


@pytest.fixture
def learner(centre):
    return factories.learner_in(centre, display_name="Amina Diallo")


@pytest.fixture
def exam_session(centre, level):
    return cert.session(centre, level)


@pytest.fixture
def candidate(exam_session, learner):
    return cert.admitted(exam_session, learner)
