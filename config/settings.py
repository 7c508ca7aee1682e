"""One settings module, read from the environment.

Two modes. Development (the default, `make run`): SQLite in the project folder, a signing key generated
on first use into `.secret_key` (ignored by git, readable by its owner only), plain static files.
Production (DJANGO_ENV=production, `make serve`): DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS must be set
or nothing starts; HTTPS behind a proxy that sets X-Forwarded-Proto, HSTS, secure cookies, hashed static
files from `collectstatic`. The README's Deploy section lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from config.environment import (
    PRODUCTION,
    cache_config,
    development_secret_key,
    django_env,
    env_bool,
    env_int,
    env_list,
    require_production_settings,
)
from practice import limits

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = django_env()
IS_PRODUCTION = DJANGO_ENV == PRODUCTION
if IS_PRODUCTION:
    require_production_settings()

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip() or development_secret_key(
    Path(os.environ.get("DJANGO_SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
)

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
    "csp",
    "config",
    "simple_history",
    "bank",
    "practice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
    "csp.middleware.CSPMiddleware",
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
# An empty DATABASE_URL (`DATABASE_URL= make test`) means the default too.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
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
REDIS_URL = os.environ.get("REDIS_URL", "").strip()

# Meaning-based hints, similar questions and search (bank/semantic, docs/semantic.md): "auto" uses the
# sentence-embedding model when the `semantic` extra is installed, "off" always uses the word-overlap
# fallback.
SEMANTIC_MODEL = os.environ.get("SEMANTIC_MODEL", "auto").strip().lower() or "auto"
CACHES = cache_config(REDIS_URL)

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
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
# The bank's diagrams live with its text in fixtures/ and are served as /static/diagrams/<name>.svg.
STATICFILES_DIRS = [BASE_DIR / "static", ("diagrams", BASE_DIR / "fixtures" / "diagrams")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production serves hashed, compressed copies made by `collectstatic`; config/wsgi.py refuses to start
    # without their manifest. Development serves the files as they are, so runserver needs no collectstatic.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In development WhiteNoise finds each file where it lives when asked (as it does with DEBUG on), with
# DEBUG off too; production serves what collectstatic wrote, indexed once at start.
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_AUTOREFRESH = not IS_PRODUCTION

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "hello@mlops-bank.local")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "practice:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Headers on every response (SecurityMiddleware, XFrameOptionsMiddleware, django-csp).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Production sits behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (and overwrites
# any value the client sent). Each switch can be turned off for a plain-HTTP run on loopback (`make serve`).
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = IS_PRODUCTION and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# The load balancer's probes may come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000) if IS_PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = IS_PRODUCTION and env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Content-Security-Policy (django-csp): every script and stylesheet is a file served by us, the admin
# included; no inline code, no other origin. In development the browser reports each violation to
# /csp-report/, which logs it (DJANGO_CSP_REPORTS=1 turns that on in production too).
CSP_REPORTS = env_bool("DJANGO_CSP_REPORTS", not IS_PRODUCTION)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        **({"report-uri": "/csp-report/"} if CSP_REPORTS else {}),
    },
}

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
