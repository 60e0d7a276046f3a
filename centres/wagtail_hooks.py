"""Centres and cohorts in the Wagtail admin, for people given the model permissions (superusers by
default; a trainer in the "Editors" group builds courses but does not see centres).

The model permissions say *what* someone may do; the centres they staff say *where*. Apart from
superusers, a person sees and changes only the centres they manage and the cohorts of the centres they
staff (any other one answers 404, as if it did not exist), and a cohort's centre is chosen among those."""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import models as generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .constants import Role
from .models import Centre, Cohort
from .selectors import centres_readable_by, cohorts_readable_by


def centres_managed_by(user):
    """The centres whose settings ``user`` may change in the admin: those they manage."""
    return centres_readable_by(user, roles=(Role.MANAGER,))


def admin_scope(user, queryset, readable_by):
    """``queryset`` limited to what ``readable_by(user)`` allows; superusers see everything."""
    if user is None or not user.is_authenticated:
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(pk__in=readable_by(user).values("pk"))


# --- Views: every way to reach an object goes through the scope ----------------------------------


class ScopedViewMixin:
    """Set by the viewset: the selector of what the signed-in person may read (e.g. cohorts_readable_by)."""

    readable_by = None

    def scoped(self, queryset):
        return admin_scope(self.request.user, queryset, self.readable_by)


class ScopedIndexView(ScopedViewMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())


class ScopedCreateView(ScopedViewMixin, generic.CreateView):
    pass  # the form limits the centres one may choose


class ScopedEditView(ScopedViewMixin, generic.EditView):
    def get_queryset(self):
        return self.scoped(super().get_queryset())


class ScopedDeleteView(ScopedViewMixin, generic.DeleteView):
    def get_queryset(self):
        return self.scoped(super().get_queryset())


class ScopedCopyView(ScopedViewMixin, generic.CopyView):
    def get_object(self, queryset=None):
        found = super().get_object(queryset)
        if not self.scoped(self.model._default_manager.filter(pk=found.pk)).exists():
            raise Http404
        return found


class ScopedHistoryView(ScopedViewMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped(super().get_base_object_queryset())


class ScopedUsageView(ScopedViewMixin, UsageView):
    def get_base_object_queryset(self):
        return self.scoped(super().get_base_object_queryset())


class CentreScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view (list, add, edit, delete, copy, history, usage) is scoped by
    ``readable_by``; a subclass names the selector."""

    readable_by = None
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    form_class = None

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(readable_by=type(self).readable_by, **kwargs)

    def get_form_class(self, for_update=False):
        return self.form_class


# --- Forms: only one's own centres to choose from ------------------------------------------------


def centre_choices(user):
    """The centres ``user`` may put a cohort in."""
    return admin_scope(user, Centre.objects.all(), centres_readable_by)


class CentreAdminForm(WagtailAdminModelForm):
    class Meta:
        model = Centre
        fields = ["name", "city", "idle_timeout_minutes", "show_learner_tiles"]


class CohortAdminForm(WagtailAdminModelForm):
    class Meta:
        model = Cohort
        fields = ["centre", "name", "starts_on", "ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centre_choices(self.for_user)


class CohortFilterSet(WagtailFilterSet):
    centre = django_filters.ModelChoiceFilter(queryset=lambda request: centre_choices(getattr(request, "user", None)))

    class Meta:
        model = Cohort
        fields = ["centre"]


# --- The viewsets --------------------------------------------------------------------------------


class CentreViewSet(CentreScopedViewSet):
    model = Centre
    icon = "home"
    readable_by = staticmethod(centres_managed_by)
    form_class = CentreAdminForm
    list_display = ["name", "city", "idle_timeout_minutes", "show_learner_tiles"]
    search_fields = ["name", "city"]


class CohortViewSet(CentreScopedViewSet):
    model = Cohort
    icon = "group"
    readable_by = staticmethod(cohorts_readable_by)
    form_class = CohortAdminForm
    list_display = ["name", "centre", "starts_on", "ends_on"]
    filterset_class = CohortFilterSet


class CentresGroup(ViewSetGroup):
    menu_label = _("Centres")  # a menu label, capitalised (the model's verbose_name_plural is not)
    menu_icon = "home"
    # Named apart from the site's own "centres" URL namespace.
    items = (
        CentreViewSet("centre_admin", url_prefix="centres"),
        CohortViewSet("cohort_admin", url_prefix="cohorts"),
    )


@hooks.register("register_admin_viewset")
def register_centres():
    return CentresGroup()
