"""Accounts: sign up, log in and out, passwords, export your data, delete your account.

Access rule: sign-up, log-in and password reset are public; settings of the account, export and deletion
are for the signed-in reader and touch only their own data. Log in, log out and passwords are Django's
own views, with our templates and a 400 for an invalid form like every other form on the site.
"""

import csv
import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from access import public, reader_owned
from practice.accounts import services
from practice.accounts.export import CSV_HEADER, export_data, export_rows
from practice.accounts.forms import DeleteAccountForm, SignupForm
from practice.http import posted_data, safe_next_url


class InvalidFormIs400:
    """Mixin for Django's auth views: an invalid form answers 400, as everywhere else on the site."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(InvalidFormIs400, auth_views.LoginView):
    pass


class PasswordChangeView(InvalidFormIs400, auth_views.PasswordChangeView):
    pass


class PasswordResetView(InvalidFormIs400, auth_views.PasswordResetView):
    pass


class PasswordResetConfirmView(InvalidFormIs400, auth_views.PasswordResetConfirmView):
    pass


@public
def signup(request):
    if request.user.is_authenticated:
        return redirect(safe_next_url(request) or "practice:dashboard")
    form = SignupForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        user = services.account_create(form=form)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your practice is saved to this account.")
        return redirect(safe_next_url(request) or "practice:dashboard")
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": safe_next_url(request)},
        status=400 if form.errors else 200,
    )


@reader_owned
def export_json(request):
    response = HttpResponse(
        json.dumps(export_data(request.user), indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="prodready-{timezone.localdate()}.json"'
    return response


@reader_owned
def export_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="prodready-{timezone.localdate()}.csv"'
    writer = csv.DictWriter(response, fieldnames=CSV_HEADER, restval="")
    writer.writeheader()
    writer.writerows(export_rows(request.user))
    return response


@reader_owned
def delete_account(request):
    form = DeleteAccountForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, "Your account and all its practice data have been deleted.")
        return redirect("home")
    return render(
        request, "registration/delete_account.html", {"form": form}, status=400 if form.errors else 200
    )
