"""Production: PostgreSQL, Redis, secrets from the environment, HTTPS."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_flag(name, default):
    """A yes/no setting from the environment: 1/0 (or true/false, yes/no, on/off)."""
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def env_seconds(name, default):
    """A duration in seconds (0 or more) from the environment."""
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number of seconds, not {value!r}.")
    return int(value)


SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
if not REDIS_URL:  # noqa: F405
    # Sessions, routes and caches must be shared by every web process, or « Terminer » on one
    # process would leave the session alive in another's memory.
    raise ImproperlyConfigured("REDIS_URL is required in production.")
DEBUG = False
# Every web and worker process must share one signing key: it comes from configuration.
PASSERELLE_CREDENTIAL_KEY_GENERATE = False

# HTTPS. The reverse proxy in front (deploy/Caddyfile) terminates TLS and says so in X-Forwarded-Proto;
# it is the only way in, so the header cannot come from a visitor. Each setting can be turned down
# from the environment for another front that already does the job (see README "Production").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", "1")
SESSION_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", "1")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_seconds("DJANGO_SECURE_HSTS_SECONDS", 365 * 24 * 3600)
# Off unless asked: other services of the same domain may not speak HTTPS yet, and preloading is a
# promise to browsers that takes months to undo. Their deploy-check warnings are therefore expected.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "0")
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD", "0")
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
LOGGING["root"]["level"] = "INFO"  # noqa: F405
