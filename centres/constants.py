from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MANAGER = "manager", _("Manager")
    TRAINER = "trainer", _("Trainer")
    REFERENT = "referent", _("Referent")
    LEARNER = "learner", _("Learner")


STAFF_ROLES = (Role.MANAGER, Role.TRAINER)

# Wagtail's own groups (made by its first migrations) that a person's staff roles put them in, kept in
# step with their memberships (centres.services.role_groups_sync): trainers write and publish the
# catalogue's courses; managers too, approve them when a moderation workflow is turned on (Wagtail's
# default task, « Relecture par un responsable » since courses 0012, is this group's), and change their
# own centre's settings and cohorts.
# Référents and learners are in none: the admin is not theirs.
ROLE_GROUPS = {Role.TRAINER: "Editors", Role.MANAGER: "Moderators"}
