"""A trainer builds the catalogue, a course and a lesson with every kind of step in the Wagtail admin,
and the admin refuses what would break a lesson (wrong place in the tree, zones not drawn, a single-choice
question without exactly one right answer)."""

import html
import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CatalogueIndexPage, CoursePage, LessonPage
from tests import factories

STEP_KINDS = [
    "image", "hotspot", "tip", "video", "single_choice", "multiple_choice",
    "true_false", "ordering", "typed_answer", "hotspot_question",
]
ZONE = {"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.25}


@pytest.fixture
def admin_user(db):
    return factories.UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def trainer(db):
    """A trainer as Wagtail sets one up by default: a member of the "Editors" group (admin access,
    add and edit pages, add and choose images and documents)."""
    user = factories.UserFactory(username="trainer")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


@pytest.fixture
def image(db):
    return factories.make_image("capture", size=(400, 300))


@pytest.fixture
def video(db):
    return get_document_model().objects.create(
        title="Présentation", file=ContentFile(b"\x00\x00\x00\x18ftypmp42 not really a video", name="intro.mp4")
    )


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def text(html):
    return rich_text(html, features=["bold"])


def list_block(items):
    """Form data of a ListBlock (its children as Wagtail's editor posts them)."""
    data = {
        str(i): {"value": item, "deleted": "", "order": str(i), "id": f"00000000-0000-4000-8000-00000000000{i}"}
        for i, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def picture(image=None, alt="Une capture d'écran"):
    """Form data of a StepImageBlock: the image chosen and its alt text in the lesson's language."""
    return {"image": image.pk if image else "", "alt_text": alt if image else "", "decorative": ""}


def choice(label, correct):
    return {"text": label, "image": picture(), "is_correct": "on" if correct else ""}


def question(prompt, **fields):
    return {"prompt": text(prompt), "image": picture(), "audio": "", "competence": "",
            "feedback_correct": "Bravo !", "feedback_wrong": "Regarde encore.", **fields}


def hotspot_step(image, zones):
    return ("hotspot", {
        "image": picture(image), "instruction": text("<p>Touche le bouton <b>Écrire</b>.</p>"),
        "zones": zones if isinstance(zones, str) else json.dumps(zones),
        "feedback_correct": "Oui !", "feedback_wrong": "Non, en haut à gauche.", "audio": "",
    })


def single_choice_step(*correct):
    return ("single_choice", question(
        "<p>Quelle adresse est juste ?</p>",
        choices=list_block([choice("amina@exemple.fr", correct[0]), choice("amina.exemple.fr", correct[1])]),
    ))


def every_kind_of_step(image, video):
    return [
        ("image", {"image": picture(image), "text": text("<p>Une adresse a un <b>@</b>.</p>"), "audio": ""}),
        hotspot_step(image, [ZONE]),
        ("tip", {"kind": "warning", "text": text("<p>Ne donne jamais ton mot de passe.</p>"),
                 "image": picture(), "audio": ""}),
        ("video", {"video": video.pk, "poster": image.pk, "caption": text("<p>Regarde.</p>"), "audio": ""}),
        single_choice_step(True, False),
        ("multiple_choice", question(
            "<p>Quels signes d'arnaque ?</p>",
            choices=list_block([choice("Urgence", True), choice("Lien bizarre", True), choice("Bonjour", False)]),
        )),
        ("true_false", question("<p>Une adresse e-mail a toujours un @.</p>", is_true="on")),
        ("ordering", question("<p>Mets dans l'ordre.</p>", items=list_block(["prenom.nom", "@", "exemple.fr"]))),
        ("typed_answer", question(
            "<p>Écris : amina@exemple.fr</p>", accepted_answers=list_block(["amina@exemple.fr"]),
            ignore_case="on", ignore_accents="on", input_mode="email",
        )),
        ("hotspot_question", question("<p>Touche « Répondre ».</p>", image=picture(image),
                                      zones=json.dumps([ZONE, {"x": 0.6, "y": 0.6, "w": 0.2, "h": 0.1}]))),
    ]


def lesson_data(steps, title="Lire ses e-mails", slug="lire"):
    return nested_form_data({
        "title": title, "slug": slug, "summary": "", "estimated_minutes": "10", "pass_mark": "80",
        "steps": streamfield(steps),
    })


def error_messages(error):
    """Every message in a (nested) StreamField error, flattened."""
    found = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    walk(error.as_json_data() if hasattr(error, "as_json_data") else list(error.messages))
    return found


def steps_errors(response):
    assert response.status_code == 200, "the form should be shown again with its errors"
    form = response.context["form"]
    assert "steps" in form.errors, form.errors
    return error_messages(form.errors.as_data()["steps"][0]) + [str(m) for m in form.errors["steps"]]


def shown(message, response):
    """``message`` as the admin showed it: in the language of the response (French by default)."""
    with translation.override(response.get("Content-Language") or settings.LANGUAGE_CODE):
        return translation.gettext(message)


@pytest.fixture
def course_page(db):
    return factories.course()


# ---------------------------------------------------------------- creating every page and step


@pytest.mark.parametrize("who", ["admin_client", "trainer_client"])
def test_trainer_builds_catalogue_course_and_lesson_with_every_kind_of_step(request, who, image, video, admin_user):
    client = request.getfixturevalue(who)
    root = Page.get_first_root_node()
    if who == "trainer_client":
        # Only a superuser may add a page at the root of the tree (Wagtail's rule): the catalogue is set up
        # once by an administrator, trainers build courses and lessons under it.
        client.force_login(admin_user)
    response = client.post(
        add_url(CatalogueIndexPage, root),
        nested_form_data({"title": "Catalogue", "slug": "catalogue", "intro": text("<p>Nos cours</p>"),
                          "action-publish": "publish"}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    catalogue = CatalogueIndexPage.objects.get(slug="catalogue")
    assert catalogue.live and catalogue.get_parent().pk == root.pk

    if who == "trainer_client":
        client.force_login(request.getfixturevalue("trainer"))
    response = client.post(
        add_url(CoursePage, catalogue),
        nested_form_data({"title": "Les e-mails", "slug": "emails", "summary": "Lire et écrire des e-mails.",
                          "cover": image.pk, "level": "beginner", "estimated_minutes": "45"}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    course_page = CoursePage.objects.get(slug="emails")
    assert course_page.get_parent().pk == catalogue.pk and course_page.cover == image

    response = client.post(add_url(LessonPage, course_page), lesson_data(every_kind_of_step(image, video)))
    assert response.status_code == 302, response.context and response.context["form"].errors

    lesson = LessonPage.objects.get(slug="lire").get_latest_revision_as_object()
    assert lesson.get_parent().pk == course_page.pk
    assert [step.block_type for step in lesson.steps] == STEP_KINDS
    steps = {step.block_type: step.value for step in lesson.steps}
    assert steps["image"]["image"].pk == image.pk and "<b>@</b>" in steps["image"]["text"].source
    assert steps["image"]["image"].contextual_alt_text == "Une capture d'écran"  # this use's own alt text
    assert steps["hotspot"]["zones"] == [ZONE] and steps["hotspot"]["image"].pk == image.pk
    assert steps["tip"]["kind"] == "warning"
    assert steps["video"]["video"] == video and steps["video"]["poster"] == image
    assert [(c["text"], c["is_correct"]) for c in steps["single_choice"]["choices"]] == [
        ("amina@exemple.fr", True), ("amina.exemple.fr", False)]
    assert [c["is_correct"] for c in steps["multiple_choice"]["choices"]] == [True, True, False]
    assert steps["true_false"]["is_true"] is True
    assert list(steps["ordering"]["items"]) == ["prenom.nom", "@", "exemple.fr"]
    assert list(steps["typed_answer"]["accepted_answers"]) == ["amina@exemple.fr"]
    assert steps["typed_answer"]["input_mode"] == "email"
    assert len(steps["hotspot_question"]["zones"]) == 2
    # Stored as plain JSON, as the lesson player and the grading read it.
    raw = {step["type"]: step["value"] for step in lesson.steps.raw_data}
    assert raw["hotspot"]["zones"] == [ZONE]


def test_editor_shows_the_zone_editor_with_the_saved_zones(admin_client, course_page, image):
    lesson = factories.lesson(course_page, steps=[hotspot_step_value(image)])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "courses/admin/zone_editor.js" in page and "courses/admin/zone_editor.css" in page
    assert 'data-controller=\\"zone-editor\\"' in page
    assert reverse("courses_zone_image") in page
    # The block state holds the zones JSON-encoded once (the hidden input's value), not twice.
    # (written as the zone editor's script writes it, so an untouched value goes back unchanged).
    assert json.dumps(json.dumps([ZONE], separators=(",", ":")))[1:-1] in page


def hotspot_step_value(image):
    return ("hotspot", {"image": image, "instruction": "<p>Touche.</p>", "zones": [ZONE],
                        "feedback_correct": "Oui", "feedback_wrong": "Non", "audio": None})


# ---------------------------------------------------------------- the page tree


def test_lesson_cannot_be_added_under_the_catalogue(trainer_client, course_page, image, video):
    catalogue = course_page.get_parent().specific
    response = trainer_client.post(add_url(LessonPage, catalogue), lesson_data(every_kind_of_step(image, video)))
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.exists()
    assert not LessonPage.can_create_at(catalogue)
    assert LessonPage.can_create_at(course_page)
    # The "choose a page type" screen under the catalogue offers courses only.
    response = trainer_client.get(reverse("wagtailadmin_pages:add_subpage", args=(catalogue.pk,)))
    assert response.status_code == 302
    assert response.url == add_url(CoursePage, catalogue)


def test_course_cannot_be_added_under_a_course_nor_a_lesson_under_a_lesson(trainer_client, course_page):
    lesson = factories.lesson(course_page)
    response = trainer_client.get(add_url(CoursePage, course_page))
    assert response.status_code in (302, 403)
    response = trainer_client.get(add_url(LessonPage, lesson))
    assert response.status_code in (302, 403)
    assert CoursePage.objects.count() == 1 and LessonPage.objects.count() == 1


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("zones", "message"),
    [
        ([], "Draw at least one target zone on the image."),
        ("", "Draw at least one target zone on the image."),
        ("{not json", "A target zone is damaged; draw it again."),
        ([{"x": 0.1, "y": 0.2}], "A target zone is damaged; draw it again."),
        ([{"x": "left", "y": 0.2, "w": 0.1, "h": 0.1}], "A target zone is damaged; draw it again."),
        ([{"x": 1.5, "y": 0.2, "w": 0.1, "h": 0.1}], "A target zone lies outside the image; draw it again."),
    ],
    ids=["empty-list", "empty-string", "not-json", "missing-keys", "not-a-number", "outside"],
)
def test_hotspot_without_usable_zones_is_refused_and_nothing_saved(trainer_client, course_page, image, zones, message):
    response = trainer_client.post(add_url(LessonPage, course_page), lesson_data([hotspot_step(image, zones)]))
    assert shown(message, response) in steps_errors(response)
    assert not LessonPage.objects.exists()


def test_hotspot_question_without_zones_is_refused(trainer_client, course_page, image):
    step = ("hotspot_question", question("<p>Touche « Répondre ».</p>", image=picture(image), zones="[]"))
    response = trainer_client.post(add_url(LessonPage, course_page), lesson_data([step]))
    assert shown("Draw at least one target zone on the image.", response) in steps_errors(response)
    assert not LessonPage.objects.exists()


@pytest.mark.parametrize("correct", [(False, False), (True, True)], ids=["none-correct", "two-correct"])
def test_single_choice_needs_exactly_one_right_answer(trainer_client, course_page, correct):
    response = trainer_client.post(add_url(LessonPage, course_page), lesson_data([single_choice_step(*correct)]))
    assert shown("Mark exactly one choice as correct.", response) in steps_errors(response)
    assert not LessonPage.objects.exists()


def test_editing_a_lesson_keeps_its_zones_when_they_are_posted_back(admin_client, course_page, image):
    lesson = factories.lesson(course_page, steps=[hotspot_step_value(image)])
    moved = [{"x": 0.5, "y": 0.5, "w": 0.25, "h": 0.2}]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(lesson.pk,)),
        lesson_data([hotspot_step(image, moved)], title=lesson.title, slug=lesson.slug),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    revised = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert revised.steps[0].value["zones"] == moved


# ---------------------------------------------------------------- the zone image preview


def zone_image_url(image_id):
    return f"{reverse('courses_zone_image')}?id={image_id}"


def test_zone_image_preview_refuses_anonymous_users(client, image):
    response = client.get(zone_image_url(image.pk))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url
    assert b"max-800x800" not in response.content


def test_zone_image_preview_refuses_users_without_admin_access(client, image):
    client.force_login(factories.UserFactory())
    response = client.get(zone_image_url(image.pk))
    assert response.status_code in (302, 403)
    assert b"url" not in response.content


def test_zone_image_preview_refuses_an_image_the_user_may_not_choose(client, image):
    user = factories.UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(zone_image_url(image.pk))
    assert response.status_code == 403
    assert "url" not in response.json()


def test_zone_image_preview_gives_a_large_rendition_to_a_trainer(trainer_client, image):
    response = trainer_client.get(zone_image_url(image.pk))
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == image.pk
    assert "max-800x800" in data["url"]
    assert (data["width"], data["height"]) == (400, 300)  # never upscaled


@pytest.mark.parametrize(("query", "status"), [("", 400), ("abc", 400), ("999999", 404)])
def test_zone_image_preview_rejects_a_bad_id(trainer_client, query, status):
    # follow: the i18n middleware first tries a 404 under the language prefix
    response = trainer_client.get(f"{reverse('courses_zone_image')}?id={query}", follow=True)
    assert response.status_code == status
