"""A realistic centre made at random, for benchmarks and demos: learners in cohorts, a catalogue of short
lessons, progress and answers spread over two years (some learners struggling, some inactive, a few
locked out), certificates, outcomes and consented demographics. Rows are written in bulk.

Community sessions are left out until the ``community`` app is merged."""

import random
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from accounts.models import AgeBand, DemographicConsent, Gender, LearnerProfile, SignInLock
from centres.constants import Role
from centres.models import Centre, Cohort, Membership
from certification.codes import verification_code_new
from certification.models import Certificate, CertificationLevel
from courses.constants import ProgressStatus
from courses.models import CatalogueIndexPage, CoursePage, LessonPage
from courses.records import Answer, Enrolment, LessonProgress

from .constants import OutcomeKind
from .models import Outcome

FIRST_NAMES = ["Amina", "Yonas", "Fatima", "Ahmad", "Mariam", "Oleksandr", "Aïcha", "Samir", "Nour", "Tigist",
               "Hamid", "Leïla", "Mohammed", "Sara", "Daniel", "Zahra", "Ibrahima", "Olga", "Karim", "Awa"]
LAST_NAMES = ["Diallo", "Tesfaye", "Haidari", "Kovalenko", "Benali", "Traoré", "Mahmoud", "Rahimi", "Sow",
              "Abebe", "Nasser", "Camara", "Petrenko", "Yousef", "Keita"]
LANGUAGES = ["arabe", "dari", "pachto", "tigrinya", "ukrainien", "russe", "peul", "soninké", "anglais", "français"]
LEVELS = ["PCIE Découverte", "PCIE Initiation"]
DAYS = 730
BATCH = 2000
QUESTION = {"image": None, "audio": None, "competence": None, "feedback_correct": "Bravo !",
            "feedback_wrong": "Regarde encore."}


@dataclass
class RandomCentre:
    centre: Centre
    manager: object
    trainer: object
    learners: int
    lessons: int
    progress_rows: int
    answers: int
    certificates: int
    catalogue: list  # (course, lesson) pairs, to share with another random centre


@contextmanager
def dates_as_given(*fields):
    """Let rows written here keep the dates drawn for them (two years of history), not today's."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _field(model, name):
    return model._meta.get_field(name)


# --- The catalogue ------------------------------------------------------------------------------------


def _catalogue():
    locale = Locale.get_default()
    catalogue = CatalogueIndexPage.objects.filter(depth=2, locale=locale).first()
    if catalogue is None:
        catalogue = CatalogueIndexPage(title="Catalogue", slug="catalogue", locale=locale)
        Page.get_first_root_node().add_child(instance=catalogue)
        catalogue.save_revision().publish()
    return catalogue


def _lesson_steps(number):
    choice = lambda text, ok: {"text": text, "image": None, "is_correct": ok}  # noqa: E731
    return [
        ("tip", {"kind": "tip", "text": f"<p>Leçon {number} : regarde bien.</p>", "image": None, "audio": None}),
        ("single_choice", {**QUESTION, "prompt": f"<p>Question A de la leçon {number} ?</p>",
                           "choices": [choice("Oui", True), choice("Non", False)]}),
        ("true_false", {**QUESTION, "prompt": f"<p>Question B de la leçon {number}.</p>", "is_true": True}),
    ]


def catalogue_build(*, lessons, tag):
    """Courses of up to eight lessons each, ``lessons`` in all, published under the French catalogue."""
    catalogue = _catalogue()
    built = []
    for course_number in range((lessons + 7) // 8):
        course = CoursePage(title=f"Parcours {course_number + 1} ({tag})", slug=f"parcours-{tag}-{course_number + 1}",
                            summary="Un parcours fait au hasard.", locale=catalogue.locale)
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        for number in range(course_number * 8, min(lessons, course_number * 8 + 8)):
            lesson = LessonPage(title=f"Leçon {number + 1}", slug=f"lecon-{tag}-{number + 1}",
                                steps=_lesson_steps(number + 1), locale=catalogue.locale)
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
            built.append((course, LessonPage.objects.get(pk=lesson.pk)))
    return built


# --- People ----------------------------------------------------------------------------------------------


def _staff(centre, role, tag):
    user = get_user_model().objects.create(username=f"{role}-{tag}", display_name=f"{Role(role).label} {tag}",
                                           password=make_password(None))
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


def _learners(centre, count, rng, tag, now):
    unusable = make_password(None)
    users = get_user_model().objects.bulk_create([
        get_user_model()(username=f"random-{tag}-{i}", password=unusable,
                         display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}",
                         preferred_language=rng.choice(["fr", "fr", "ar", "en"]))
        for i in range(count)
    ], batch_size=BATCH)
    LearnerProfile.objects.bulk_create([
        LearnerProfile(user=u, languages_spoken=", ".join(rng.sample(LANGUAGES, rng.randint(1, 3))))
        for u in users
    ], batch_size=BATCH)
    cohorts = Cohort.objects.bulk_create([
        Cohort(centre=centre, name=f"Groupe {n + 1}") for n in range(max(1, min(50, count // 100)))
    ])
    joined = {u.pk: now - timedelta(days=rng.randint(0, DAYS)) for u in users}
    with dates_as_given(_field(Membership, "created_at")):
        Membership.objects.bulk_create([
            Membership(user=u, centre=centre, role=Role.LEARNER, cohort=rng.choice(cohorts), created_at=joined[u.pk])
            for u in users
        ], batch_size=BATCH)
    return users, joined


# --- Progress ----------------------------------------------------------------------------------------------


def _question_ids(lesson):
    return [item["id"] for item in lesson.steps.raw_data if item["type"] != "tip"]


def _progress_row(learner, lesson, when, rng, *, last):
    """A finished lesson, or the one the learner is on (in progress, or struggling after a failed try)."""
    seconds = rng.randint(120, 1500)
    if not last:
        return LessonProgress(learner=learner, lesson=lesson, lesson_key=lesson.translation_key,
                              status=ProgressStatus.COMPLETED, best_score=rng.choice([1.0, 0.9, 0.8]),
                              time_spent_seconds=seconds, started_at=when, updated_at=when, completed_at=when)
    attempt = rng.choice([1, 1, 2, 3])
    return LessonProgress(learner=learner, lesson=lesson, lesson_key=lesson.translation_key,
                          status=ProgressStatus.IN_PROGRESS, attempt=attempt,
                          best_score=0.5 if attempt > 1 else None, time_spent_seconds=seconds,
                          started_at=when, updated_at=when)


def _answers_of(row, questions, rng):
    answers = []
    for attempt in range(1, row.attempt + 1):
        for step_id in questions:
            right = row.status == ProgressStatus.COMPLETED or rng.random() < 0.5
            answers.append(Answer(learner=row.learner, lesson=row.lesson, lesson_key=row.lesson_key, step_id=step_id,
                                  step_kind="single_choice", attempt=attempt, payload={"choice": 0}, is_correct=right,
                                  client_uuid=uuid.UUID(int=rng.getrandbits(128)), created_at=row.updated_at))
    return answers


def _learner_path(learner, joined, lessons, rng, now):
    """(enrolments, progress rows) of one learner: the courses they follow, lessons in order."""
    courses = sorted({course.pk: course for course, _lesson in lessons}.values(), key=lambda c: c.path)
    followed = rng.sample(courses, rng.randint(0, len(courses)))
    enrolments, rows = [], []
    when = joined
    for course in followed:
        enrolments.append(Enrolment(learner=learner, course=course, course_key=course.translation_key, created_at=when))
        course_lessons = [lesson for c, lesson in lessons if c.pk == course.pk]
        reached = rng.randint(1, len(course_lessons))
        for index, lesson in enumerate(course_lessons[:reached]):
            when = min(now, when + timedelta(hours=rng.randint(1, 24 * 10)))
            rows.append(_progress_row(learner, lesson, when, rng, last=index == reached - 1))
    return enrolments, rows


def progress_build(users, joined, lessons, rng, now):
    questions = {lesson.pk: _question_ids(lesson) for _course, lesson in lessons}
    enrolments, rows, answers = [], [], []
    for user in users:
        user_enrolments, user_rows = _learner_path(user, joined[user.pk], lessons, rng, now)
        enrolments += user_enrolments
        rows += user_rows
    for row in rows:
        answers += _answers_of(row, questions[row.lesson.pk], rng)
    dated = [_field(Enrolment, "created_at"), _field(LessonProgress, "started_at"),
             _field(LessonProgress, "updated_at"), _field(Answer, "created_at")]
    with dates_as_given(*dated):
        Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
        LessonProgress.objects.bulk_create(rows, batch_size=BATCH)
        Answer.objects.bulk_create(answers, batch_size=BATCH)
    return rows, answers


# --- What came of it -------------------------------------------------------------------------------------


def _completed_by_learner(rows):
    done = {}
    for row in rows:
        if row.status == ProgressStatus.COMPLETED:
            done[row.learner_id] = max(done.get(row.learner_id, row.updated_at), row.updated_at)
    return done


def certificates_build(centre, users, rows, rng):
    levels = [CertificationLevel.objects.get_or_create(name=name)[0] for name in LEVELS]
    done = _completed_by_learner(rows)
    certified = [u for u in users if u.pk in done and rng.random() < 0.3]
    return Certificate.objects.bulk_create([
        Certificate(code=verification_code_new(), learner=u, level=(level := rng.choice(levels)),
                    level_name=level.name, holder_name=u.display_name, score=round(rng.uniform(0.7, 1.0), 2),
                    centre=centre, centre_name=centre.name, issued_at=done[u.pk])
        for u in certified
    ], batch_size=BATCH)


def extras_build(centre, users, joined, rng, now, by):
    DemographicConsent.objects.bulk_create([
        DemographicConsent(user=u, gender=rng.choice(Gender.values), age_band=rng.choice(AgeBand.values),
                           consent_given_at=joined[u.pk])
        for u in users if rng.random() < 0.6
    ], batch_size=BATCH)
    Outcome.objects.bulk_create([
        Outcome(learner=u, centre=centre, kind=rng.choice(OutcomeKind.values), recorded_by=by,
                occurred_on=(joined[u.pk] + timedelta(days=rng.randint(0, (now - joined[u.pk]).days))).date())
        for u in users if rng.random() < 0.1
    ], batch_size=BATCH)
    SignInLock.objects.bulk_create([
        SignInLock(user=u, failures=5, locked_until=now + timedelta(minutes=15), last_failure_at=now)
        for u in users if rng.random() < 0.01
    ], batch_size=BATCH)


@transaction.atomic
def random_centre_create(*, learners, lessons, seed=1, name=None, catalogue=None) -> RandomCentre:
    """A centre of ``learners`` learners over ``lessons`` new lessons (or the lessons of ``catalogue``)."""
    rng = random.Random(seed)  # noqa: S311 - made-up data, reproducible from its seed
    now = timezone.now()
    tag = f"{seed}-{uuid.uuid4().hex[:6]}"
    built = catalogue or catalogue_build(lessons=lessons, tag=tag)
    centre = Centre.objects.create(name=name or f"Centre aléatoire {tag}", city="Rennes")
    manager, trainer = _staff(centre, Role.MANAGER, tag), _staff(centre, Role.TRAINER, tag)
    users, joined = _learners(centre, learners, rng, tag, now)
    rows, answers = progress_build(users, joined, built, rng, now)
    certificates = certificates_build(centre, users, rows, rng)
    extras_build(centre, users, joined, rng, now, trainer)
    return RandomCentre(centre=centre, manager=manager, trainer=trainer, learners=len(users), lessons=len(built),
                        progress_rows=len(rows), answers=len(answers), certificates=len(certificates), catalogue=built)
