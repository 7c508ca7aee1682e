"""Pages at scale, served as in production and loaded over loopback: one table, a row per page and database.

For each database (PostgreSQL, SQLite) it fills a fresh database with `generate_bench_data`, serves it
with gunicorn and production settings, and drives each page with wrk (8 connections, BENCH_SECONDS
each) from a second process. Per page: queries (counted in-process on a warm cache), p50 and p99
latency, requests per second, and that as a share of /healthz measured in the same run; and "alone p50",
the page requested one at a time (a page's own time, without the queue 8 connections build on 2 cores).

Sizes come from the environment; the defaults are a quick run (a couple of minutes). The full run:

    BENCH_QUESTIONS=100000 BENCH_ATTEMPTS=1000000 BENCH_USERS=2000 BENCH_SECONDS=10 make bench

Other settings: BENCH_DATABASES (postgresql,sqlite), BENCH_PG_URL (a database this may drop and
recreate; default postgres://postgres@127.0.0.1:5432/interview_bench), BENCH_PORT (8700),
BENCH_CONNECTIONS (8), BENCH_REUSE=1 (keep a database already generated at these sizes),
BENCH_SQLITE_PATH (a file to keep the SQLite database in, for BENCH_REUSE; a temporary one otherwise), REDIS_URL
(the cache the servers share; process memory otherwise), WEB_CONCURRENCY (gunicorn workers).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "3000"))
ATTEMPTS = int(os.environ.get("BENCH_ATTEMPTS", "30000"))
USERS = int(os.environ.get("BENCH_USERS", "200"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
ALONE_SECONDS = 2  # the one-connection measure of each page
PORT = int(os.environ.get("BENCH_PORT", "8700"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/interview_bench")
DATABASES = os.environ.get("BENCH_DATABASES", "postgresql,sqlite").split(",")
PER_PAGE = 20

# What the table reports for each page, in the order; {mock} and {deep} are filled per run.
PAGES = [
    ("/healthz (bare view)", "/healthz", False),
    ("home", "/", False),
    ("list", "/questions/", False),
    ("list: company + difficulty", "/questions/?company={company}&difficulty=hard", False),
    ("search: drift canary", "/questions/?q=drift+canary", False),
    ("list page {deep}", "/questions/?page={deep}", False),
    ("question page", "/questions/bench-000500/", False),
    ("API list", "/api/questions/", False),
    ("API question", "/api/questions/bench-000500/", False),
    ("API facets", "/api/facets/", False),
    ("heavy reader: dashboard", "/practice/", True),
    ("heavy reader: review queue", "/practice/review/", True),
    ("heavy reader: history page 50", "/practice/attempts/?page=50", True),
    ("heavy reader: mock summary", "/mock/{mock}/summary/", True),
]

# Run inside `manage.py shell`: a session for the heavy reader, the ids the pages need, and the query
# count of every page on a warm cache (the second request), as JSON on the last line.
PROBE = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bank.models import Company
from practice.benchdata import HEAVY_USERNAME
from practice.mocks.models import MockInterview
user = get_user_model().objects.get(username=HEAVY_USERNAME)
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
found = {"session": session.session_key,
         "mock": MockInterview.objects.filter(user=user).values_list("pk", flat=True).first(),
         "company": Company.objects.order_by("pk").values_list("slug", flat=True).first()}
pages = json.loads(PAGES_JSON)
counts = {}
for name, path, personal in pages:
    path = path.format(**found, deep=DEEP)
    client = Client(HTTP_HOST="127.0.0.1")
    if personal:
        client.force_login(user)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    counts[name] = [len(queries), status]
found["counts"] = counts
print(json.dumps(found))
"""


def sh(*args, env=None, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT, env=env, **kwargs)


def server_env(database_url, static_root):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_RATE_LIMITS": "0",
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_STATIC_ROOT": str(static_root),
    }
    return env


def generated_sizes(env):
    out = sh(PYTHON, "manage.py", "shell", "-c",
             "from bank.models import Question; from practice.study.models import Attempt; "
             "print(Question.objects.count(), Attempt.objects.count())", env=env).stdout  # fmt: skip
    return tuple(int(n) for n in out.split()[-2:])


def prepare(vendor, workdir):
    """A database holding the generated data; returns its URL and how long the generator took."""
    if vendor == "sqlite":
        url = f"sqlite:///{os.environ.get('BENCH_SQLITE_PATH') or workdir / 'bench.sqlite3'}"
    else:
        url = PG_URL
    env = {**os.environ, "DATABASE_URL": url}
    if os.environ.get("BENCH_REUSE") == "1":
        try:
            if generated_sizes(env) == (QUESTIONS, ATTEMPTS):
                sh(PYTHON, "manage.py", "migrate", "--noinput", env=env)  # kept data, today's schema
                return url, None
        except subprocess.CalledProcessError:
            pass
    if vendor == "postgresql":
        name = url.rsplit("/", 1)[1]
        sh("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name)
        sh("createdb", "-h", "127.0.0.1", "-U", "postgres", name)
    sh(PYTHON, "manage.py", "migrate", "--noinput", env=env)
    started = time.monotonic()
    sh(PYTHON, "manage.py", "generate_bench_data", "--questions", str(QUESTIONS), "--attempts", str(ATTEMPTS),
       "--users", str(USERS), "--verbosity", "0", env=env)  # fmt: skip
    return url, time.monotonic() - started


def start_server(env):
    workers = env.get("WEB_CONCURRENCY") or str(2 * os.cpu_count() + 1)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn_conf.py", "config.wsgi",
         "--bind", f"127.0.0.1:{PORT}", "--workers", workers, "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).ok:
                return server, workers
        except requests.RequestException:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(path, cookie=None, connections=CONNECTIONS, seconds=SECONDS, warm_up=True):
    """(p50 ms, p99 ms, requests/s, non-2xx/3xx) for `path` at `connections` connections for `seconds`."""
    headers = ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    url = f"http://127.0.0.1:{PORT}{path}"
    if warm_up:
        # Warm up at the measured concurrency, long enough for every worker thread to have served the
        # page (1 s at 2 connections left some cold, and their first requests made the p99 of the table).
        subprocess.run(["wrk", "-t2", f"-c{connections}", "-d3s", *headers, url], capture_output=True)
    threads = min(2, connections)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s", *headers, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    latency = {percent: _ms(value, unit) for percent, value, unit in found}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return latency.get("50"), latency.get("99"), rate, int(errors.group(1)) if errors else 0


def alone(path, cookie=None):
    """p50 ms of `path` requested one at a time (one connection): a page's own time, without the queue
    that 8 connections on this machine's cores put in front of it."""
    return wrk(path, cookie, connections=1, seconds=ALONE_SECONDS, warm_up=False)[0]


def run(vendor):
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{vendor}-"))
    url, generated_in = prepare(vendor, workdir)
    static_root = workdir / "static"
    env = server_env(url, static_root)
    sh(PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0", env=env)
    deep = min(500, max(1, -(-QUESTIONS // PER_PAGE)))
    script = PROBE.replace("PAGES_JSON", repr(json.dumps(PAGES))).replace("DEEP", str(deep))
    probe = json.loads(
        sh(PYTHON, "manage.py", "shell", "-c", script, env=env).stdout.strip().splitlines()[-1]
    )
    server, workers = start_server(env)
    rows = []
    try:
        for name, path, personal in PAGES:
            path = path.format(mock=probe["mock"], company=probe["company"], deep=deep)
            cookie = probe["session"] if personal else None
            p50, p99, rate, errors = wrk(path, cookie)
            queries, status = probe["counts"][name]
            rows.append(
                (name.format(deep=deep), queries, status, alone(path, cookie), p50, p99, rate, errors)
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    return rows, workers, generated_in


def table(runs):
    """One table for every database: each page's row per database, its share of /healthz against that
    database's own /healthz of the same run. `runs`: [(vendor, rows, workers, generated_in)]."""
    cache = "Redis" if os.environ.get("REDIS_URL") else "per-process memory"
    workers = ", ".join(f"{vendor} {count}" for vendor, _, count, _ in runs)
    generated = "; ".join(f"{vendor} generated in {took:.0f} s" for vendor, _, _, took in runs if took)
    lines = [
        f"{QUESTIONS:,} questions, {ATTEMPTS:,} attempts, {USERS:,} readers; gunicorn workers (gthread): "
        f"{workers}; cache: {cache}; wrk {CONNECTIONS} connections x {SECONDS} s per page"
        + (f"; {generated}" if generated else ""),
        "",
        "| page | database | queries | alone p50 ms | p50 ms | p99 ms | req/s | % of /healthz |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for index in range(len(runs[0][1])):
        for vendor, rows, _, _ in runs:
            name, queries, status, alone_p50, p50, p99, rate, errors = rows[index]
            flag = f" ({errors} errors)" if errors else ("" if status == 200 else f" (HTTP {status})")
            lines.append(
                f"| {name}{flag} | {vendor} | {queries} | {alone_p50 or 0:.1f} | {p50 or 0:.1f} | {p99 or 0:.1f} "
                f"| {rate:,.0f} | {100 * rate / rows[0][6]:.0f}% |"
            )
    return "\n".join(lines)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    runs = []
    for vendor in DATABASES:
        vendor = vendor.strip()
        print(f"Measuring on {vendor}...", file=sys.stderr, flush=True)
        rows, workers, generated_in = run(vendor)
        runs.append((vendor, rows, workers, generated_in))
    print(table(runs), flush=True)
    failed = any(row[7] or row[2] != 200 for _, rows, _, _ in runs for row in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
