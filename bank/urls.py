"""The bank's public pages and its read-only JSON API. Names carry no namespace: they are the site's own."""

from django.urls import path

from bank import api, views

urlpatterns = [
    path("", views.home, name="home"),
    path("questions/", views.question_list, name="question_list"),
    path("questions/<slug:slug>/", views.question_detail, name="question_detail"),
    path("topics/", views.topic_index, name="topic_index"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("roles/", views.role_index, name="role_index"),
    path("roles/<slug:slug>/", views.role_detail, name="role_detail"),
    path("companies/", views.company_index, name="company_index"),
    path("companies/<slug:slug>/", views.company_detail, name="company_detail"),
    path("paths/", views.path_index, name="path_index"),
    path("paths/<slug:slug>/", views.path_detail, name="path_detail"),
    path("api/questions/", api.question_list, name="api_question_list"),
    path("api/questions/<slug:slug>/", api.question_detail, name="api_question_detail"),
    path("api/facets/", api.facets, name="api_facets"),
]
