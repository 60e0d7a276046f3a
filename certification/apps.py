from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certification")

    def ready(self):
        # Registers the periodic tasks with Celery (``tasks`` is found by autodiscovery).
        from . import privacy, scheduled  # noqa: F401

        privacy.register()
