"""Certification in the Wagtail admin: levels and question banks (translatable) are snippets that
trainers with the permission edit; certificates are listed and revoked on the centre's pages."""

from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CertificationLevel, QuestionBank


class CertificationLevelViewSet(SnippetViewSet):
    model = CertificationLevel
    icon = "success"
    list_display = ["name", "rank", "duration_minutes", "pass_mark"]
    ordering = ["rank", "name"]


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "help"
    list_display = ["name", "competence", "locale"]
    list_filter = ["competence", "locale"]
    search_fields = ["name"]

    def get_queryset(self, request):
        # The list shows each bank's competence and locale: join them instead of one query per row.
        return QuestionBank.objects.select_related("competence", "locale")


class CertificationGroup(ViewSetGroup):
    menu_label = CertificationLevel._meta.app_config.verbose_name
    menu_icon = "success"
    items = (CertificationLevelViewSet, QuestionBankViewSet)


register_snippet(CertificationGroup)
