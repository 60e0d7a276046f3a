"""Translations of the catalogue's courses and lessons, made with wagtail-localize: who may translate a
page into a language, and which translations fell behind their French source after an edit.

A translation managed by wagtail-localize is behind when the French page, as published now, differs
from what was last sent for translation (its ``TranslationSource``) in a field that is translated or
copied (a text, a step, an image, a zone): « Mettre à jour » sends the new French, and every string
already translated stays translated. A translation copied by hand (the demo's, Wagtail's simple copy)
is behind when the French was published after it."""

import json
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from .selectors import translatable_pages_editable_by


class TranslationState(models.TextChoices):
    MISSING = "missing", _("Not translated")
    BEHIND = "behind", _("Behind the French")
    UNFINISHED = "unfinished", _("Strings left to translate")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass
class LanguageState:
    """One language of one page in the report."""

    locale: Locale
    state: str
    page: Page | None = None  # the translation, if there is one
    translation: Translation | None = None  # wagtail-localize's, if it manages this translation
    left: int = 0  # strings not translated yet

    @property
    def label(self):
        return TranslationState(self.state).label


@dataclass
class TranslationRow:
    """A French course or lesson, with its translations."""

    page: Page
    source: TranslationSource | None
    languages: list

    @property
    def behind(self):
        return any(language.state == TranslationState.BEHIND for language in self.languages)


def _translated_content(page):
    """The fields of ``page`` that wagtail-localize translates or copies, as it serialises them."""
    data = json.loads(page.to_json())
    return {field.field_name: data.get(field.field_name) for field in get_translatable_fields(type(page))}


def source_changed_since_sync(*, source, page=None):
    """Whether the French page (``page``, or the source's own) changed since ``source`` was last sent for
    translation: its translations then miss what changed."""
    page = page if page is not None else source.get_source_instance()
    sent = json.loads(source.content_json)
    now = _translated_content(page)
    return {name: sent.get(name) for name in now} != now


def translation_behind(*, page):
    """For a translated page (Arabic, say), the ``TranslationSource`` of its French when that French changed
    since the translation was last brought up to date; None when it is up to date or not managed."""
    translation = (Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id,
                                              enabled=True).select_related("source").first())
    if translation is None or not source_changed_since_sync(source=translation.source):
        return None
    return translation.source


def content_locales():
    """The languages a page may be translated into: every content language but the default (French)."""
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


def _managed_state(translation, changed):
    if changed:
        return TranslationState.BEHIND, 0
    total, done = translation.get_progress()
    return (TranslationState.UNFINISHED, total - done) if done < total else (TranslationState.UP_TO_DATE, 0)


def _copied_state(source_page, translated):
    """A translation wagtail-localize does not manage: behind when the French was published after it."""
    french_at = source_page.last_published_at
    translated_at = translated.last_published_at or translated.latest_revision_created_at
    if french_at and translated_at and french_at > translated_at:
        return TranslationState.BEHIND
    return TranslationState.UP_TO_DATE


def _language_state(source_page, source, changed, locale, translated, translation):
    if translated is None:
        return LanguageState(locale=locale, state=TranslationState.MISSING)
    if translation is None:
        return LanguageState(locale=locale, state=_copied_state(source_page, translated), page=translated)
    state, left = _managed_state(translation, changed)
    return LanguageState(locale=locale, state=state, page=translated, translation=translation, left=left)


def translation_rows(*, user, behind_only=False):
    """The report « Traductions des cours »: each French course and lesson ``user`` may edit, with the
    state of each of its languages."""
    pages = list(translatable_pages_editable_by(user))
    keys = [page.translation_key for page in pages]
    translated = {(page.translation_key, page.locale_id): page
                  for page in Page.objects.filter(translation_key__in=keys).exclude(locale_id=Locale.get_default().pk)}
    sources = {source.object_id: source for source in TranslationSource.objects.filter(
        object_id__in=keys, locale_id=Locale.get_default().pk)}
    translations = {(translation.source_id, translation.target_locale_id): translation
                    for translation in Translation.objects.filter(source__in=sources.values(), enabled=True)}
    locales = content_locales()
    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        changed = source is not None and source_changed_since_sync(source=source, page=page)
        languages = [
            _language_state(page, source, changed, locale, translated.get((page.translation_key, locale.pk)),
                            translations.get((source.pk, locale.pk)) if source else None)
            for locale in locales
        ]
        rows.append(TranslationRow(page=page, source=source, languages=languages))
    return [row for row in rows if row.behind] if behind_only else rows


def translation_refusal(*, user, page, locale):
    """Why ``user`` may not translate ``page`` into ``locale`` (a message), or None if they may: they must
    be able to edit the page, and to add a page where its translation goes (the translated parent)."""
    if not page.permissions_for_user(user).can_edit():
        return gettext("You may not translate this page: it is outside the catalogues you may edit.")
    parent = page.get_parent()
    target_parent = parent.get_translation_or_none(locale) if not parent.is_root() else parent
    if target_parent is None:
        title = parent.get_admin_display_title()
        return gettext("Translate “%(parent)s” into this language first.") % {"parent": title}
    # (The tree's root says no subpage may be added under it, even to a superuser: Wagtail's own rule.)
    if not (user.is_superuser or target_parent.permissions_for_user(user).can_add_subpage()):
        return gettext("You may not add pages in this language's catalogue.")
    return None
