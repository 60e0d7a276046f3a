import time
from functools import partial

from django.contrib.auth import logout

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
