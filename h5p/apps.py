from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5pConfig(AppConfig):
    name = "h5p"
    verbose_name = _("H5P activities")

    def ready(self):
        from . import checks, privacy, signals  # noqa: F401

        privacy.register()
