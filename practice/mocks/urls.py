"""Mock interview URLs, mounted at /mock/ with the namespace "mock"."""

from django.urls import path

from practice.mocks import views

app_name = "mock"

urlpatterns = [
    path("", views.mock_list, name="list"),
    path("new/", views.mock_new, name="new"),
    path("<int:mock_id>/", views.mock_resume, name="resume"),
    path("<int:mock_id>/q/<int:position>/", views.mock_question, name="question"),
    path("<int:mock_id>/q/<int:position>/save/", views.mock_autosave, name="autosave"),
    path("<int:mock_id>/finish/", views.mock_finish, name="finish"),
    path("<int:mock_id>/summary/", views.mock_summary, name="summary"),
    path("<int:mock_id>/grade/<int:position>/", views.mock_grade, name="grade"),
]
