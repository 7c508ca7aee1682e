"""Shared by the drills in bench/ (faults.py, load.py): a fresh PostgreSQL database with the bank and
readers signed in, and two gunicorn app servers on loopback sharing it (and Redis, when REDIS_URL is set).
"""

import os
import re
import subprocess
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "prodready_drill"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
PORTS = (8601, 8602)
WORKERS_PER_SERVER = 2
THREADS_PER_WORKER = 8


def database_env():
    return {**os.environ, "DATABASE_URL": DATABASE_URL}


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def cluster():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return version, "main"


def database_is_up():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0


def prepare_database(readers):
    """A fresh database with the bank, `readers` accounts, and a long mock each; returns session cookies."""
    sh("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE)
    sh("createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE)
    env = database_env()
    python = str(ROOT / ".venv" / "bin" / "python")
    sh(python, "manage.py", "migrate", "--noinput", cwd=ROOT, env=env)
    sh(python, "manage.py", "loadbank", cwd=ROOT, env=env)
    script = f"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from bank.models import Question, Kind
from practice.mocks.services import mock_start
questions = list(Question.objects.published().exclude(kind=Kind.MULTIPLE_CHOICE).order_by("slug")[:{readers}])
for n in range({readers}):
    user = get_user_model().objects.create_user(f"reader{{n}}", f"reader{{n}}@example.com", "unused-pw-12345")
    mock = mock_start(user=user, title="Fault drill", questions=[questions[n]], time_limit_seconds=3 * 60 * 60)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    print(session.session_key, mock.pk, questions[n].slug)
"""
    out = sh(python, "manage.py", "shell", "-c", script, cwd=ROOT, env=env).stdout
    return [line.split() for line in out.splitlines() if re.fullmatch(r"\S+ \d+ \S+", line.strip())]


def start_servers():
    """Two gunicorn servers on PORTS; returns their processes (terminate them when done)."""
    env = {
        **database_env(),
        "DJANGO_DEBUG": "0",
        "DJANGO_RATE_LIMITS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_CONN_MAX_AGE": "60",
        "GUNICORN_THREADS": str(THREADS_PER_WORKER),
    }
    servers = []
    for port in PORTS:
        servers.append(
            subprocess.Popen(
                [
                    str(ROOT / ".venv" / "bin" / "gunicorn"),
                    "-c",
                    "config/gunicorn_conf.py",
                    "config.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(WORKERS_PER_SERVER),
                    "--timeout",
                    "60",
                    "--access-logfile",
                    "/dev/null",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    for port in PORTS:
        for _ in range(100):
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
    return servers
