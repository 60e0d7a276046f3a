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


class ReferentCourse:
    """A « Devenir référent » course of two lessons."""

    def __init__(self):
        from community.constants import REFERENT_COURSE_SLUG

        self.course = factories.course(title="Devenir référent", slug=REFERENT_COURSE_SLUG)
        self.lessons = [factories.lesson(self.course, title=f"Leçon {i}", slug=f"lecon-{i}") for i in (1, 2)]

    def complete(self, learner):
        from django.utils import timezone

        from courses.constants import ProgressStatus
        from courses.models import LessonProgress

        for lesson in self.lessons:
            LessonProgress.objects.create(learner=learner, lesson=lesson, status=ProgressStatus.COMPLETED,
                                          completed_at=timezone.now())


@pytest.fixture
def referent_course(db):
    return ReferentCourse()


@pytest.fixture(autouse=True)
def _in_english():
    """Pages and messages are checked by their English text (the msgids): URLs are reversed under /en/.
    What reaches a learner in their own language is checked against that language's catalogue."""
    from django.utils import translation

    with translation.override("en"):
        yield
