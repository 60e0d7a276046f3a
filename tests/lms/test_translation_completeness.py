"""Issue 12, « Done when » 1: no interface string left untranslated, in any of the nine languages.

1. Every catalogue: no untranslated or fuzzy entry, python-format placeholders identical between msgid
   and msgstr (tools/catalogue_check.py, shown to catch a deliberately broken catalogue).
2. Every learner page and tablet screen rendered in each language: no visible text (nor aria-label,
   placeholder, alt or title) that is an English msgid whose translation in that language differs, nor
   the French translation of one (Django falls back on French for a msgid missing from a catalogue).
   Content in another language (French lessons under /fa/…) is marked with its own lang and skipped."""

from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts import services as accounts_services
from accounts.constants import SecretKind
from centres import services as centres_services
from courses import services as courses_services
from tests import factories
from tools.catalogue_check import catalogue_problems, placeholders

NINE = [code for code, _name in settings.LANGUAGES]
LOCALES = Path(settings.BASE_DIR) / "locales"
ATTRIBUTES = ("aria-label", "placeholder", "alt", "title")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def catalogue(code):
    return LOCALES / code / "LC_MESSAGES" / "django.po"


# --- 1. The catalogues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", NINE)
def test_each_catalogue_is_complete_with_the_same_placeholders(code):
    assert catalogue_problems(catalogue(code)) == []


BROKEN = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello"
msgstr ""

#, fuzzy
msgid "Goodbye"
msgstr "Au revoir"

#, python-format
msgid "Step %(current)s of %(total)s"
msgstr "Étape %(courant)s sur %(total)s"

#, python-format
msgid "%(count)d pictures"
msgstr "%(count)s images et %(extra)s"

#, python-format
msgid "Score: %(score)s %%"
msgstr "Score : %(score)s %%"
'''


def test_the_checker_catches_a_broken_catalogue(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(BROKEN, encoding="utf-8")
    problems = catalogue_problems(path)
    assert len(problems) == 4, problems
    assert any("'Hello' is not translated" in p for p in problems)
    assert any("'Goodbye' is fuzzy" in p for p in problems)
    assert any("Step %(current)s" in p and "placeholders" in p for p in problems)
    assert any("%(count)d pictures" in p for p in problems)  # an extra placeholder, another type


def test_placeholders_ignore_percent_signs_and_read_named_and_plain_ones():
    assert placeholders("%(score)s %% de %(pass)s %%") == ["%(pass)", "%(score)"]
    assert placeholders("%d sur %s") == ["d", "s"]


# --- 2. The pages ------------------------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a person sees or hears on a page, skipping scripts, styles and any part whose
    ``lang`` is not the page's (content in another language)."""

    def __init__(self, language):
        super().__init__()
        self.language, self.stack, self.chunks = language, [], []

    def _skipped(self):
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        skip = tag in ("script", "style") or (lang is not None and tag != "html" and lang != self.language)
        in_step = "data-step" in attrs or any(tag_ == "step" for tag_, _skip in self.stack)
        if not self._skipped() and not skip:
            # A picture's alt text in a lesson step is the trainer's (content), not the interface's.
            names = [name for name in ATTRIBUTES if not (in_step and name == "alt")]
            self.chunks += [attrs[name].strip() for name in names if attrs.get(name)]
        if "data-step" in attrs and tag not in VOID:
            self.stack.append(("step", skip))
            self.stack.append((tag, False))
            return
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index - 1 if index and self.stack[index - 1][0] == "step" else index:]
                break

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.chunks.append(" ".join(data.split()))


def visible_text(html, language):
    parser = VisibleText(language)
    parser.feed(html)
    return set(parser.chunks)


def untranslated_strings(language):
    """{text: msgid} of what would show if a msgid were left untranslated in ``language``: the English
    msgid, and its French translation (Django's fallback), for msgids that ``language`` translates
    otherwise. Short or shared words (« OK », « E-mail ») are the same in many languages: left out."""
    french = {e.msgid: e.msgstr for e in polib.pofile(str(catalogue("fr"))) if not e.msgid_plural}
    own = {e.msgid: e.msgstr for e in polib.pofile(str(catalogue(language))) if not e.msgid_plural}
    found = {}
    for msgid, text in own.items():
        if "%" in msgid or len(msgid) < 4:
            continue
        for shown in (msgid, french.get(msgid, "")):
            if shown and " ".join(shown.split()) != " ".join(text.split()):
                found[" ".join(shown.split())] = msgid
    return found


def url(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def site(client):
    """A centre's tablet, a learner who started a course of one lesson with every kind of step."""
    centre = factories.CentreFactory(name="Belleville")
    _device, cookie = centres_services.device_enrol(centre=centre, name="Tablette 1", by=None)
    course = factories.course()
    lesson = factories.lesson(course)
    learner = factories.learner_in(centre, display_name="Amina Diallo")
    accounts_services.learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=["cat", "sun", "key"])
    courses_services.enrolment_create(learner=learner, course=course)
    return {"cookie": cookie, "course": course, "lesson": lesson, "learner": learner}


def under(language, page):
    with translation.override(language):
        return page.url


def pages(client, site, language):
    """(name, HTML) of every learner page and tablet screen, in ``language``."""
    client.cookies[centres_services.DEVICE_COOKIE] = site["cookie"]
    seen = [("tiles", client.get(url(language, "centres:tiles"))),
            ("pictures", client.get(url(language, "centres:sign_in_picture", site["learner"].pk))),
            ("PIN", client.get(url(language, "centres:sign_in_pin", site["learner"].pk))),
            ("code sign-in", client.get(url(language, "accounts:home_code"))),
            ("join", client.get(url(language, "centres:join"))),
            ("certificate check", client.get(url(language, "certification:verify"))),
            ("certificate not found", client.get(url(language, "certification:verify_code", "PN-XXXX-XXXX"))),
            ("sign-in", client.get(url(language, "accounts:login"))),
            ("pictogram glossary", client.get(url(language, "courses:glossary")))]
    client.force_login(site["learner"])
    seen += [("home", client.get(f"/{language}/")),
             ("my path, first sign-in", client.get(url(language, "courses:my_path"))),
             ("my languages", client.get(url(language, "accounts:content_languages"))),
             ("course", client.get(under(language, site["course"]))),
             ("lesson player", client.get(under(language, site["lesson"]))),
             ("my data", client.get(url(language, "accounts:my_data"))),
             ("not found", client.get(f"/{language}/nowhere-at-all/"))]
    accounts_services.learner_content_languages_set(user=site["learner"], codes=["fr"])
    seen += [("my path", client.get(url(language, "courses:my_path")))]
    client.logout()
    return [(name, response.status_code, response.content.decode()) for name, response in seen]


@pytest.mark.django_db
@pytest.mark.parametrize("language", NINE)
def test_every_learner_page_and_tablet_screen_is_in_the_language_asked(client, site, language):
    untranslated = untranslated_strings(language)
    problems = []
    for name, status, html in pages(client, site, language):
        assert status in (200, 404), (name, status)
        assert f'<html lang="{language}"' in html, name
        problems += [f"{name}: {text!r}" for text in sorted(visible_text(html, language)) if text in untranslated]
    assert problems == []


def test_the_page_check_sees_an_untranslated_string():
    """The check can fail: an English msgid, or its French fallback, left on a Dari page is found."""
    untranslated = untranslated_strings("fa")
    html = '<html lang="fa"><body><button aria-label="Listen">🔊</button><p>Étape suivante</p>' \
           '<p lang="fr">Suivant</p><p>Suivant</p></body></html>'
    found = {text for text in visible_text(html, "fa") if text in untranslated}
    assert found == {"Listen", "Suivant"}
