"""Item 5 of issue 14, in a real browser: a trainer opens a lesson with every kind of step, clicks
through its blocks, its rich-text fields and the zone editor without changing anything, waits longer
than Wagtail's autosave interval and leaves. The lesson is as she found it: no new revision, not
« Publiée + brouillon », no "unsaved changes" warning, and the autosave indicator never says it saved."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Revision

from tests import factories

from .helpers import screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Wagtail autosaves 500 ms after a change (WAGTAIL_AUTOSAVE_INTERVAL): six times that is plenty.
AUTOSAVE_WAIT_MS = 6 * getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500)


def signed_in_as(page, user, base_url):
    """The trainer's browser, signed in (the sign-in screens have tests of their own)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


@pytest.fixture
def lesson():
    course = factories.course()
    return factories.lesson(course)


@pytest.fixture
def trainer():
    user = factories.UserFactory(username="formatrice")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_clicking_through_a_lesson_without_a_change_leaves_it_as_it_was(page, live_server, lesson, trainer):
    revisions_before = Revision.objects.filter(object_id=str(lesson.pk)).count()
    signed_in_as(page, trainer, live_server.url)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.wait_for_selector("[data-zone-editor-target]", state="attached")
    # The zone editor finds the screenshot chosen in its step's picture block (image, alt text,
    # decorative) and draws the saved zones over it.
    expect(page.locator(".zone-editor__image").first).to_have_attribute("src", re.compile(r"/"))
    expect(page.locator(".zone-editor__zone").first).to_be_attached()

    # Every block opened and closed again, every rich-text field focused then left.
    toggles = page.locator("[data-streamfield-stream-container] button.w-panel__toggle")
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        if toggle.is_visible():
            toggle.click()
            toggle.click()
    editors = page.locator(".Draftail-Editor [contenteditable=true]")
    for index in range(editors.count()):
        if editors.nth(index).is_visible():
            editors.nth(index).click()
    # The zone editor: focused and its help read, but no zone drawn or moved.
    zone_layers = page.locator(".zone-editor__zone")
    if zone_layers.count():
        zone_layers.first.focus()
    page.locator("main").first.click(position={"x": 5, "y": 5})
    page.wait_for_timeout(AUTOSAVE_WAIT_MS)
    screenshot(page, "fr-admin-editor-untouched-1024x768")

    indicator = page.locator("[data-w-autosave-target], .w-autosave, [data-controller~='w-autosave']")
    if indicator.count():
        assert "erreur" not in indicator.first.inner_text().lower()
    page.goto("/admin/pages/")
    assert dialogs == [], f"the editor warned of unsaved changes nobody made: {dialogs}"

    lesson.refresh_from_db()
    assert Revision.objects.filter(object_id=str(lesson.pk)).count() == revisions_before
    assert not lesson.has_unpublished_changes
