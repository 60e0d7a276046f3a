from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Competence


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
    return [
        path("courses/zone-image/", admin_views.zone_image, name="courses_zone_image"),
        path("courses/falc/", admin_views.falc_check, name="courses_falc"),
    ]


@hooks.register("insert_editor_js")
def falc_editor_js():
    """The easy-French hints under the text fields of a lesson's steps (issue 12, item 5)."""
    return format_html(
        '<script src="{}" defer data-falc-url="{}" data-falc-title="{}" data-falc-none="{}"></script>'
        '<link rel="stylesheet" href="{}">',
        static("courses/admin/falc.js"), reverse("courses_falc"),
        _("Easy French (hints, nothing is blocked)"), _("Easy French: nothing to change."),
        static("courses/admin/falc.css"),
    )
