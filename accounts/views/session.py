from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

AFTER_SIGN_OUT = "after_sign_out"


@require_POST
def sign_out(request):
    """« Terminer »: end the session at once; on a shared tablet, back to its sign-in screen."""
    target = request.session.get(AFTER_SIGN_OUT) or reverse("accounts:login")
    logout(request)
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("accounts:login")
    return redirect(target)


@require_POST
def session_ping(request):
    """« I am still here »: a request is enough to push back the end of an idle session."""
    return HttpResponse(status=204 if request.user.is_authenticated else 401)


def password_locked_out(request, original_response=None, credentials=None):
    """What every password sign-in answers once django-axes has counted too many failures for this name
    or address (settings.AXES_LOCKOUT_CALLABLE): the site's form and Wagtail's admin login alike."""
    return render(request, "accounts/password_locked.html", {
        "message": _("Too many tries. Wait a few minutes."), "back_url": request.path,
    }, status=429)
