from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, voice_views
from .models import Competence, LessonPage


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick-inverse"
    list_display = ["code", "name", "domain"]
    search_fields = ["code", "name"]
    ordering = ["code"]


register_snippet(CompetenceViewSet)


@hooks.register("register_admin_urls")
def zone_editor_urls():
    # Wagtail wraps these in require_admin_access: anonymous users are sent to the admin login.
    return [path("courses/zone-image/", admin_views.zone_image, name="courses_zone_image")]


@hooks.register("register_admin_urls")
def voices_urls():
    return [path("courses/lessons/<int:page_id>/voices/", voice_views.lesson_voices, name="courses_lesson_voices")]


@hooks.register("register_page_header_buttons")
def voices_header_button(page, user, view_name, next_url=None):
    """« Voix » in a lesson's header menu (editor and listing), for those who may edit it."""
    if page.specific_class is LessonPage and page.permissions_for_user(user).can_edit():
        yield Button(_("Voices"), reverse("courses_lesson_voices", args=[page.pk]), icon_name="media", priority=66)


@hooks.register("insert_editor_js")
def step_voices_links():
    """A « Voix » link in each saved step's header of a lesson's editor (see step_voices_link.js)."""
    return format_html('<script src="{}" data-label="{}"></script>', static("courses/admin/step_voices_link.js"),
                       gettext("Voices"))
