"""Where browsers send Content-Security-Policy violation reports: each one is logged as a warning.

Access rule: public (browsers post reports without a session or a CSRF token). Answers 404 unless
settings.CSP_REPORTS is on (development by default), so production logs cannot be flooded by strangers.
"""

import json
import logging

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from access import public

logger = logging.getLogger("csp")

MAX_REPORT_BYTES = 16 * 1024
FIELDS = (
    "document-uri",
    "violated-directive",
    "effective-directive",
    "blocked-uri",
    "source-file",
    "line-number",
)


@public
@csrf_exempt
@require_POST
def csp_report(request):
    if not settings.CSP_REPORTS:
        raise Http404("CSP reports are not collected here.")
    if len(request.body) > MAX_REPORT_BYTES:
        return HttpResponse("A report is at most 16 KB.", status=413, content_type="text/plain")
    try:
        report = json.loads(request.body)["csp-report"]
        details = {field: str(report.get(field, ""))[:300] for field in FIELDS}
    except (ValueError, KeyError, TypeError, AttributeError):
        return HttpResponseBadRequest(
            "Expected a JSON body with a csp-report object.", content_type="text/plain"
        )
    logger.warning(
        "CSP violation: %s", " ".join(f"{key}={value!r}" for key, value in details.items() if value)
    )
    return HttpResponse(status=204)
