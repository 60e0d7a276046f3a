"""Nine interface languages (issue 12): French, English, Arabic, Dari, Pashto, Tigrinya, Somali,
Ukrainian, Russian. Content is written in French, English, Arabic, Dari and Ukrainian: under /fa/ a
learner sees the French pages with the Dari interface when no Dari page exists (or when she reads
French first), and every link keeps her under /fa/."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import get_language_bidi, get_language_info

from centres import services as centres_services
from courses import services as courses_services
from tests import factories

NINE = ["fr", "en", "ar", "fa", "ps", "ti", "so", "uk", "ru"]
RIGHT_TO_LEFT = {"ar", "fa", "ps"}
OWN_NAMES = {
    "fr": "Français", "en": "English", "ar": "العربية", "fa": "دری", "ps": "پښتو",
    "ti": "ትግርኛ", "so": "Soomaali", "uk": "Українська", "ru": "Русский",
}
INTERFACE_ONLY = ["fa", "ps", "ti", "so", "uk", "ru"]
LOCALES = Path(settings.BASE_DIR) / "locales"


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def french_url(page):
    with translation.override("fr"):
        return page.url


def under(language, page):
    """A French page's address under another language's prefix."""
    french = french_url(page)
    assert french.startswith("/fr/"), french
    return f"/{language}/{french[len('/fr/'):]}"


def test_the_site_offers_exactly_the_nine_languages_each_named_in_its_own_script():
    assert [code for code, _name in settings.LANGUAGES] == NINE
    assert dict(settings.LANGUAGES) == OWN_NAMES


def test_content_is_written_in_french_english_arabic_dari_and_ukrainian():
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == ["fr", "en", "ar", "fa", "uk"]


@pytest.mark.parametrize("code", NINE)
def test_django_knows_each_language_and_its_direction(code):
    info = get_language_info(code)
    assert info["code"] == code and info["name_local"] and info["bidi"] == (code in RIGHT_TO_LEFT)
    with translation.override(code):
        assert get_language_bidi() == (code in RIGHT_TO_LEFT)


@pytest.mark.django_db
@pytest.mark.parametrize("code", NINE)
def test_pages_carry_the_language_and_its_direction(client, code):
    factories.catalogue("fr")
    html = client.get(url(code, "accounts:login")).content.decode()
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html


def _picker(html):
    start = html.index('<details class="lang-picker"')
    return html[start:html.index("</details>", start)]


@pytest.mark.django_db
def test_the_picker_is_a_speech_bubble_button_opening_the_nine_languages_in_their_own_scripts(client):
    factories.catalogue("fr")
    picker = _picker(client.get(url("fa", "accounts:login")).content.decode())
    summary = picker[:picker.index("</summary>")]
    assert "<svg" in summary and 'aria-label="' in summary  # a pictogram, named for screen readers
    for code in NINE:
        direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
        link = rf'<a href="/{code}/connexion/" lang="{code}" dir="{direction}" hreflang="{code}"[^>]*>'
        assert re.search(link + OWN_NAMES[code] + "</a>", picker), code
    current = re.findall(r'<a [^>]*aria-current="true"[^>]*>([^<]*)</a>', picker)
    assert current == ["دری"]
    assert '<span class="lang-picker__current" lang="fa" dir="rtl">دری</span>' in summary
    assert "<img" not in picker  # no flags


@pytest.fixture
def course_and_lesson():
    course = factories.course()
    return course, factories.lesson(course)


@pytest.mark.django_db
@pytest.mark.parametrize("code", INTERFACE_ONLY)
def test_learner_pages_answer_in_each_interface_only_language_with_french_content(client, code, course_and_lesson):
    course, lesson = course_and_lesson
    learner = factories.learner_in(factories.CentreFactory())
    courses_services.enrolment_create(learner=learner, course=course)
    assert client.get(url(code, "accounts:login")).status_code == 200
    client.force_login(learner)
    for path in ("/" + code + "/", under(code, course), under(code, lesson), url(code, "courses:my_path")):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{code}"' in html, path
    assert course.title in client.get(under(code, course)).content.decode()  # the French content


@pytest.mark.django_db
@pytest.mark.parametrize("code", INTERFACE_ONLY)
def test_the_tablet_tiles_answer_in_each_interface_only_language(client, code):
    factories.catalogue("fr")
    _device, cookie = centres_services.device_enrol(centre=factories.CentreFactory(), name="Tablette 1", by=None)
    client.cookies[centres_services.DEVICE_COOKIE] = cookie
    response = client.get(url(code, "centres:tiles"))
    assert response.status_code == 200 and f'<html lang="{code}"' in response.content.decode()


@pytest.mark.django_db
def test_links_on_a_french_page_shown_in_dari_stay_in_dari(client, course_and_lesson):
    course, lesson = course_and_lesson
    learner = factories.learner_in(factories.CentreFactory())
    courses_services.enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    catalogue_html = client.get("/fa/").content.decode()
    assert f'href="{under("fa", course)}"' in catalogue_html
    assert f'href="{french_url(course)}"' not in catalogue_html  # not back to the French interface
    course_html = client.get(under("fa", course)).content.decode()
    assert under("fa", lesson) in course_html


@pytest.mark.django_db
def test_the_picker_on_a_french_page_offers_it_under_each_prefix_and_the_arabic_translation(client, course_and_lesson):
    course, _lesson = course_and_lesson
    arabic = factories.Locale.objects.get_or_create(language_code="ar")[0]
    course.get_parent().copy_for_translation(arabic).save_revision().publish()
    ar_course = course.copy_for_translation(arabic)
    ar_course.save_revision().publish()
    client.force_login(factories.learner_in(factories.CentreFactory()))
    for shown_in in ("fr", "fa"):  # the same links whatever the language of the page
        picker = _picker(client.get(under(shown_in, course)).content.decode())
        assert f'href="{french_url(course)}" lang="fr"' in picker
        with translation.override("ar"):
            assert f'href="{ar_course.url}" lang="ar"' in picker
        for code in INTERFACE_ONLY:
            assert f'href="{under(code, course)}" lang="{code}"' in picker


def _catalogue_header(code):
    lines = (LOCALES / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8").splitlines()
    return [line for line in lines[: lines.index('msgid ""')] if line.startswith("#")]


@pytest.mark.parametrize("code", [code for code in NINE if (LOCALES / code / "LC_MESSAGES" / "django.po").exists()])
def test_each_catalogue_says_how_it_was_made(code):
    """A centre must know which translations to get reviewed: the header of each catalogue says how
    it was made (languages whose catalogue is not written yet fall back to the English msgids)."""
    assert any(line.startswith("# How made:") for line in _catalogue_header(code)), code


def test_the_readme_lists_how_each_interface_language_was_made():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Interface languages")
    end = readme.find("\n## ", start + 1)
    section = readme[start:end if end != -1 else None]
    for code in NINE:
        assert re.search(rf"^\| `{code}` \| {re.escape(OWN_NAMES[code])} \|", section, re.MULTILINE), code


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/xx/connexion/", "/ps/nowhere/", "/fa/emails/nowhere/"])
def test_a_language_the_site_does_not_offer_or_a_missing_page_under_a_new_one_is_not_found(client, path):
    factories.course()
    response = client.get(path, follow=True)
    assert response.status_code == 404, response.redirect_chain


@pytest.mark.django_db
def test_an_arabic_page_keeps_its_own_address_under_an_interface_only_language(client):
    """Only the default language's pages move under /fa/: an Arabic page is served under /ar/ only."""
    course = factories.course()
    arabic = factories.Locale.objects.get_or_create(language_code="ar")[0]
    course.get_parent().copy_for_translation(arabic).save_revision().publish()
    ar_course = course.copy_for_translation(arabic)
    ar_course.save_revision().publish()
    with translation.override("fa"):
        assert ar_course.url.startswith("/ar/")
        assert course.url == under("fa", course)


@pytest.mark.django_db
def test_under_dari_the_french_courses_and_lessons_say_they_are_in_french(client, course_and_lesson):
    """The course cards carry lang="fr" and the « In French » badge; the lesson's Listen button
    speaks French, the language of the steps, not Dari."""
    course, lesson = course_and_lesson
    learner = factories.learner_in(factories.CentreFactory())
    courses_services.enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    with translation.override("fa"):
        badge = translation.gettext("In French")
    for path in ("/fa/", url("fa", "courses:my_path")):
        html = client.get(path).content.decode()
        assert f'<h2 class="course-card__title" lang="fr" dir="auto">{course.title}</h2>' in html, path
        assert f'<p class="badge">{badge}</p>' in html, path
    assert 'data-lang="fr"' in client.get(under("fa", lesson)).content.decode()
    french_html = client.get("/fr/").content.decode()
    assert 'class="course-card__title">' in french_html and '<p class="badge">' not in french_html


@pytest.mark.django_db
def test_a_french_course_on_the_arabic_path_keeps_its_own_language_and_direction(client, course_and_lesson):
    """« Mon parcours » in Arabic, a French course: its title and the next lesson's name are marked
    French and isolated, so « Repérer une arnaque. » does not come out as « .Repérer une arnaque »."""
    course, lesson = course_and_lesson
    learner = factories.learner_in(factories.CentreFactory())
    courses_services.enrolment_create(learner=learner, course=course)
    client.force_login(learner)
    html = client.get(url("ar", "courses:my_path")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<h2 class="course-card__title" lang="fr" dir="auto">{course.title}</h2>' in html
    assert f'<bdi lang="fr">{escape(lesson.title)}</bdi>' in html
