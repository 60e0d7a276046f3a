from pathlib import Path

import pytest
from django.conf import settings

from courses.models import Enrolment
from h5p import services
from h5p.constants import H5P_STEP_TYPE
from tests import factories

from . import packages


def storage_files():
    """Every file in the storage (MEDIA_ROOT), with its size: what « unchanged » is checked against."""
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): path.stat().st_size
        for path in root.rglob("*") if path.is_file()
    } if root.exists() else {}


@pytest.fixture
def trainer(db):
    return factories.UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def package(trainer):
    return services.h5p_package_create(uploaded_file=packages.upload(packages.quiz_package()), by=trainer)


@pytest.fixture
def course_page(db):
    return factories.course()


def h5p_steps(package, required=True, pass_threshold=60):
    return [(H5P_STEP_TYPE, {"package": package, "required": required, "pass_threshold": pass_threshold})]


@pytest.fixture
def lesson_page(course_page, package):
    return factories.lesson(course_page, steps=h5p_steps(package), title="Une adresse", slug="adresse-h5p")


@pytest.fixture
def learner(db):
    return factories.UserFactory()


@pytest.fixture
def enrolled(learner, course_page):
    Enrolment.objects.create(learner=learner, course=course_page)
    return learner


def step_id(lesson):
    return str(next(step.id for step in lesson.steps if step.block_type == H5P_STEP_TYPE))

@pytest.fixture(autouse=True)
def _messages_in_english():
    """Messages are checked by their English text (the msgids); the French catalogue translates
    them, and tests/lms checks that French is what learners see by default."""
    from django.utils import translation

    with translation.override("en"):
        yield
