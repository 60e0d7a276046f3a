"""Item 5 of issue 14: a trainer who opens a lesson and leaves it (or saves it) without changing
anything finds it as it was: no new revision, not « Publiée + brouillon »."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images.blocks import ImageBlock
from wagtail.test.utils.form_data import nested_form_data

from courses.blocks import LessonStepsBlock
from courses.models import LessonPage
from tests import factories
from tests.courses.test_admin import add_url, every_kind_of_step, lesson_data, question


def block_form_data(block, value):
    """A block's value as the editor's JavaScript posts it back when nothing was touched."""
    if isinstance(block, blocks.StreamBlock):
        data = {
            str(i): {"type": child.block_type, "value": block_form_data(child.block, child.value),
                     "id": child.id, "deleted": "", "order": str(i)}
            for i, child in enumerate(value)
        }
        return {**data, "count": str(len(value))}
    if isinstance(block, blocks.ListBlock):
        data = {
            str(i): {"value": block_form_data(block.child_block, child.value), "id": child.id,
                     "deleted": "", "order": str(i)}
            for i, child in enumerate(value.bound_blocks)
        }
        return {**data, "count": str(len(value.bound_blocks))}
    if isinstance(block, ImageBlock):  # its value is the image, carrying this use's alt text
        return {"image": "" if value is None else str(value.pk), "alt_text": value and value.contextual_alt_text or "",
                "decorative": "on" if value and value.decorative else ""}
    if isinstance(block, blocks.StructBlock):
        return {name: block_form_data(child, value[name]) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ChooserBlock):
        return "" if value is None else str(value.pk)
    form_value = block.value_for_form(value)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if form_value else ""
    widget = block.field.widget
    formatted = widget.format_value(form_value)
    if isinstance(formatted, list):  # a select's chosen options
        formatted = formatted[0] if formatted else ""
    return "" if formatted is None else str(formatted)


def unchanged_post(form):
    """The edit form posted back as the page opened: every field's initial value."""
    data = {}
    for name, field in form.fields.items():
        initial = form.get_initial_for_field(field, name)
        if name == "steps":
            data[name] = block_form_data(field.block, initial)
        elif initial in (None, False):
            continue
        elif initial is True:
            data[name] = "on"
        elif hasattr(initial, "pk"):
            data[name] = str(initial.pk)
        else:
            formatted = field.widget.format_value(initial)
            data[name] = "" if formatted is None else str(formatted)
    for prefix, formset in form.formsets.items():
        management = formset.management_form
        for name in management.fields:
            data[f"{prefix}-{name}"] = str(management.initial.get(name, management[name].value()) or 0)
    return nested_form_data(data)


@pytest.fixture
def admin_client(client, db):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def published_lesson(admin_client, course_page):
    """A lesson with every kind of step, made and published in the admin as a trainer makes it."""
    image = factories.make_image("capture", size=(400, 300))
    video = get_document_model().objects.create(title="Clip", file=ContentFile(b"not really a video", name="clip.mp4"))
    data = {**lesson_data(every_kind_of_step(image, video)), "action-publish": "publish"}
    response = admin_client.post(add_url(LessonPage, course_page), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return LessonPage.objects.get(slug="lire")


def _post_unchanged(client, page, **extra):
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**unchanged_post(client.get(edit).context["form"]), **extra}
    response = client.post(edit, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    page.refresh_from_db()
    return data


def test_saving_an_untouched_lesson_makes_no_revision(admin_client, published_lesson):
    """Opened and saved as a draft with nothing changed: still « Published », not « Published + draft »."""
    before = published_lesson.revisions.count()
    _post_unchanged(admin_client, published_lesson)
    assert published_lesson.revisions.count() == before
    assert published_lesson.live and not published_lesson.has_unpublished_changes


def test_saving_an_untouched_draft_makes_no_revision(admin_client, course_page):
    data = lesson_data([("true_false", question("<p>Un @ ?</p>", is_true="on"))], slug="brouillon")
    assert admin_client.post(add_url(LessonPage, course_page), data).status_code == 302
    lesson = LessonPage.objects.get(slug="brouillon")
    before = lesson.revisions.count()
    _post_unchanged(admin_client, lesson)
    assert lesson.revisions.count() == before and not lesson.live


def test_a_real_change_still_makes_a_revision(admin_client, published_lesson):
    before = published_lesson.revisions.count()
    _post_unchanged(admin_client, published_lesson, summary="Lire et trier ses e-mails.")
    assert published_lesson.revisions.count() == before + 1 and published_lesson.has_unpublished_changes
    assert published_lesson.get_latest_revision_as_object().summary == "Lire et trier ses e-mails."


def test_publishing_an_untouched_lesson_keeps_it_published(admin_client, published_lesson):
    _post_unchanged(admin_client, published_lesson, **{"action-publish": "publish"})
    assert published_lesson.live and not published_lesson.has_unpublished_changes
    assert published_lesson.live_revision == published_lesson.latest_revision


def test_untouched_zones_go_back_byte_for_byte():
    """The zone editor's hidden input holds what its script would write (JSON.stringify: no spaces,
    x y w h, 1 not 1.0), so a value nobody touched is posted back as it came."""
    block = LessonStepsBlock().child_blocks["hotspot"].child_blocks["zones"]
    stored = [{"w": 0.3, "h": 0.25, "x": 0.1, "y": 0.0}, {"x": 0.6, "y": 0.6, "w": 0.2, "h": 0.1}]
    shown = block.get_form_state(stored)
    assert shown == '[{"x":0.1,"y":0,"w":0.3,"h":0.25},{"x":0.6,"y":0.6,"w":0.2,"h":0.1}]'
    assert block.get_form_state(block.value_from_form(shown)) == shown
