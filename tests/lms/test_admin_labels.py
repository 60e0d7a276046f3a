"""Item 1 of issue 14: every label of the admin menu is capitalised and translated, our own included
(« Centres », not « centres »)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from core.apps import CoreConfig
from tests import factories


def menu_labels(request, menu=admin_menu):
    for item in menu.menu_items_for_request(request):
        yield str(item.label)
        if isinstance(item, SubmenuMenuItem):
            yield from menu_labels(request, item.menu)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_admin_menu_label_is_capitalised(language):
    request = RequestFactory().get(reverse("wagtailadmin_home"))  # loads the admin's URLs and viewsets
    request.user = factories.UserFactory(is_staff=True, is_superuser=True)
    with translation.override(language):
        labels = list(menu_labels(request))
        assert translation.gettext("Centres") in labels and translation.gettext("Networks of centres") in labels
    assert labels and all(label[:1] == label[:1].upper() for label in labels), labels


def test_the_core_app_name_is_translated():
    assert isinstance(CoreConfig.verbose_name, Promise)  # translated when shown (group permissions)
