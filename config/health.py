from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from access import public
from config.postgresql.base import no_wait


@public
@never_cache
def healthz(request):
    """Liveness: the process answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")


@public
@never_cache
def readyz(request):
    """Readiness: the database answers a query. Never waits for a restarting database: 503 at once."""
    try:
        with no_wait(), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
