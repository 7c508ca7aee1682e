"""Every account URL, mounted at /accounts/. No namespace: Django's auth views reverse these names.

Django's own class-based views get their access rule here, where they are mounted.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from access import public, reader_owned
from practice.accounts import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("login/", public(views.LoginView.as_view()), name="login"),
    path("logout/", public(views.LogoutView.as_view()), name="logout"),
    path("password_change/", reader_owned(views.PasswordChangeView.as_view()), name="password_change"),
    path(
        "password_change/done/",
        reader_owned(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("password_reset/", public(views.PasswordResetView.as_view()), name="password_reset"),
    path(
        "password_reset/done/", public(auth_views.PasswordResetDoneView.as_view()), name="password_reset_done"
    ),
    path(
        "reset/<uidb64>/<token>/",
        public(views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/", public(auth_views.PasswordResetCompleteView.as_view()), name="password_reset_complete"
    ),
    path("export.json", views.export_json, name="export_json"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("delete/", views.delete_account, name="delete_account"),
]
