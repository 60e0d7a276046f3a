"""Certification test data: levels, question banks with known answers, sessions and candidates."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from centres.constants import Role
from centres.models import Membership
from certification import services
from certification.constants import CandidateStatus
from certification.models import CertificationLevel, LevelCompetence, LevelLesson, QuestionBank
from tests import factories

QUESTION = {"image": None, "audio": None, "competence": None,
            "feedback_correct": "Bravo !", "feedback_wrong": "Non."}


def _choice(text, ok):
    return {"text": text, "image": None, "is_correct": ok}


def bank_questions(count, tag=""):
    """``count`` questions of several kinds; the right answer is always the first choice, True, the
    items as given, or « oui »."""
    kinds = [
        ("single_choice", lambda i: {**QUESTION, "prompt": f"<p>Question {tag}{i}</p>",
                                     "choices": [_choice(f"juste {tag}{i}", True), _choice(f"faux {tag}{i}", False)]}),
        ("true_false", lambda i: {**QUESTION, "prompt": f"<p>Vrai ? {tag}{i}</p>", "is_true": True}),
        ("ordering", lambda i: {**QUESTION, "prompt": f"<p>Ordre {tag}{i}</p>", "items": ["un", "deux", "trois"]}),
        ("typed_answer", lambda i: {**QUESTION, "prompt": f"<p>Écris oui {tag}{i}</p>", "accepted_answers": ["oui"],
                                    "ignore_case": True, "ignore_accents": True, "input_mode": "text"}),
    ]
    return [(kinds[i % len(kinds)][0], kinds[i % len(kinds)][1](i)) for i in range(count)]


def question_bank(competence, count=9, language="fr", name=None, translation_of=None):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    bank = QuestionBank(name=name or f"Banque {competence.code} {language}", competence=competence, locale=locale,
                        questions=bank_questions(count, tag=language))
    if translation_of is not None:
        bank.translation_key = translation_of.translation_key
    bank.save()
    return bank


def level(draws=None, lessons=(), name="Niveau 1 — Premiers pas", duration=30, pass_mark=75,
          competence_pass_mark=50, retake_delay_days=7, banks=True):
    """A level drawing ``draws`` questions per competence code ({"COM": 3, "SEC": 3} by default)."""
    draws = draws or {"COM": 3, "SEC": 3}
    made = CertificationLevel.objects.create(
        name=name, duration_minutes=duration, pass_mark=pass_mark,
        competence_pass_mark=competence_pass_mark, retake_delay_days=retake_delay_days,
    )
    for order, (code, drawn) in enumerate(draws.items()):
        competence = factories.competence(code)
        LevelCompetence.objects.create(level=made, competence=competence, questions_drawn=drawn, sort_order=order)
        if banks:
            question_bank(competence, count=3 * drawn)
    for lesson in lessons:
        LevelLesson.objects.create(level=made, lesson=lesson)
    return made


def staff(centre, role=Role.TRAINER, **kwargs):
    user = factories.UserFactory(**kwargs)
    Membership.objects.create(user=user, centre=centre, role=role)
    return user


def session(centre, level, supervisor=None, opens_in=timedelta(minutes=-5), lasts=timedelta(hours=2)):
    supervisor = supervisor or staff(centre)
    opens_at = timezone.now() + opens_in
    return services.exam_session_open(centre=centre, level=level, supervisor=supervisor, room="Salle 2",
                                      opens_at=opens_at, closes_at=opens_at + lasts)


def admitted(session, learner, **adaptations):
    candidate = services.candidate_join(learner=learner, code=session.access_code)
    if adaptations:
        services.candidate_adaptations_set(candidate=candidate, by=session.supervisor, **{
            "extra_time_percent": 0, "read_aloud": False, "large_text": False, **adaptations})
    services.candidate_admit(candidate=candidate, by=session.supervisor)
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ADMITTED
    return candidate


def _items(raw_list):
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list]


def _ids(raw_list):
    return [item["id"] for item in raw_list]


def right_payload(question):
    """The right answer to a frozen question of ``bank_questions``, as a tablet sends it."""
    value, kind = question["value"], question["type"]
    if kind == "single_choice":
        return {"choice": next(c["id"] for c in value["choices"] if c["value"]["is_correct"])}
    if kind == "true_false":
        return {"value": True}
    if kind == "ordering":
        return {"order": _ids(value["items"])}
    return {"text": " Oui "}


def wrong_payload(question):
    value, kind = question["value"], question["type"]
    if kind == "single_choice":
        return {"choice": next(c["id"] for c in value["choices"] if not c["value"]["is_correct"])}
    if kind == "true_false":
        return {"value": False}
    if kind == "ordering":
        return {"order": list(reversed(_ids(value["items"])))}
    return {"text": "non"}
