"""A learner's new picture password, chosen with the learner: a trainer or manager shows the same grid
of pictures as the tablet (no words needed to point at one), the learner points, and a reminder with the
three pictures is printed for them to keep."""

import secrets

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from accounts.constants import PICTOGRAMS, PICTURE_PASSWORD_LENGTH, SecretKind
from accounts.forms import PicturePasswordForm
from accounts.services import learner_secret_set, sign_in_unlock

from .. import selectors
from ..constants import Role
from ..permissions import staffed_centre_or_403


def _learner_or_404(request, centre_id, user_id):
    centre = staffed_centre_or_403(request.user, centre_id, (Role.MANAGER, Role.TRAINER))
    learner = selectors.centre_learner_get(centre=centre, user_id=user_id)
    if learner is None:
        raise Http404
    return centre, learner


@login_required
@never_cache
def learner_pictures(request, centre_id, user_id):
    """GET: the grid. POST: the three pictures chosen (« Choose for me » draws them) are the learner's
    new password at once; the reminder to print is shown, once."""
    centre, learner = _learner_or_404(request, centre_id, user_id)
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None and data.get("draw"):
        data["pictures"] = ",".join(secrets.SystemRandom().sample(sorted(PICTOGRAMS), PICTURE_PASSWORD_LENGTH))
    form = PicturePasswordForm(data)
    if data is not None and form.is_valid():
        keys = form.cleaned_data["pictures"]
        learner_secret_set(user=learner, kind=SecretKind.PICTURE, value=keys)
        sign_in_unlock(user=learner, by=request.user)
        return render(request, "centres/learners/pictures_reminder.html", {
            "centre": centre, "learner": learner, "pictures": [(key, PICTOGRAMS[key]) for key in keys],
        })
    return render(request, "centres/learners/pictures_choose.html", {
        "centre": centre, "learner": learner, "form": form, "pictograms": PICTOGRAMS,
    }, status=400 if form.errors else 200)
