"""Settings shared by every environment. Secrets and services come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf import global_settings
from django.conf.locale import LANG_INFO

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "lms",
    "core",
    "accounts",
    "centres",
    "courses",
    "h5p",
    "certification",
    "community",
    "dashboards",
    "wagtail_localize",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "csp",
    "axes",
    "django_filters",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.NoStoreForAuthenticatedMiddleware",
    "centres.middleware.DeviceSessionMiddleware",
    "centres.middleware.TabletHomeMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lms.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "centres:start"
LOGIN_REDIRECT_URL = "after_sign_in"  # staff to their centre, learners to « Mon parcours »
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
    "accounts.hashers.LearnerSecretHasher",
]

# Every password check goes through authenticate(), so django-axes sees them all: the site's form,
# Wagtail's admin login, any later API. Ten failures for one name, or from one address, in 15 minutes
# lock password sign-in for that name or address for 15 minutes (429, translated). Only failures are
# recorded (no log of successful sign-ins: learners' names stay out of it).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False  # the owner's right password does not clear an attacker's count
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a lockout ends 15 minutes after it began
AXES_USERNAME_CALLABLE = "accounts.ratelimit.password_sign_in_name"
AXES_CLIENT_IP_CALLABLE = "accounts.ratelimit.client_address"  # honours PASSERELLE_TRUSTED_PROXIES
AXES_LOCKOUT_CALLABLE = "accounts.views.session.password_locked_out"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted; Wagtail's is

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

REDIS_URL = os.environ.get("REDIS_URL", "")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "passerelle",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["renditions"] = CACHES["default"] | {"KEY_PREFIX": "renditions"}

# Sessions are read from the cache and written through to the database, so a lesson page
# does not pay a query for them, and "Terminer" still ends them everywhere.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Celery: Redis broker when REDIS_URL is set, otherwise tasks run in the calling process.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# Embedded mode (no Redis, no worker): the tasks a request hands over (renditions on publish) run in a
# background thread, not in the request (courses.tasks.task_enqueue).
PASSERELLE_EAGER_TASKS_IN_THREAD = True
# Steps nobody recorded get a synthetic voice (espeak-ng) after each publication (courses/voicing.py).
PASSERELLE_VOICES_SYNTHESIS = os.environ.get("PASSERELLE_VOICES_SYNTHESIS", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Beat: hand in the exams whose time ran out with nobody there, and finish any certificate whose
# task was lost (both are safe to run again).
CELERY_BEAT_SCHEDULE = {
    "exam-attempts-overdue": {"task": "certification.scheduled.exam_attempts_overdue_submit", "schedule": 60.0},
    "certificates-pending": {"task": "certification.tasks.certificates_complete_pending", "schedule": 300.0},
    # Remind learners of tomorrow's community sessions (once per registration, however often it runs).
    "community-reminders": {"task": "community.tasks.session_reminders_send", "schedule": 3600.0},
    "retention-sweep": {"task": "dashboards.tasks.retention_sweep_task", "schedule": 24 * 3600.0},
    # Delete the synthetic voices no lesson says any more (a text changed) and nothing asked for.
    "voices-unused": {"task": "courses.tasks.voices_unused_clean", "schedule": 24 * 3600.0},
    "glossary-voices": {"task": "courses.tasks.glossary_voices_generate", "schedule": 24 * 3600.0},
}
# SMS reminders go through this provider class (``send(number, text)``); the default only logs them.
PASSERELLE_SMS_BACKEND = os.environ.get("PASSERELLE_SMS_BACKEND", "community.sms.LoggingSmsBackend")

# Interface languages: French first, then the languages of the people Passerelle is for, each named
# in its own script (the language picker shows these names). Arabic, Dari and Pashto are right to left.
# Dari uses the code "fa" (Persian): browsers, fonts and speech engines know it by that code.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "دری"),
    ("ps", "پښتو"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
# Django knows nothing of Pashto, Tigrinya and Somali: without this, get_language_info() raises
# and get_language_bidi() says Pashto is left to right. Dari is shown under its own name.
LANG_INFO.update({
    "fa": {**LANG_INFO["fa"], "name_local": "دری"},
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
})
# get_language_bidi() reads this list, not LANG_INFO: the <html dir> of every page comes from it.
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "ps"]
# Content (pages written in Wagtail) can be written in French, English, Arabic, Dari and Ukrainian
# (the Locale rows and the « Translate » action offer these). The interface language is the URL's
# prefix; the content a learner sees is the first of her content languages (accounts: chosen on the
# tablet) in which the page exists, then the prefix's, then French (courses.routing). Under an
# interface language with no content of its own (/ps/…) the pages are the French ones;
# courses.models.InterfaceLanguageUrls keeps their links under that prefix.
WAGTAIL_CONTENT_LANGUAGES = [LANGUAGES[0], LANGUAGES[1], LANGUAGES[2], LANGUAGES[3], LANGUAGES[7]]
WAGTAIL_I18N_ENABLED = True
# No Gravatar: staff e-mail hashes are not sent to a third party, and the CSP (img-src 'self') blocked the
# picture anyway, showing a broken image in the admin. Wagtail falls back on its own avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Trainers translate courses and lessons with wagtail-localize (README "Translating courses"): a new
# translation starts as a draft the translator publishes herself, whatever the French page's status.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locales"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
# The H5P player (npm's node_modules/h5p-standalone/dist, never committed) as static/h5p-standalone/.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "h5p.finders.H5PPlayerFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Static files are fingerprinted (name.<hash>.css) in every served environment, so WhiteNoise
# sends them with a ten-year immutable lifetime; the tests use plain names (lms/settings/test.py).
# Renditions get names never used before (courses/storage.py): media_serve in lms/urls.py lets
# tablets keep them a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "renditions": {"BACKEND": "courses.storage.RenditionStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

WAGTAIL_SITE_NAME = "Passerelle"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "gif": "png"}
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 70
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "ogg", "m4a", "wav", "mp4", "webm"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin is for trainers and centre staff, who work in French: Wagtail ships no admin catalogue
# for Pashto, Tigrinya or Somali, and ours for those languages are machine-assisted and cover the
# learner's side first. Staff keep choosing among French, English and Arabic.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES[:3]

# How many reverse proxies stand in front of the app (their X-Forwarded-For is trusted).
PASSERELLE_TRUSTED_PROXIES = int(os.environ.get("PASSERELLE_TRUSTED_PROXIES", "0"))

# Certificates. PASSERELLE_PUBLIC_URL is the address printed in QR codes and credentials.
# The issuer's Ed25519 signing key comes from PASSERELLE_CREDENTIAL_KEY (a PEM or a JWK); without it,
# from PASSERELLE_CREDENTIAL_KEY_FILE, which dev and the demo create once (outside git, never in media/).
PASSERELLE_PUBLIC_URL = os.environ.get("PASSERELLE_PUBLIC_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
PASSERELLE_CREDENTIAL_KEY = os.environ.get("PASSERELLE_CREDENTIAL_KEY", "")
PASSERELLE_CREDENTIAL_KEY_FILE = Path(
    os.environ.get("PASSERELLE_CREDENTIAL_KEY_FILE", BASE_DIR / "var" / "credential-key.pem")
)
PASSERELLE_CREDENTIAL_KEY_GENERATE = True
# Public keys (JWKs, a JSON list) of earlier signing keys: their certificates still verify.
PASSERELLE_CREDENTIAL_RETIRED_KEYS = os.environ.get("PASSERELLE_CREDENTIAL_RETIRED_KEYS", "[]")

# Learner-facing upper bounds on what a tablet may send.
PASSERELLE_MAX_TYPED_ANSWER = 200
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Content Security Policy (django-csp): the learner-facing site runs only its own scripts, so an
# injected <script> cannot run. Style attributes stay allowed (avatar colours, hotspot proportions,
# progress bars). Wagtail's admin uses inline scripts and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # What reminders would send by SMS (the default backend) is printed.
    "loggers": {"passerelle.outbox": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Serve uploaded media from Django (the demo and tests); production serves them from storage.
SERVE_MEDIA = os.environ.get("PASSERELLE_SERVE_MEDIA", "1") == "1"
WAGTAILIMAGES_IMAGE_FORM_BASE = "courses.image_forms.PasserelleImageForm"
