"""gunicorn's settings for `make serve` and production: `gunicorn -c config/gunicorn_conf.py config.wsgi`.

Every value can be overridden on the command line or through GUNICORN_CMD_ARGS; WEB_CONCURRENCY sets the
number of workers.
"""

import multiprocessing
import os

# Loopback unless told otherwise: the reverse proxy in front terminates TLS and forwards to this port.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's documented starting point: (2 x CPU cores) + 1 synchronous workers.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# Threads, so that while some requests wait out a database restart (config/postgresql) a worker still
# answers /healthz and /readyz (503) at once. Each thread keeps its own database connection.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Keep idle keep-alive connections longer than a client (or the reverse proxy) pauses between requests:
# with gunicorn's 2 s default, a request sent as the server closes the idle socket is reset.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "15"))
# Load the app once in the master before forking: a missing setting or static manifest stops the
# master with its one-line message instead of every worker failing in turn.
preload_app = True
timeout = 30
graceful_timeout = 20
# Workers are not recycled (gunicorn's default, 0). Set GUNICORN_MAX_REQUESTS to restart each worker
# after that many requests if memory ever creeps up: every restart stalls the requests queued on that
# worker while the new one connects and compiles its templates. At 2,000 the pool restarted a worker
# every second under load and those stalls were the whole p99 of `make bench` (/healthz 387 ms against
# 13 ms without); at 50,000 they still came several times a run. docs/performance.md.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
# X-Forwarded-* are trusted from the proxy on this machine only (gunicorn's default, made explicit).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
