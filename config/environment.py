"""Reading settings from the environment: the helpers config/settings.py is written with.

Kept apart from the settings so tests can call them with a made-up environment and a temporary folder.
"""

import os
import secrets
import sys
from pathlib import Path

PRODUCTION = "production"
DEVELOPMENT = "development"


def django_env(environ=os.environ):
    """development (the default) or production; anything else, such as a typo'd "prod", stops the process."""
    value = environ.get("DJANGO_ENV", "").strip().lower() or DEVELOPMENT
    if value not in {DEVELOPMENT, PRODUCTION}:
        refuse(f"DJANGO_ENV must be development or production, not {value!r}.")
    return value


def env_bool(name, default, environ=os.environ):
    value = environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default, environ=os.environ):
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit():
        refuse(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def env_list(name, default, environ=os.environ):
    value = environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def refuse(message):
    """Stop with one line on stderr and exit status 1: no traceback to read through.

    Printed here rather than left to SystemExit, which is silent in a thread (runserver loads the app in one).
    """
    print(f"Refusing to start: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def require_production_settings(environ=os.environ):
    """In production the secret key and the host names come from the environment, or nothing starts."""
    missing = [
        name for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS") if not environ.get(name, "").strip()
    ]
    if missing:
        refuse(f"DJANGO_ENV=production needs {' and '.join(missing)} set (see the README, Deploy).")
    if env_bool("DJANGO_DEBUG", False, environ):
        refuse("DJANGO_DEBUG=1 is not allowed with DJANGO_ENV=production.")


def development_secret_key(path: Path):
    """The development signing key: random, made on first use, kept in an ignored file only we can read.

    Written to a temporary file and linked into place, so two processes starting at once agree on one key.
    """
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(50) + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # Another process won the race; use its key.
    finally:
        temporary.unlink()
    return path.read_text().strip()


def cache_config(redis_url):
    """Django's own Redis cache when REDIS_URL is set (shared by every app server), else process memory."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            # Django's RedisCache, answering a miss (and logging) while Redis is away: config/cache.py.
            "BACKEND": "config.cache.ForgivingRedisCache",
            "LOCATION": redis_url,
            # Fail fast when Redis is away rather than holding a request for the default minutes.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
        # Each app server also keeps the public pages it served last in its own memory (bank.caching):
        # a hit reads only the bank version from Redis, not the page.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bank-pages",
            "OPTIONS": {"MAX_ENTRIES": 300},
        },
    }


def require_static_manifest(settings):
    """With hashed static file names, a missing manifest would turn every page into a 500: stop instead."""
    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if "Manifest" in backend and not manifest.exists():
        refuse(
            f"no static files manifest at {manifest}; run `python manage.py collectstatic --noinput` first."
        )
