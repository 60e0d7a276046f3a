"""Views that join the apps together."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from centres.signals import STAFF_SESSION_KEY


@login_required
def after_sign_in(request):
    """Where a password sign-in lands: a trainer or manager on their centre's learners, a learner on
    « Mon parcours »."""
    return redirect("centres:learners_home" if request.session.get(STAFF_SESSION_KEY) else "courses:my_path")
