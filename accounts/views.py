from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .ratelimit import client_address, rate_limited

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


STAFF_TRIES_PER_NAME = 10
STAFF_TRIES_PER_ADDRESS = 50
STAFF_TRY_WINDOW = 15 * 60


class ThrottledLoginView(LoginView):
    """Username-and-password sign-in (staff accounts can export and erase learners' data): tries are
    limited per name and per address, like the learners' pictures."""

    def post(self, request, *args, **kwargs):
        name = str(request.POST.get("username", ""))[:150].casefold()
        too_many = rate_limited(
            f"login-name:{name}", limit=STAFF_TRIES_PER_NAME, window_seconds=STAFF_TRY_WINDOW
        ) | rate_limited(
            f"login-ip:{client_address(request)}", limit=STAFF_TRIES_PER_ADDRESS, window_seconds=STAFF_TRY_WINDOW
        )
        if too_many:
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, _("Too many tries. Wait a few minutes."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)
