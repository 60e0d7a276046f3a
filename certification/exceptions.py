class ExamRefused(Exception):
    """A request of the exam path that cannot be done; nothing was changed, ``message`` says why
    (translated, for the person who asked)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
