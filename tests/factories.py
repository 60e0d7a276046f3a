"""Factories for the test suite: users, centres and a small published course tree."""

import io
import random

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from accounts.models import User
from centres.constants import Role
from centres.models import Centre, Membership
from courses.models import CatalogueIndexPage, Competence, CoursePage, LessonPage

PASSWORD = "correct-horse-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"Learner {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    name = factory.Sequence(lambda n: f"Centre {n}")
    city = "Paris"


def learner_in(centre, **kwargs):
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, centre=centre, role=Role.LEARNER)
    return user


def make_image(title="image", size=(160, 120), seed=0):
    """A small real PNG image, distinct per seed."""
    rng = random.Random(seed)
    img = PILImage.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    for _ in range(20):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        img.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (x, y, x + 20, y + 20))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}-{seed}.png")
    )


def catalogue(locale_code="fr"):
    """The catalogue root of a language, set as the site root for the default language."""
    locale, _ = Locale.objects.get_or_create(language_code=locale_code)
    existing = CatalogueIndexPage.objects.filter(locale=locale).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    page = CatalogueIndexPage(title="Catalogue", slug=f"catalogue-{locale_code}", locale=locale)
    root.add_child(instance=page)
    if locale_code == "fr":
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": page, "hostname": "localhost"})
    return page


def competence(code="COM"):
    return Competence.objects.get_or_create(code=code, defaults={"domain": "Communiquer", "name": code})[0]


def course(parent=None, title="Les e-mails", slug="emails"):
    parent = parent or catalogue()
    page = CoursePage(title=title, slug=slug, summary="Envoyer et lire des e-mails.", cover=make_image("cover"))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def zone(x=0.5, y=0.5, w=0.2, h=0.2):
    return [{"x": x, "y": y, "w": w, "h": h}]


def every_kind_steps(image=None):
    """One step of every kind, with known right answers (see RIGHT_ANSWERS in the tests)."""
    image = image or make_image("step")
    choice = lambda text, ok: {"text": text, "image": None, "is_correct": ok}  # noqa: E731
    question = {"image": None, "audio": None, "competence": None,
                "feedback_correct": "Bravo !", "feedback_wrong": "Regarde bien le @."}
    return [
        ("image", {"image": image, "text": "<p>Une adresse a un <b>@</b>.</p>", "audio": None}),
        ("tip", {"kind": "tip", "text": "<p>Le @ est sur le clavier.</p>", "image": None, "audio": None}),
        ("hotspot", {"image": image, "instruction": "<p>Touche le bouton.</p>", "zones": zone(),
                     "feedback_correct": "Oui !", "feedback_wrong": "Non, à droite.", "audio": None}),
        ("single_choice", {**question, "prompt": "<p>Quelle adresse est juste ?</p>",
                           "choices": [choice("amina.diallo@exemple.fr", True),
                                       choice("amina.diallo.exemple.fr", False)]}),
        ("multiple_choice", {**question, "prompt": "<p>Quels signes d'arnaque ?</p>",
                             "choices": [choice("Urgence", True), choice("Lien bizarre", True),
                                         choice("Bonjour", False)]}),
        ("true_false", {**question, "prompt": "<p>Une adresse e-mail a toujours un @.</p>", "is_true": True}),
        ("ordering", {**question, "prompt": "<p>Mets dans l'ordre.</p>", "items": ["prenom.nom", "@", "exemple.fr"]}),
        ("typed_answer", {**question, "prompt": "<p>Écris : Amina@exemple.fr</p>",
                          "accepted_answers": ["amina@exemple.fr"], "ignore_case": True,
                          "ignore_accents": True, "input_mode": "email"}),
        ("hotspot_question", {**question, "prompt": "<p>Touche « Répondre ».</p>", "image": image, "zones": zone()}),
    ]


def lesson(course_page, steps=None, title="C'est quoi une adresse e-mail ?", slug="adresse", pass_mark=80):
    page = LessonPage(title=title, slug=slug, pass_mark=pass_mark, steps=steps or every_kind_steps())
    course_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
