"""Admin screens for translating the catalogue (wagtail-localize), with the page permissions of the
person asking.

wagtail-localize's « Traduire » and « Mettre à jour les traductions » screens check one global
permission (« submit translation »), not where the page is: given to trainers, it would let them
translate or publish any page of the site. These screens are wagtail-localize's own, served at the
same addresses (``courses.wagtail_hooks`` mounts them before wagtail-localize's), with the page
permissions checked first. The report « Traductions des cours » is ours."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import translations


class PageTranslationSubmitView(SubmitPageTranslationView):
    """« Traduire »: only a page its translator may edit, only into a language whose catalogue she may
    write; anything else is refused with a message and creates nothing."""

    def dispatch(self, request, *args, **kwargs):
        page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if page is not None and not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and self.components.is_valid():
            refusals = [translations.translation_refusal(user=request.user, page=self.object, locale=locale)
                        for locale in form.cleaned_data["locales"]]
            refusals = [refusal for refusal in refusals if refusal]
            if not refusals:
                return self.form_valid(form)
            for refusal in dict.fromkeys(refusals):
                form.add_error("locales", refusal)
        context = self.get_context_data(**kwargs)
        context["form"] = form
        return self.render_to_response(context)


class TranslationsUpdateView(UpdateTranslationsView):
    """« Mettre à jour les traductions » (wagtail-localize's « Sync »): sends the French as it is now to its
    translations; strings already translated stay translated. Only for someone who may edit the French
    page and every translation, and publish them if asked to."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        page = source.get_source_instance()
        if isinstance(page, Page) and not self._allowed(request, source, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _allowed(request, source, page):
        publishing = request.method == "POST" and bool(request.POST.get("publish_translations"))
        targets = [translation.get_target_instance() for translation in source.translations.filter(enabled=True)]
        for target in [page, *targets]:
            permissions = target.permissions_for_user(request.user)
            if not permissions.can_edit() or (publishing and target is not page and not permissions.can_publish()):
                return False
        return True


def translations_report(request):
    """« Traductions des cours »: each French course and lesson the person may edit, its languages and
    whether each fell behind the French (``?retard=1``: only those)."""
    behind_only = request.GET.get("retard") == "1"
    rows = translations.translation_rows(user=request.user, behind_only=behind_only)
    return render(request, "courses/admin/translations_report.html", {
        "rows": rows, "locales": translations.content_locales(), "behind_only": behind_only,
        "page_title": gettext("Course translations"),
    })


def behind_source_warning(request, page):
    """In the translation editor of a page whose French changed since: say so, and offer the update."""
    source = translations.translation_behind(page=page)
    if source is None:
        return
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    url += "?next=" + reverse("wagtailadmin_pages:edit", args=[page.pk])
    messages.warning(
        request,
        gettext("The French page changed since this translation was last updated: what changed is not here yet. "
                "Update the translation; what you already translated is kept."),
        buttons=[messages.button(url, gettext("Update the translation"))],
    )


REPORT_LABEL = _("Course translations")
