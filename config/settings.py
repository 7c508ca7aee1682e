"""One settings module, read from the environment.

Defaults suit a developer's laptop (`make run`): SQLite in the project folder and DEBUG on.
Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from practice import limits

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("DJANGO_REQUIRE_SECRET_KEY", False):
        raise RuntimeError("Set DJANGO_SECRET_KEY in production.")
    SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 - never used when DJANGO_SECRET_KEY is set

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "django_ratelimit",
    "axes",
    "simple_history",
    "bank",
    "practice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change to the bank (django-simple-history reads request.user).
    "simple_history.middleware.HistoryRequestMiddleware",
    "practice.middleware.PrivateForReadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into our lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practice.context_processors.practice_nav",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise (postgres://user@host:5432/name).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The same backend, but a request that arrives while PostgreSQL restarts waits for it (config/postgresql).
    DATABASES["default"]["ENGINE"] = "config.postgresql"
DATABASE_CONNECT_WAIT_SECONDS = float(os.environ.get("DATABASE_CONNECT_WAIT_SECONDS", "10"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: Redis when REDIS_URL is set (redis://host:6379/0), shared by every app server, so the
# rate-limit counters are too; otherwise this process's memory, enough for one development server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The reader's address, for rate limits and the log-in lockout: REMOTE_ADDR, or behind this many
# reverse proxies the address the outermost one appended to X-Forwarded-For (practice.http.client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Rate limits (django-ratelimit; the figures are in practice/limits.py). A cache outage lets requests
# through rather than refusing everyone.
RATELIMIT_IP_META_KEY = "practice.http.client_ip"
# Off only for a load test whose simulated readers all come from one address.
RATELIMIT_ENABLE = env_bool("DJANGO_RATE_LIMITS", True)
RATELIMIT_FAIL_OPEN = True
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit lists django-redis but not Django's own RedisCache, whose add and incr are atomic.
    "django_ratelimit.W001",
]
if not REDIS_URL:
    # Memory is not shared between processes: right for one development server, wrong for several.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# Log in with an e-mail address (or an older account's username); django-axes first, to refuse a
# locked-out pair before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "practice.accounts.backends.EmailOrUsernameBackend",
]
# Lockout (django-axes): this many failed passwords for one account from one address lock that pair for
# a while (practice/limits.py); another address, or the same address for another account, is not locked.
# Failures are kept in the database, so every app server sees them and staff can lift a lock in the admin.
AXES_FAILURE_LIMIT = limits.LOGIN_FAILURES_BEFORE_LOCKOUT
AXES_COOLOFF_TIME = timedelta(minutes=limits.LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_CALLABLE = "practice.accounts.backends.lockout_username"
AXES_CLIENT_IP_CALLABLE = "practice.http.client_ip"
# The lock lasts the time the page promises, counted from the last failure before it; trying again
# while locked does not push it further.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# No table of every successful log-in: we do not need readers' log-in history.
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The bank's diagrams live with its text in fixtures/ and are served as /static/diagrams/<name>.svg.
STATICFILES_DIRS = [BASE_DIR / "static", ("diagrams", BASE_DIR / "fixtures" / "diagrams")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG or env_bool("DJANGO_PLAIN_STATIC", False):
    # No collectstatic needed while developing or testing.
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "hello@mlops-bank.local")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "practice:dashboard"
LOGOUT_REDIRECT_URL = "home"

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# The bank's text files, loaded by `python manage.py loadbank`.
BANK_FIXTURES_DIR = BASE_DIR / "fixtures"
QUESTIONS_PER_PAGE = 20
API_MAX_PAGE_SIZE = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
