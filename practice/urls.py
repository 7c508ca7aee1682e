from django.urls import path

from practice import views, views_account, views_quiz

app_name = "practice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("q/<slug:slug>/", views.practise, name="practise"),
    path("q/<slug:slug>/bookmark/", views.bookmark, name="bookmark"),
    path("q/<slug:slug>/note/", views.note, name="note"),
    path("preview/", views.preview, name="preview"),
    path("attempts/", views.attempt_list, name="attempts"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
    path("review/", views.review_queue, name="review"),
    path("next/", views.practise_next, name="next"),
    path("saved/", views.saved, name="saved"),
    path("quiz/", views_quiz.quiz_new, name="quiz_new"),
    path("quiz/<int:quiz_id>/", views_quiz.quiz_question, name="quiz"),
    path("quiz/<int:quiz_id>/result/", views_quiz.quiz_result, name="quiz_result"),
    path("settings/", views_account.reader_settings, name="settings"),
    path("export.json", views_account.export_json, name="export_json"),
    path("export.csv", views_account.export_csv, name="export_csv"),
]
