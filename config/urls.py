from django.contrib import admin
from django.urls import include, path

from bank import api as bank_api
from bank import views as bank_views
from config import health
from practice import views_account
from practice.urls import mock_urlpatterns

urlpatterns = [
    path("", bank_views.home, name="home"),
    path("questions/", bank_views.question_list, name="question_list"),
    path("questions/<slug:slug>/", bank_views.question_detail, name="question_detail"),
    path("topics/", bank_views.topic_index, name="topic_index"),
    path("topics/<slug:slug>/", bank_views.topic_detail, name="topic_detail"),
    path("roles/", bank_views.role_index, name="role_index"),
    path("roles/<slug:slug>/", bank_views.role_detail, name="role_detail"),
    path("companies/", bank_views.company_index, name="company_index"),
    path("companies/<slug:slug>/", bank_views.company_detail, name="company_detail"),
    path("paths/", bank_views.path_index, name="path_index"),
    path("paths/<slug:slug>/", bank_views.path_detail, name="path_detail"),
    path("api/questions/", bank_api.question_list, name="api_question_list"),
    path("api/questions/<slug:slug>/", bank_api.question_detail, name="api_question_detail"),
    path("api/facets/", bank_api.facets, name="api_facets"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("practice/", include("practice.urls")),
    path("mock/", include((mock_urlpatterns, "mock"))),
    path("accounts/signup/", views_account.signup, name="signup"),
    path("accounts/delete/", views_account.delete_account, name="delete_account"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
