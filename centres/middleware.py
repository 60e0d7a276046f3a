import time
from functools import partial

from accounts.ratelimit import DEVICE_ATTRIBUTE

from . import services

TOUCHED_KEY = "touched"
TOUCH_EVERY_SECONDS = 60


class DeviceSessionMiddleware:
    """A learner's session on a shared tablet ends after the centre's idle time: requests push the
    end back (at most once a minute, to spare the session store a write per request). Also tells the
    sign-in limits of accounts which tablet a request comes from (looked up only if a sign-in asks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        setattr(request, DEVICE_ATTRIBUTE, partial(services.request_device_id, request))
        session = getattr(request, "session", None)
        if session is not None and session.get(services.DEVICE_SESSION_KEY):
            now = int(time.time())
            if now - session.get(TOUCHED_KEY, 0) >= TOUCH_EVERY_SECONDS:
                session[TOUCHED_KEY] = now  # saved, so the end of the session moves back
        return self.get_response(request)
