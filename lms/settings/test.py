"""Test settings. SQLite by default for the fast loop; the integration tests get
DATABASE_URL / REDIS_URL from the servers `tests/services.py` starts."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "accounts.hashers.LearnerSecretHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# One signing key for the test run and its Celery worker, outside the repository.
PASSERELLE_CREDENTIAL_KEY_FILE = Path(tempfile.gettempdir()) / "passerelle-test-credential-key.pem"
# A browser test tells its worker the live server's address, so the QR code it prints leads there.
PASSERELLE_PUBLIC_URL = os.environ.get("PASSERELLE_PUBLIC_URL", WAGTAILADMIN_BASE_URL).rstrip("/")  # noqa: F405
# The unit tests read a task's result right after the request that started it: run it in the request
# (tests of the background thread turn this on).
PASSERELLE_EAGER_TASKS_IN_THREAD = False
# No synthetic voices unless a test turns them on (a worker test passes the variable to its worker).
PASSERELLE_VOICES_SYNTHESIS = os.environ.get("PASSERELLE_VOICES_SYNTHESIS", "0") == "1"
