import pytest
from django.db import connection

from courses.models import Enrolment
from tests import factories


@pytest.fixture(autouse=True)
def _on_postgresql(request):
    """These tests are about PostgreSQL's locking and constraints: never let them pass on SQLite."""
    if request.node.get_closest_marker("integration") or request.node.get_closest_marker("celery_worker"):
        assert connection.vendor == "postgresql", "run through: python -m tests.run_with_services"


@pytest.fixture
def enrolled_lesson(transactional_db):
    """A learner who started a course of one lesson with every kind of step (committed data)."""
    course = factories.course()
    lesson = factories.lesson(course)
    learner = factories.UserFactory()
    Enrolment.objects.create(learner=learner, course=course)
    return learner, lesson
