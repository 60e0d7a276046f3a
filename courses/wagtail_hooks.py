from django.urls import path
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
    return [path("courses/zone-image/", admin_views.zone_image, name="courses_zone_image")]
