"""Trainers translate the catalogue with wagtail-localize (issue 14, item 3): per role, who may open
« Traduire » and « Mettre à jour les traductions » and the report « Traductions des cours »; a page
outside the catalogues, or into a language whose catalogue is missing, is refused and nothing is made;
a translation keeps the steps, choices and zones of its source; after an edit of the French the
translation is reported behind, its translator is told in the editor and offered the update, and the
update keeps every string already translated."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import resolve, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from centres.constants import Role
from centres.models import Membership
from courses import translations
from courses.models import CatalogueIndexPage, CoursePage, LessonPage
from courses.translations import TranslationState
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ("learner", "referent", "trainer", "manager_elsewhere", "anonymous")
# The catalogue is every centre's: a manager of any centre writes it, and so translates it.
TRANSLATORS = {"trainer", "manager_elsewhere"}
ARABIC = "نص بالعربية"
ROLE_OF = {"learner": Role.LEARNER, "referent": Role.REFERENT, "trainer": Role.TRAINER,
           "manager_elsewhere": Role.MANAGER}


def person(role):
    """Someone in ``role`` (a manager of a centre other than the trainer's, say), with only that membership."""
    if role == "anonymous":
        return None
    centre = factories.CentreFactory(name="Centre Brest" if role == "manager_elsewhere" else "Centre Arles")
    user = factories.UserFactory(display_name=f"{role} test")
    if role == "referent":
        Membership.objects.create(user=user, centre=centre, role=Role.LEARNER)
    Membership.objects.create(user=user, centre=centre, role=ROLE_OF[role])
    return user


def signed_in(client, user):
    if user is not None:
        client.force_login(user)
    return client


def is_refused(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/login/", "/admin/")


@pytest.fixture
def arabic():
    return Locale.objects.get_or_create(language_code="ar")[0]


@pytest.fixture
def lesson(arabic):
    """A French lesson of every kind of step, in a course already translated into Arabic (as its
    catalogue): the lesson is what is left to translate."""
    course = factories.course()
    french_lesson = factories.lesson(course)
    for page in (course.get_parent(), course):
        translated = page.specific.copy_for_translation(arabic)
        translated.save_revision().publish()
    return LessonPage.objects.get(pk=french_lesson.pk)


def submit(client, page, locale):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]})


def arabic_of(page, arabic):
    return type(page.specific).objects.filter(translation_key=page.translation_key, locale=arabic).first()


def translate_every_string(page, locale, text=ARABIC):
    """The translator fills every string the editor shows (as its « save » does), then publishes."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)
    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id, locale=locale, context_id=segment.context_id,
            defaults={"data": text},
        )
    translation.save_target(publish=True)
    return translation


def edit_the_french(lesson, text="<p>Une adresse a toujours un <b>@</b>.</p>"):
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.steps[0].value["text"] = lesson.steps[0].block.child_blocks["text"].to_python(text)
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def state_of(user, page, code="ar"):
    (row,) = [row for row in translations.translation_rows(user=user) if row.page.pk == page.pk]
    (language,) = [language for language in row.languages if language.locale.language_code == code]
    return language


# --- The screens are wagtail-localize's, with page permissions ---------------------------------------


def test_the_translate_and_update_addresses_are_served_with_page_permissions():
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[1])
    assert resolve(submit_url).url_name == "courses_translation_submit"
    assert resolve(reverse("wagtail_localize:update_translations", args=[1])).url_name == "courses_translation_update"


def test_trainers_and_managers_groups_may_submit_translations():
    permission = Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation")
    for name in ("Editors", "Moderators"):
        assert permission in Group.objects.get(name=name).permissions.all()


def test_the_migration_goes_back_and_forth():
    """0011 undone takes the permission from both groups (found by ids, not by comparing content types
    of two migration states), and done again gives it back."""
    migration = importlib.import_module("courses.migrations.0011_translating_with_page_rights")
    editors = Group.objects.get(name="Editors")
    migration.revoke(apps, None)
    assert not editors.permissions.filter(codename="submit_translation").exists()
    migration.grant(apps, None)
    assert editors.permissions.filter(codename="submit_translation").exists()


# --- Who translates --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_translates_a_lesson_into_arabic(client, lesson, arabic, role):
    user = person(role)
    signed_in(client, user)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[lesson.pk]))
    response = submit(client, lesson, arabic)
    translated = arabic_of(lesson, arabic)
    if role in TRANSLATORS:
        assert form.status_code == 200
        assert response.status_code == 302
        assert translated is not None and not translated.live  # a draft until its translator publishes
        assert translated.slug == lesson.slug
    else:
        assert is_refused(form) and is_refused(response)
        assert translated is None


def test_a_page_outside_the_catalogues_is_refused_and_nothing_is_made(client, arabic):
    page = Page(title="Accueil du site", slug="accueil-du-site")
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    client.force_login(person("trainer"))
    assert is_refused(client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk])))
    assert is_refused(submit(client, page, arabic))
    assert not Page.objects.filter(translation_key=page.translation_key, locale=arabic).exists()


def test_a_language_without_its_catalogue_is_refused_with_a_message(client, lesson):
    english = Locale.objects.create(language_code="en")
    client.force_login(person("trainer"))
    course = lesson.get_parent()
    response = submit(client, course, english)
    assert response.status_code == 200
    assert "Traduisez d’abord" in response.content.decode()
    assert not Page.objects.filter(translation_key=course.translation_key, locale=english).exists()


def test_a_translation_keeps_the_steps_choices_images_and_zones(client, lesson, arabic):
    client.force_login(person("trainer"))
    submit(client, lesson, arabic)
    translate_every_string(lesson, arabic)
    french, translated = lesson.steps, arabic_of(lesson, arabic).steps
    assert [(s.id, s.block_type) for s in translated] == [(s.id, s.block_type) for s in french]
    for kind in ("hotspot", "hotspot_question"):
        (source,) = [s for s in french if s.block_type == kind]
        (copy,) = [s for s in translated if s.block_type == kind]
        assert copy.value["zones"] == source.value["zones"]
        assert copy.value["image"] == source.value["image"]
        assert ARABIC in str(copy.value.get("instruction") or copy.value.get("prompt"))
    (choices,) = [s for s in translated if s.block_type == "single_choice"]
    assert [c["is_correct"] for c in choices.value["choices"]] == [True, False]
    assert [c["text"] for c in choices.value["choices"]] == [ARABIC, ARABIC]


# --- The report ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_translations_report(client, lesson, role):
    signed_in(client, person(role))
    response = client.get(reverse("courses_translations_report"))
    if role in TRANSLATORS:
        assert response.status_code == 200
        page = response.content.decode()
        assert "Traductions des cours" in page and f'data-page="{lesson.pk}"' in page
    else:
        assert is_refused(response)


def test_the_report_lists_only_what_the_person_may_edit(lesson):
    outside = CoursePage(title="Cours hors catalogue", slug="hors", summary="…")
    Page.get_first_root_node().add_child(instance=outside)
    titles = [row.page.title for row in translations.translation_rows(user=person("trainer"))]
    assert lesson.title in titles and "Les e-mails" in titles and "Cours hors catalogue" not in titles
    assert translations.translation_rows(user=person("learner")) == []


def test_a_translation_falls_behind_after_an_edit_of_the_french(client, lesson, arabic):
    trainer = person("trainer")
    client.force_login(trainer)
    assert state_of(trainer, lesson).state == TranslationState.MISSING
    submit(client, lesson, arabic)
    assert state_of(trainer, lesson).state == TranslationState.UNFINISHED
    translate_every_string(lesson, arabic)
    assert state_of(trainer, lesson).state == TranslationState.UP_TO_DATE

    edit_the_french(lesson)
    assert state_of(trainer, lesson).state == TranslationState.BEHIND
    response = client.get(reverse("courses_translations_report") + "?retard=1")
    assert f'data-page="{lesson.pk}"' in response.content.decode()
    assert f'data-page="{lesson.get_parent().pk}"' not in response.content.decode()  # the course is not behind
    assert "En retard sur le français" in response.content.decode()


def test_a_copied_translation_falls_behind_when_the_french_is_published_after_it(lesson):
    trainer = person("trainer")
    course = lesson.get_parent().specific
    assert state_of(trainer, course).state == TranslationState.UP_TO_DATE
    course.summary = "Un nouveau résumé."
    course.save_revision().publish()
    assert state_of(trainer, course).state == TranslationState.BEHIND


# --- Translating a lesson whose French changed since: told, offered the update, nothing lost ------------


@pytest.fixture
def behind(client, lesson, arabic):
    """An Arabic translation, fully translated and published, of a French lesson edited since."""
    client.force_login(person("trainer"))
    submit(client, lesson, arabic)
    translate_every_string(lesson, arabic)
    return edit_the_french(lesson), arabic_of(lesson, arabic)


def test_the_translator_is_told_the_french_changed_and_offered_the_update(client, behind):
    french, translated = behind
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "La page en français a changé" in page
    source = Translation.objects.get(target_locale=translated.locale, source__object_id=french.translation_key).source
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in page


def test_the_update_keeps_what_was_translated_and_asks_only_for_what_changed(client, behind, arabic):
    french, translated = behind
    source = Translation.objects.get(target_locale=arabic, source__object_id=french.translation_key).source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    language = state_of(person("trainer"), french)
    assert language.state == TranslationState.UNFINISHED and language.left == 1  # the one sentence changed
    # Nothing lost: the published Arabic lesson is as its translator left it.
    live = LessonPage.objects.get(pk=translated.pk)
    assert ARABIC in str(live.steps[0].value["text"])
    assert "toujours" not in str(live.steps[0].value["text"])


@pytest.mark.parametrize("role", ("learner", "referent", "anonymous"))
def test_the_update_is_refused_to_who_may_not_translate(client, behind, arabic, role):
    french, _translated = behind
    source = Translation.objects.get(target_locale=arabic, source__object_id=french.translation_key).source
    synced_at = source.last_updated_at
    client.logout()
    signed_in(client, person(role))
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert is_refused(response)
    source.refresh_from_db()
    assert source.last_updated_at == synced_at


def test_a_new_arabic_catalogue_gets_the_staff_page_permissions(arabic):
    """A catalogue made by translating (wagtail-localize, say) is writable by trainers like the French one."""
    french = factories.catalogue()
    translated = french.copy_for_translation(arabic)
    assert CatalogueIndexPage.objects.get(pk=translated.pk).group_permissions.filter(group__name="Editors").exists()
