"""A manager's settings for their centre, on the site rather than in the Wagtail admin: the shared tablets'
idle time and learner tiles, how long accounts are kept, and (on its own page) the join code."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from centres.constants import Role
from centres.permissions import staffed_centre_or_403

from .. import services
from ..forms import CentreSettingsForm


@login_required
@never_cache
def centre_settings(request, centre_id):
    centre = staffed_centre_or_403(request.user, centre_id, roles=(Role.MANAGER,))
    initial = {"retention_months": services.retention_months(centre=centre)}
    form = CentreSettingsForm(request.POST or None, instance=centre, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.centre_settings_update(centre=centre, by=request.user, **form.cleaned_data)
        messages.success(request, _("The centre's settings are saved."))
        return redirect("dashboards:settings", centre_id=centre.pk)
    if form.errors:
        centre.refresh_from_db()  # the page's title shows what is saved, not what was refused
    return render(request, "dashboards/settings.html", {"centre": centre, "form": form},
                  status=400 if form.errors else 200)
