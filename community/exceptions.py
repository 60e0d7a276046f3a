class CommunityRefused(Exception):
    """A request about community sessions that cannot be done; nothing was changed, ``message`` says why
    (translated, for the person who asked)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field
