"""Networks of centres in the Wagtail admin: a platform administrator (a superuser, or whoever holds the
``dashboards`` permissions) groups centres and names the network's administrators. Centre staff hold no
such permission, so they neither see nor change networks."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Network


class NetworkViewSet(ModelViewSet):
    model = Network
    icon = "group"
    menu_label = _("Networks of centres")  # a menu label, capitalised (verbose_name_plural is not)
    add_to_admin_menu = True
    list_display = ["name"]
    search_fields = ["name"]
    form_fields = ["name", "centres", "administrators"]


@hooks.register("register_admin_viewset")
def register_networks():
    return NetworkViewSet("network_admin")
