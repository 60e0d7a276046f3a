"""What « My data » exports and erasure removes of a learner's H5P activity: their results (the
lesson keeps its own record of the step) and their saved state, summarised in the export (the
activity, its size, when it was saved). Both are deleted on erasure. Registered in ``apps.py``."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accounts.privacy import ERASE_DELETE, personal_data_register


def state_summary(state):
    return {
        "package": {"id": state.package_id, "label": str(state.package)},
        "data": _("Saved answers of this activity (%(size)s)") % {"size": filesizeformat(len(state.data.encode()))},
        "updated_at": state.updated_at,
    }


def register():
    personal_data_register("h5p.h5presult", lookup="learner", on_erasure=ERASE_DELETE)
    personal_data_register("h5p.h5puserstate", lookup="learner", on_erasure=ERASE_DELETE, summary=state_summary)
