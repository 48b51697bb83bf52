"""Rekindle's one settings file.

Every value that differs between installations comes from an environment variable, read
through the typed helpers in ``rekindle.web.env``: a malformed value stops Rekindle at startup
with a one-line message. ``docs/settings.md`` documents each variable, and a test keeps the two
in step. The defaults suit one person running Rekindle on their own machine over plain http.
"""

from __future__ import annotations

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from rekindle.web.data_dir import SECRET_KEY_FILE_NAME, load_or_create_secret_key, prepare_data_dir
from rekindle.web.database import database_from_url, sqlite_url
from rekindle.web.env import (
    env_bool,
    env_country,
    env_int,
    env_list,
    env_path,
    env_str,
    env_time_zone,
)

WEB_DIR = Path(__file__).resolve().parent

# --- Where the data lives ---------------------------------------------------------------

DATA_DIR = prepare_data_dir(
    env_path(
        "REKINDLE_DATA_DIR",
        default="var",
        description="Folder for the SQLite database, the generated secret key and static files.",
    )
)

_configured_secret_key = env_str(
    "REKINDLE_SECRET_KEY",
    default="",
    description="Key that signs sessions and links; generated and kept in the data dir if unset.",
)
SECRET_KEY = _configured_secret_key or load_or_create_secret_key(DATA_DIR / SECRET_KEY_FILE_NAME)

DATABASES = {
    "default": database_from_url(
        env_str(
            "DATABASE_URL",
            default="",
            description="Database to use; SQLite in the data dir if unset, or a PostgreSQL URL.",
        )
        or sqlite_url(DATA_DIR / "rekindle.sqlite3")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Serving ----------------------------------------------------------------------------

DEBUG = env_bool(
    "REKINDLE_DEBUG",
    default=False,
    description="Show Django's detailed error pages; only for development, never in production.",
)
ALLOWED_HOSTS = env_list(
    "REKINDLE_ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost"],
    description="Host names this server answers to.",
)
CSRF_TRUSTED_ORIGINS = env_list(
    "REKINDLE_CSRF_TRUSTED_ORIGINS",
    default=[],
    description="Extra origins (scheme and host) allowed to submit forms, e.g. behind a proxy.",
)
TIME_ZONE = env_time_zone(
    "REKINDLE_TIME_ZONE",
    default="UTC",
    description="Time zone for dates shown on pages and for daily rhythms.",
)
LOG_LEVEL = env_str(
    "REKINDLE_LOG_LEVEL",
    default="INFO",
    choices=("DEBUG", "INFO", "WARNING", "ERROR"),
    description="How much the server writes to its log on standard error.",
)

ROOT_URLCONF = "rekindle.web.urls"
WSGI_APPLICATION = "rekindle.web.wsgi.application"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "rekindle.web.core",
    "rekindle.web.accounts",
    "rekindle.web.couples",
    "rekindle.web.checkins",
    "rekindle.web.assessments",
    "rekindle.web.habits",
    "rekindle.web.progress",
    "rekindle.web.calendar",
    "rekindle.web.data",
    "rekindle.web.api",
    "rekindle.web.analyses",
    "rekindle.web.dashboard",
    "rekindle.web.safety",
    "rekindle.web.disclosures",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rekindle.web.content_security_policy.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "rekindle.web.accounts.sessions.SessionTimeoutMiddleware",
    # After the session checks, so that only a person still signed in counts as a visit.
    "rekindle.web.disclosures.middleware.DisclosureMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the "try later" page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

LANGUAGE_CODE = "en"
USE_I18N = True
USE_TZ = True

# --- Static files: served by WhiteNoise from the data dir, nothing from a CDN -----------

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [WEB_DIR / "static"]
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security ---------------------------------------------------------------------------

SECURE_COOKIES = env_bool(
    "REKINDLE_SECURE_COOKIES",
    default=False,
    description="Send cookies over HTTPS only and turn on HSTS; set when serving over HTTPS.",
)
HSTS_SECONDS = env_int(
    "REKINDLE_HSTS_SECONDS",
    default=31_536_000,
    minimum=0,
    description="How long browsers must keep to HTTPS (HSTS), when secure cookies are on.",
)
BEHIND_HTTPS_PROXY = env_bool(
    "REKINDLE_BEHIND_HTTPS_PROXY",
    default=False,
    description="Trust X-Forwarded-Proto from a reverse proxy that terminates HTTPS.",
)

SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = HSTS_SECONDS if SECURE_COOKIES else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_HTTPS_PROXY else None

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# --- Safety: the quick-exit control on every page ---------------------------------------

QUICK_EXIT_URL = env_str(
    "REKINDLE_QUICK_EXIT_URL",
    default="https://www.bbc.com/weather",
    description="Neutral site the 'Leave quickly' control and Esc Esc leave for.",
)
_quick_exit = urlsplit(QUICK_EXIT_URL)
if _quick_exit.scheme not in ("http", "https") or not _quick_exit.netloc:
    raise ImproperlyConfigured(
        "REKINDLE_QUICK_EXIT_URL must be a whole http:// or https:// address, "
        f"got {QUICK_EXIT_URL!r}"
    )

# --- Safety: the help lines shown on the crisis card and in private safety mode ---------

COUNTRY = env_country(
    "REKINDLE_COUNTRY",
    default="",
    description="Country of the help lines shown unless a person picks one (e.g. GB).",
)
_safety_resources_dir = env_str(
    "REKINDLE_SAFETY_RESOURCES_DIR",
    default="",
    description="Folder of your own help-line files, replacing the shipped ones.",
)
SAFETY_RESOURCES_DIR = (
    Path(_safety_resources_dir).expanduser().resolve() if _safety_resources_dir else None
)

# --- Accounts: email and password, Argon2id, throttled sign-in, short sessions ---------

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "checkins:today"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = ["rekindle.web.accounts.passwords.RekindleArgon2PasswordHasher"]
# At least 12 characters, no rules about character classes, and not a common password.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60

SESSION_IDLE_MINUTES = env_int(
    "REKINDLE_SESSION_IDLE_MINUTES",
    default=30,
    minimum=1,
    description="Sign a browser out after this many minutes without activity.",
)
SESSION_ABSOLUTE_HOURS = env_int(
    "REKINDLE_SESSION_MAX_HOURS",
    default=12,
    minimum=1,
    description="Sign a browser out this many hours after sign-in, however active.",
)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 60 * 60

SIGN_IN_FAILURE_LIMIT = env_int(
    "REKINDLE_SIGN_IN_FAILURE_LIMIT",
    default=10,
    minimum=1,
    description="Failed sign-ins to one account before it is paused for an hour.",
)
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "rekindle.web.accounts.throttling.submitted_email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Keep no record of successful sign-ins; failed ones are kept for the cool-off hour's count.
AXES_DISABLE_ACCESS_LOG = True
# The baseline limits failures per account; an IP limit would also lock out a whole household
# behind one home router, so the warning that asks for one is silenced on purpose.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

EMAIL_HOST = env_str(
    "REKINDLE_EMAIL_HOST",
    default="",
    description="SMTP server for password-reset emails; unset prints emails to the log.",
)
EMAIL_PORT = env_int(
    "REKINDLE_EMAIL_PORT", default=587, minimum=1, description="Port of the SMTP server."
)
EMAIL_HOST_USER = env_str(
    "REKINDLE_EMAIL_USER", default="", description="User name for the SMTP server."
)
EMAIL_HOST_PASSWORD = env_str(
    "REKINDLE_EMAIL_PASSWORD", default="", description="Password for the SMTP server."
)
EMAIL_USE_TLS = env_bool(
    "REKINDLE_EMAIL_USE_TLS",
    default=True,
    description="Talk to the SMTP server with STARTTLS.",
)
DEFAULT_FROM_EMAIL = env_str(
    "REKINDLE_EMAIL_FROM",
    default="Rekindle <rekindle@localhost>",
    description="Sender address of the emails Rekindle sends.",
)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Couples and private text -----------------------------------------------------------

INVITATION_LIFETIME_DAYS = env_int(
    "REKINDLE_INVITATION_DAYS",
    default=7,
    minimum=1,
    description="Days before an unused partner invitation link expires.",
)
FIELD_ENCRYPTION_SECRETS = env_list(
    "REKINDLE_ENCRYPTION_SECRETS",
    default=[],
    description="Secrets for encrypting notes at rest, newest first; the secret key if unset.",
)

# --- Chat analysis: uploads, the job queue and its workers ------------------------------

UPLOAD_MAX_MB = env_int(
    "REKINDLE_UPLOAD_MAX_MB",
    default=50,
    minimum=1,
    description="Largest chat export, in megabytes, that may be uploaded for analysis.",
)
UPLOAD_RETENTION_HOURS = env_int(
    "REKINDLE_UPLOAD_RETENTION_HOURS",
    default=0,
    minimum=0,
    description="Hours an uploaded export is kept after its analysis; 0 deletes it at once.",
)
ANALYSIS_ATTEMPTS = env_int(
    "REKINDLE_ANALYSIS_ATTEMPTS",
    default=3,
    minimum=1,
    description="Times an analysis job is tried before it is marked failed.",
)
QUEUE_MAX_WAIT_MINUTES = env_int(
    "REKINDLE_QUEUE_MAX_WAIT_MINUTES",
    default=15,
    minimum=1,
    description="/health reports the queue as failing when a job has waited longer than this.",
)
ANALYSIS_STALL_MINUTES = env_int(
    "REKINDLE_ANALYSIS_STALL_MINUTES",
    default=15,
    minimum=1,
    description="Minutes a running analysis may go without progress before it is started again.",
)
UPLOAD_DIR = DATA_DIR / "uploads"
UPLOAD_STORAGE = env_str(
    "REKINDLE_UPLOAD_STORAGE",
    default="local",
    choices=("local", "s3"),
    description="Where uploads wait for their analysis: a private local folder, or an S3 bucket.",
)
S3_BUCKET = env_str(
    "REKINDLE_S3_BUCKET", default="", description="Bucket for uploads when the storage is s3."
)
S3_ENDPOINT_URL = env_str(
    "REKINDLE_S3_ENDPOINT_URL",
    default="",
    description="URL of an S3-compatible store (MinIO, Garage, Ceph...); AWS itself if unset.",
)
S3_REGION = env_str(
    "REKINDLE_S3_REGION", default="", description="Region of the bucket, if the store needs one."
)
S3_ACCESS_KEY_ID = env_str(
    "REKINDLE_S3_ACCESS_KEY_ID",
    default="",
    description="Access key for the bucket; boto3's usual sources (roles, files) if unset.",
)
S3_SECRET_ACCESS_KEY = env_str(
    "REKINDLE_S3_SECRET_ACCESS_KEY",
    default="",
    description="Secret key that goes with REKINDLE_S3_ACCESS_KEY_ID.",
)
if UPLOAD_STORAGE == "s3":
    if find_spec("storages") is None or find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "REKINDLE_UPLOAD_STORAGE=s3 needs the s3 extra: pip install 'rekindle[s3]'"
        )
    if not S3_BUCKET:
        raise ImproperlyConfigured(
            "REKINDLE_S3_BUCKET must be set when REKINDLE_UPLOAD_STORAGE is s3"
        )
    STORAGES["uploads"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "access_key": S3_ACCESS_KEY_ID or None,
            "secret_key": S3_SECRET_ACCESS_KEY or None,
            "default_acl": "private",
        },
    }
else:
    # A private folder (files 0600, folders 0700) at UPLOAD_DIR.
    STORAGES["uploads"] = {"BACKEND": "rekindle.web.analyses.storage.PrivateUploadStorage"}
# Larger uploads are streamed to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# django-tasks with its database backend: jobs are rows in the database, so they survive
# restarts, and any number of `db_worker` processes can share them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Logging: everything to standard error, where gunicorn and containers expect it ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        # django-axes reports every routine clean-up at INFO; lock-outs are warnings.
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
