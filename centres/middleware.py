import time
from functools import partial

from django.contrib.auth import logout
from django.shortcuts import redirect

from accounts.ratelimit import DEVICE_ATTRIBUTE

from . import services

TOUCHED_KEY = "touched"
TOUCH_EVERY_SECONDS = 60


class DeviceSessionMiddleware:
    """Sessions opened on a shared tablet: they end after the centre's idle time (requests push the end
    back, at most once a minute, to spare the session store a write per request), and at once when the
    tablet is revoked. Also tells the sign-in limits of accounts which tablet a request comes from
    (looked up only if a sign-in asks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        setattr(request, DEVICE_ATTRIBUTE, partial(services.request_device_id, request))
        session = getattr(request, "session", None)
        device_id = session.get(services.DEVICE_SESSION_KEY) if session is not None else None
        if device_id:
            if not services.device_is_active(device_id):
                logout(request)  # the tablet was revoked: whoever was signed in on it is signed out
            else:
                now = int(time.time())
                if now - session.get(TOUCHED_KEY, 0) >= TOUCH_EVERY_SECONDS:
                    session[TOUCHED_KEY] = now  # saved, so the end of the session moves back
        return self.get_response(request)


# What a shared tablet shows to nobody signed in: its own pages (tiles, pictures, joining), the ways to
# sign in, the public verification of a certificate, the pictograms' glossary its tiles link to, and files.
# Any other page leads back to the tiles.
TABLET_OPEN_NAMESPACES = frozenset({"centres", "accounts", "h5p"})
TABLET_OPEN_VIEWS = frozenset({
    "certification:verify", "certification:verify_code", "certification_jwks", "set_language", "courses:glossary",
})


class TabletHomeMiddleware:
    """On an enrolled tablet with nobody signed in, a learner's page (the catalogue, a lesson, « Mon
    parcours », the Back button after « Terminer ») leads to the tiles: the tablet always comes back
    to them, never shows the previous learner's way or a staff sign-in form by surprise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "GET" or request.user.is_authenticated or not request.COOKIES.get(services.DEVICE_COOKIE):
            return None
        match = request.resolver_match
        if match is None or _open_on_tablet(match, request.path_info):
            return None
        if services.request_device(request) is None:  # not (or no longer) an enrolled tablet
            return None
        return redirect("centres:tiles")


def _open_on_tablet(match, path):
    if set(match.namespaces) & TABLET_OPEN_NAMESPACES or match.view_name in TABLET_OPEN_VIEWS:
        return True
    return path.startswith(("/admin/", "/documents/", "/static/", "/media/"))
