"""Django's PostgreSQL backend, waiting out a database restart instead of failing every request.

A new connection that is refused is tried again every quarter second for up to
DATABASE_CONNECT_WAIT_SECONDS (settings; 10 by default). With CONN_HEALTH_CHECKS on, a request that
arrives while PostgreSQL restarts waits for it and then succeeds; only a query already in flight when
the server went away fails. /readyz asks for `no_wait()` so it reports 503 at once.
"""

import contextvars
import time
from contextlib import contextmanager

from django.conf import settings
from django.db.backends.postgresql import base

_waiting_allowed = contextvars.ContextVar("waiting_allowed", default=True)


@contextmanager
def no_wait():
    """Inside this block a refused connection fails at once (for health checks)."""
    token = _waiting_allowed.set(False)
    try:
        yield
    finally:
        _waiting_allowed.reset(token)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        wait = getattr(settings, "DATABASE_CONNECT_WAIT_SECONDS", 10) if _waiting_allowed.get() else 0
        deadline = time.monotonic() + wait
        while True:
            try:
                return super().get_new_connection(conn_params)
            except self.Database.OperationalError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.25)
