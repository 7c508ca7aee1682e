"""Community URLs, mounted at /contribute/ with the namespace "community"."""

from django.urls import path

from practice.community import views

app_name = "community"

urlpatterns = [
    path("q/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("q/<slug:slug>/asked/", views.report_asked, name="report"),
]
