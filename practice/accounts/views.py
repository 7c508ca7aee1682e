"""Accounts: sign up, log in and out, passwords, export your data, delete your account.

Access rule: sign-up (and its confirmation link), log-in and password reset are public; settings of the account, export and deletion
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
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from access import public, reader_owned
from practice.accounts import mail, services
from practice.accounts.export import CSV_HEADER, export_data, export_rows
from practice.accounts.forms import DeleteAccountForm, LoginForm, SignupForm
from practice.accounts.tokens import read_confirmation_token
from practice.http import is_safe_next, posted_data, rate_limited, safe_next_url
from practice.limits import CONFIRMATION_LINK_DAYS, RATE_LIMITS


class InvalidFormIs400:
    """Mixin for Django's auth views: an invalid form answers 400, as everywhere else on the site."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SafeNext:
    """Mixin for Django's log-in and log-out views: `next` must be a path on this site (practice.http)."""

    def get_redirect_url(self):
        return safe_next_url(self.request)


class LoginView(SafeNext, InvalidFormIs400, auth_views.LoginView):
    form_class = LoginForm


class LogoutView(SafeNext, auth_views.LogoutView):
    pass


class PasswordChangeView(InvalidFormIs400, auth_views.PasswordChangeView):
    pass


@method_decorator(
    rate_limited("password_reset", RATE_LIMITS["password_reset"], what="password reset requests"),
    name="dispatch",
)
class PasswordResetView(InvalidFormIs400, auth_views.PasswordResetView):
    pass


class PasswordResetConfirmView(InvalidFormIs400, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        """A new password, chosen through a link sent to the account's address, lifts any lockout."""
        response = super().form_valid(form)
        services.account_unlock(user=form.user)
        return response


@public
@rate_limited("signup", RATE_LIMITS["signup"], what="sign-up attempts")
def signup(request):
    """E-mail address and password. The answer is the same "check your inbox" page whether or not the
    address already has an account: a new address gets a confirmation link, a known one a reminder."""
    if request.user.is_authenticated:
        return redirect(safe_next_url(request, "practice:dashboard"))
    form = SignupForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        account, needs_confirming = services.account_sign_up(
            email=form.cleaned_data["email"], password=form.cleaned_data["password"]
        )
        if account is not None and needs_confirming:
            mail.send_confirmation(request, account, next_url=safe_next_url(request))
        elif account is not None:
            mail.send_account_exists(request, account)
        return redirect("signup_sent")
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": safe_next_url(request)},
        status=400 if form.errors else 200,
    )


@public
def signup_sent(request):
    return render(request, "registration/signup_sent.html", {"days": CONFIRMATION_LINK_DAYS})


@public
@never_cache
@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    """The link from the confirmation mail: a page with one button (a mail scanner that opens links must
    not use it up); pressing it activates the account, logs the reader in and goes on to their `next`."""
    account, next_url = read_confirmation_token(token)
    if account is None:
        return render(request, "registration/signup_confirm.html", {"valid": False}, status=400)
    if request.method == "POST":
        if not services.account_confirm(user=account):
            return render(request, "registration/signup_confirm.html", {"valid": False}, status=400)
        login(request, account, backend="practice.accounts.backends.EmailOrUsernameBackend")
        messages.success(
            request, "Your email address is confirmed. Welcome: your practice is saved to this account."
        )
        return redirect(next_url if is_safe_next(request, next_url) else "practice:dashboard")
    return render(request, "registration/signup_confirm.html", {"valid": True, "email": account.email})


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
