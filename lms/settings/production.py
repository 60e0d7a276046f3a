"""Production: PostgreSQL, Redis, secrets from the environment, HTTPS."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
if not REDIS_URL:  # noqa: F405
    # Sessions, routes and caches must be shared by every web process, or « Terminer » on one
    # process would leave the session alive in another's memory.
    raise ImproperlyConfigured("REDIS_URL is required in production.")
DEBUG = False
# Every web and worker process must share one signing key: it comes from configuration.
PASSERELLE_CREDENTIAL_KEY_GENERATE = False
SESSION_COOKIE_SECURE = os.environ.get("DJANGO_SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
LOGGING["root"]["level"] = "INFO"  # noqa: F405
