"""Local development and the `make demo` site: SQLite, eager tasks, debug off by default."""

import os

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
# `make demo` runs collectstatic, so pages link fingerprinted files as in production; a dev server
# started without it still works, with plain names.
WHITENOISE_MANIFEST_STRICT = False
# E-mails (session reminders) are printed unless a real backend is configured.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
