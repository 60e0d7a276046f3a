"""Centres and cohorts in the Wagtail admin, for people given the model permissions (superusers
by default): a trainer in the "Editors" group builds courses but does not see other centres."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Centre, Cohort


class CentreViewSet(ModelViewSet):
    model = Centre
    icon = "home"
    form_fields = ["name", "city", "idle_timeout_minutes", "show_learner_tiles"]
    list_display = ["name", "city", "idle_timeout_minutes", "show_learner_tiles"]
    search_fields = ["name", "city"]


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    form_fields = ["centre", "name", "starts_on", "ends_on"]
    list_display = ["name", "centre", "starts_on", "ends_on"]
    list_filter = ["centre"]


class CentresGroup(ViewSetGroup):
    menu_label = Centre._meta.verbose_name_plural
    menu_icon = "home"
    # Named apart from the site's own "centres" URL namespace.
    items = (
        CentreViewSet("centre_admin", url_prefix="centres"),
        CohortViewSet("cohort_admin", url_prefix="cohorts"),
    )


@hooks.register("register_admin_viewset")
def register_centres():
    return CentresGroup()
