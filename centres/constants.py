from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MANAGER = "manager", _("Manager")
    TRAINER = "trainer", _("Trainer")
    REFERENT = "referent", _("Referent")
    LEARNER = "learner", _("Learner")


STAFF_ROLES = (Role.MANAGER, Role.TRAINER)
