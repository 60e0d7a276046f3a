from .services import DEVICE_SESSION_KEY


class DeviceSessionMiddleware:
    """A learner's session on a shared tablet ends after the centre's idle time: each request
    pushes the end back, so only inactivity ends it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(DEVICE_SESSION_KEY):
            session.modified = True
        return self.get_response(request)
