from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Competence


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick-inverse"
    list_display = ["code", "name", "domain"]
    search_fields = ["code", "name"]
    ordering = ["code"]


register_snippet(CompetenceViewSet)


@hooks.register("insert_editor_js")
def zone_editor_js():
    return format_html('<script src="{}"></script>', static("courses/admin/zone_editor.js"))


@hooks.register("insert_editor_css")
def zone_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("courses/admin/zone_editor.css"))
