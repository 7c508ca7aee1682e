"""The site's URL map: each room mounts its own URLs; only the health checks and CSP reports live here."""

from django.contrib import admin
from django.urls import include, path

from config import csp_reports, health

urlpatterns = [
    path("", include("bank.urls")),
    path("practice/", include("practice.study.urls")),
    path("mock/", include("practice.mocks.urls")),
    path("accounts/", include("practice.accounts.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("csp-report/", csp_reports.csp_report, name="csp_report"),
]
