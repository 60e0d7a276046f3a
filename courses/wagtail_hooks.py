from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, translation_views
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


@hooks.register("register_admin_urls")
def translation_urls():
    """wagtail-localize's translate and update screens with the page permissions checked, at the addresses
    wagtail-localize gives them (``localize/…``): this app's hooks run before wagtail-localize's, so these
    patterns answer first. tests/courses/test_translations.py checks that they do."""
    return [
        path("localize/submit/page/<int:page_id>/", translation_views.PageTranslationSubmitView.as_view(),
             name="courses_translation_submit"),
        path("localize/update/<int:translation_source_id>/", translation_views.TranslationsUpdateView.as_view(),
             name="courses_translation_update"),
        path("courses/traductions/", translation_views.translations_report, name="courses_translations_report"),
    ]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def translations_report_menu_item():
    return TranslatorsMenuItem(translation_views.REPORT_LABEL, reverse("courses_translations_report"),
                               icon_name="globe", order=50)


@hooks.register("before_edit_page")
def translation_behind_its_source(request, page):
    if request.method == "GET":
        translation_views.behind_source_warning(request, page)
