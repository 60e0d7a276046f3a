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


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Messages are checked by their English text (the msgids); the French catalogue translates
    them, and tests/lms checks that French is what learners see by default."""
    from django.utils import translation

    with translation.override("en"):
        yield
