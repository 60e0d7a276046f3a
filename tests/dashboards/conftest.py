"""A centre with a course of two lessons, its staff and learners at known places in the lessons."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from centres.constants import Role
from centres.models import Cohort, Membership
from certification.codes import verification_code_new
from certification.models import Certificate, CertificationLevel
from courses.constants import ProgressStatus
from courses.records import Answer, Enrolment, LessonProgress
from tests import factories

QUESTION = {"image": None, "audio": None, "competence": None, "feedback_correct": "Bravo !", "feedback_wrong": "Non."}


def question_steps(prompt):
    choice = lambda text, ok: {"text": text, "image": None, "is_correct": ok}  # noqa: E731
    return [
        ("tip", {"kind": "tip", "text": "<p>Regarde bien.</p>", "image": None, "audio": None}),
        ("single_choice", {**QUESTION, "prompt": f"<p>{prompt}</p>",
                           "choices": [choice("Oui", True), choice("Non", False)]}),
    ]


def staff(centre, role=Role.TRAINER, **fields):
    user = factories.UserFactory(**fields)
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def question_id(lesson):
    return next(item["id"] for item in lesson.steps.raw_data if item["type"] == "single_choice")


def progress(learner, lesson, status=ProgressStatus.IN_PROGRESS, *, attempt=1, best_score=None, seconds=600,
             days_ago=1):
    when = timezone.now() - timedelta(days=days_ago)
    row = LessonProgress.objects.create(
        learner=learner, lesson=lesson, status=status, attempt=attempt, best_score=best_score,
        time_spent_seconds=seconds, completed_at=when if status == ProgressStatus.COMPLETED else None,
    )
    LessonProgress.objects.filter(pk=row.pk).update(updated_at=when, started_at=when)
    return row


def answer(learner, lesson, *, correct, attempt=1):
    return Answer.objects.create(
        learner=learner, lesson=lesson, step_id=question_id(lesson), step_kind="single_choice", attempt=attempt,
        payload={"choice": 0}, is_correct=correct, client_uuid=uuid.uuid4(),
    )


def certificate(learner, centre, level_name="PCIE Découverte", days_ago=3):
    level, _ = CertificationLevel.objects.get_or_create(name=level_name)
    return Certificate.objects.create(
        code=verification_code_new(), learner=learner, level=level, level_name=level.name,
        holder_name=learner.display_name, score=0.9, centre=centre, centre_name=centre.name,
        issued_at=timezone.now() - timedelta(days=days_ago),
    )


@dataclass
class Place:
    centre: object
    other_centre: object
    cohort: object
    course: object
    lessons: list
    trainer: object
    manager: object
    amina: object  # completed lesson 1, certified, struggling on lesson 2
    yonas: object  # in progress on lesson 1, inactive for 30 days
    formula: object  # named =HYPERLINK("http://x"), never started
    stranger: object  # a learner of the other centre


@pytest.fixture
def place(db):
    centre = factories.CentreFactory(name="Centre Soleil")
    other = factories.CentreFactory(name="Centre Lune")
    cohort = Cohort.objects.create(centre=centre, name="Lundi matin")
    course = factories.course()
    lessons = [
        factories.lesson(course, steps=question_steps("Quelle adresse est juste ?"), title="Une adresse",
                         slug="adresse"),
        factories.lesson(course, steps=question_steps("Où est la pièce jointe ?"), title="Pièce jointe",
                         slug="piece-jointe", pass_mark=80),
    ]
    amina = factories.learner_in(centre, display_name="Amina Diallo")
    yonas = factories.learner_in(centre, display_name="Yonas Tesfaye")
    formula = factories.learner_in(centre, display_name='=HYPERLINK("http://x")')
    Membership.objects.filter(user__in=[amina, yonas]).update(cohort=cohort)
    for learner in (amina, yonas):
        Enrolment.objects.create(learner=learner, course=course)
    progress(amina, lessons[0], ProgressStatus.COMPLETED, best_score=1.0, seconds=1800)
    progress(amina, lessons[1], attempt=2, best_score=0.5, seconds=900)
    answer(amina, lessons[1], correct=False)
    answer(amina, lessons[1], correct=False, attempt=2)
    answer(amina, lessons[0], correct=True)
    progress(yonas, lessons[0], seconds=300, days_ago=30)
    answer(yonas, lessons[1], correct=False)
    certificate(amina, centre)
    stranger = factories.learner_in(other, display_name="Rahel Lune")
    return Place(
        centre=centre, other_centre=other, cohort=cohort, course=course, lessons=lessons,
        trainer=staff(centre, Role.TRAINER, display_name="Tom Trainer"),
        manager=staff(centre, Role.MANAGER, display_name="Maud Manager"),
        amina=amina, yonas=yonas, formula=formula, stranger=stranger,
    )


@pytest.fixture(autouse=True)
def _in_english():
    """Pages and files are checked by their English text (the msgids): URLs are reversed under /en/."""
    from django.utils import translation

    with translation.override("en"):
        yield
