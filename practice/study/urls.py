"""Practice URLs, mounted at /practice/ with the namespace "practice"."""

from django.urls import path

from practice.study import views

app_name = "practice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("q/<slug:slug>/", views.practise, name="practise"),
    path("q/<slug:slug>/bookmark/", views.bookmark, name="bookmark"),
    path("q/<slug:slug>/note/", views.note, name="note"),
    path("q/<slug:slug>/draft/", views.draft_save, name="draft"),
    path("preview/", views.preview, name="preview"),
    path("attempts/", views.attempt_list, name="attempts"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
    path("review/", views.review_queue, name="review"),
    path("next/", views.practise_next, name="next"),
    path("saved/", views.saved, name="saved"),
    path("settings/", views.reader_settings, name="settings"),
    path("quiz/", views.quiz_new, name="quiz_new"),
    path("quiz/<int:quiz_id>/", views.quiz_question, name="quiz"),
    path("quiz/<int:quiz_id>/result/", views.quiz_result, name="quiz_result"),
]
