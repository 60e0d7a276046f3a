"""Install (or bring up to date) the demo's certification levels and question banks. Safe to run
again: levels are found by name, banks by competence and language."""

from django.db import transaction
from wagtail.models import Locale

from courses.models import Competence, LessonPage

from ..models import CertificationLevel, LevelCompetence, LevelLesson, QuestionBank
from .content import BANKS, FEEDBACK, LEVELS


def _question(kind, language, *args):
    right, wrong = FEEDBACK[language]
    base = {"prompt": f"<p>{args[0]}</p>", "image": None, "audio": None, "competence": None,
            "feedback_correct": right, "feedback_wrong": wrong}
    if kind == "tf":
        return "true_false", base | {"is_true": args[1]}
    if kind == "sc":
        choices = [{"text": text, "image": None, "is_correct": i == args[2]} for i, text in enumerate(args[1])]
        return "single_choice", base | {"choices": choices}
    if kind == "order":
        return "ordering", base | {"items": list(args[1])}
    return "typed_answer", base | {"accepted_answers": list(args[1]), "ignore_case": True,
                                   "ignore_accents": True, "input_mode": "text"}


def _bank_ensure(competence, language, questions, source=None):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    bank = QuestionBank.objects.filter(competence=competence, locale=locale).first() or QuestionBank(
        competence=competence, locale=locale)
    if source is not None:
        bank.translation_key = source.translation_key
    bank.name = f"{competence.code} — {competence.name}"
    bank.questions = [_question(kind, language, *args) for kind, *args in questions]
    bank.save()
    return bank


def banks_ensure():
    banks = []
    for code, by_language in BANKS.items():
        competence = Competence.objects.get(code=code)
        source = _bank_ensure(competence, "fr", by_language["fr"])
        banks.append(source)
        banks += [_bank_ensure(competence, lang, qs, source) for lang, qs in by_language.items() if lang != "fr"]
    return banks


def _lessons(slugs):
    lessons = LessonPage.objects.filter(slug__in=slugs, locale=Locale.get_default())
    return {lesson.slug: lesson for lesson in lessons}


def level_ensure(data):
    level, _created = CertificationLevel.objects.update_or_create(name=data["name"], defaults={
        "rank": data["rank"], "duration_minutes": data["duration"], "description": data["description"],
        "pass_mark": 75, "competence_pass_mark": 50, "retake_delay_days": 7,
    })
    level.competences.all().delete()
    for order, (code, drawn) in enumerate(data["draws"].items()):
        LevelCompetence.objects.create(level=level, competence=Competence.objects.get(code=code),
                                       questions_drawn=drawn, sort_order=order)
    level.lessons.all().delete()
    found = _lessons(data["lessons"])
    for order, slug in enumerate(data["lessons"]):
        if slug in found:
            LevelLesson.objects.create(level=level, lesson=found[slug], sort_order=order)
    return level


def certification_demo_load():
    """The three demo levels and their banks; returns (levels, banks)."""
    with transaction.atomic():
        banks = banks_ensure()
        levels = [level_ensure(data) for data in LEVELS]
    return levels, banks
