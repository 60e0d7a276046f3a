from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, translation_views, voice_views
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
