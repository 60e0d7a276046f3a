from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community sessions")

    def ready(self):
        from core.sign_offs import sign_off_reader_register

        from . import signals  # noqa: F401
        from .selectors import competences_signed_off_for

        sign_off_reader_register(competences_signed_off_for)
