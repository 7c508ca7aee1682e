"""The site's URL map: each room mounts its own URLs; only the health checks and CSP reports live here.

Every view declares who may open it (access/): the rooms' views with a decorator, the admin here as a
whole (staff; its log-in page is public).
"""

from django.contrib import admin
from django.urls import include, path

from access import staff_area
from config import csp_reports, health

urlpatterns = [
    path("", include("bank.urls")),
    path("practice/", include("practice.study.urls")),
    path("mock/", include("practice.mocks.urls")),
    path("contribute/", include("practice.community.urls")),
    path("accounts/", include("practice.accounts.urls")),
    path("admin/", staff_area(admin.site.urls)),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("csp-report/", csp_reports.csp_report, name="csp_report"),
]
