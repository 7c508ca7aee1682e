"""The two modes of config/settings.py, each read in a fresh Python process with a made-up environment."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k3y-Only-for-this-test-" + "q7Zp9x2LmR4vB8nW1cT6yH3jK5dF0gS" * 2,
    "DJANGO_ALLOWED_HOSTS": "bank.example.com",
}
SHOW_SETTINGS = """
import json, django
from django.conf import settings
from django.templatetags.static import static
django.setup()
names = ["DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
         "CSRF_COOKIE_SECURE", "SECURE_PROXY_SSL_HEADER", "STORAGES", "CACHES", "CONTENT_SECURITY_POLICY",
         "DATABASES"]
values = {name: getattr(settings, name, None) for name in names}
values["CONTENT_SECURITY_POLICY"] = sorted(values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"])
try:
    values["favicon"] = static("favicon.svg")
except ValueError as error:
    values["favicon"] = str(error)
print(json.dumps(values, default=str))
"""


def _run(args, tmp_path, **environment):
    """Run Python in the project folder with only the given DJANGO_*, DATABASE_URL and REDIS_URL set."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WEB_", "GUNICORN_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'settings-test.sqlite3'}",
        DJANGO_SECRET_KEY_FILE=str(tmp_path / ".secret_key"),
        DJANGO_STATIC_ROOT=str(tmp_path / "staticfiles"),
    )
    env.update(environment)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _settings(tmp_path, **environment):
    result = _run(["-c", SHOW_SETTINGS], tmp_path, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "missing, named",
    [
        (["DJANGO_SECRET_KEY"], "DJANGO_SECRET_KEY"),
        (["DJANGO_ALLOWED_HOSTS"], "DJANGO_ALLOWED_HOSTS"),
        (["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"], "DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_its_secrets_in_one_line(tmp_path, missing, named):
    environment = {key: value for key, value in PRODUCTION.items() if key not in missing}
    result = _run(["manage.py", "check"], tmp_path, **environment)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Refusing to start: DJANGO_ENV=production needs {named} set (see the README, Deploy)."
    ]
    assert not (tmp_path / ".secret_key").exists()


def test_a_mistyped_mode_is_refused_rather_than_read_as_development(tmp_path):
    result = _run(["manage.py", "check"], tmp_path, **{**PRODUCTION, "DJANGO_ENV": "prod"})
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "Refusing to start: DJANGO_ENV must be development or production, not 'prod'."
    )
    assert _settings(tmp_path, **{**PRODUCTION, "DJANGO_ENV": "Production"})["SECURE_SSL_REDIRECT"] is True


def test_production_refuses_debug(tmp_path):
    result = _run(["manage.py", "check"], tmp_path, **PRODUCTION, DJANGO_DEBUG="1")
    assert result.returncode == 1
    assert "DJANGO_DEBUG=1 is not allowed" in result.stderr


def test_production_passes_the_deployment_checklist(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_is_https_only_behind_the_proxy(tmp_path):
    values = _settings(tmp_path, **PRODUCTION)
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == PRODUCTION["DJANGO_SECRET_KEY"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert "Manifest" in values["STORAGES"]["staticfiles"]["BACKEND"]
    # Production does not ask every browser to post its reports to us.
    assert "report-uri" not in values["CONTENT_SECURITY_POLICY"]


def test_each_https_switch_can_be_turned_off_for_a_loopback_run(tmp_path):
    values = _settings(
        tmp_path,
        **PRODUCTION,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_SECURE_COOKIES="0",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False and values["CSRF_COOKIE_SECURE"] is False


def test_a_malformed_number_is_refused_in_one_line(tmp_path):
    result = _run(["manage.py", "check"], tmp_path, **PRODUCTION, DJANGO_SECURE_HSTS_SECONDS="1e9")
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "Refusing to start: DJANGO_SECURE_HSTS_SECONDS must be a whole number, not '1e9'."
    )


def test_development_signs_with_a_random_key_kept_in_a_private_file(tmp_path):
    first = _settings(tmp_path)
    key_file = tmp_path / ".secret_key"
    assert first["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first["SECRET_KEY"]) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # The same key next time (sessions and signed values survive a restart) ...
    assert _settings(tmp_path)["SECRET_KEY"] == first["SECRET_KEY"]
    # ... and another checkout gets its own.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert _settings(elsewhere)["SECRET_KEY"] != first["SECRET_KEY"]


def test_the_key_file_is_ignored_by_git():
    result = subprocess.run(
        ["git", "check-ignore", "-q", ".secret_key"], cwd=ROOT, capture_output=True, timeout=30
    )
    assert result.returncode == 0


def test_development_serves_static_files_without_collectstatic_even_with_debug_off(tmp_path):
    values = _settings(tmp_path, DJANGO_DEBUG="0")
    assert values["favicon"] == "/static/favicon.svg"
    assert values["SESSION_COOKIE_SECURE"] is False and values["SECURE_SSL_REDIRECT"] is False


def test_production_refuses_to_serve_before_collectstatic_then_serves_hashed_files(tmp_path):
    result = _run(["-c", "import config.wsgi"], tmp_path, **PRODUCTION)
    assert result.returncode == 1
    manifest = tmp_path / "staticfiles" / "staticfiles.json"
    assert result.stderr.strip() == (
        f"Refusing to start: no static files manifest at {manifest}; "
        "run `python manage.py collectstatic --noinput` first."
    )
    collected = _run(["manage.py", "collectstatic", "--noinput"], tmp_path, **PRODUCTION)
    assert collected.returncode == 0, collected.stderr
    assert _run(["-c", "import config.wsgi"], tmp_path, **PRODUCTION).returncode == 0
    favicon = _settings(tmp_path, **PRODUCTION)["favicon"]
    assert favicon.startswith("/static/favicon.") and favicon != "/static/favicon.svg"


def test_the_cache_is_redis_when_redis_url_is_set_and_memory_otherwise(tmp_path):
    assert _settings(tmp_path)["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    redis = _settings(tmp_path, REDIS_URL="redis://127.0.0.1:6379/4")["CACHES"]["default"]
    assert redis["BACKEND"] == "config.cache.ForgivingRedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/4"


def test_an_empty_database_url_means_the_sqlite_file_in_the_project_folder(tmp_path):
    database = _settings(tmp_path, DATABASE_URL=" ")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(ROOT / "db.sqlite3")
