from django.urls import path

from practice import views, views_account, views_mock, views_quiz

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

# Mounted at /mock/ with the namespace "mock" (config/urls.py).
mock_urlpatterns = [
    path("", views_mock.mock_list, name="list"),
    path("new/", views_mock.mock_new, name="new"),
    path("<int:mock_id>/", views_mock.mock_resume, name="resume"),
    path("<int:mock_id>/q/<int:position>/", views_mock.mock_question, name="question"),
    path("<int:mock_id>/q/<int:position>/save/", views_mock.mock_autosave, name="autosave"),
    path("<int:mock_id>/finish/", views_mock.mock_finish, name="finish"),
    path("<int:mock_id>/summary/", views_mock.mock_summary, name="summary"),
    path("<int:mock_id>/grade/<int:position>/", views_mock.mock_grade, name="grade"),
]
