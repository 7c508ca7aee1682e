"""Sign-up, settings, export and account deletion. Log in, log out and passwords are Django's own views."""

import csv
import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from practice import services
from practice.export import CSV_HEADER, export_data, export_rows
from practice.forms import DeleteAccountForm, SettingsForm, SignupForm
from practice.http import posted_data, safe_next_url
from practice.models import ReaderProfile


def signup(request):
    if request.user.is_authenticated:
        return redirect(safe_next_url(request) or "practice:dashboard")
    form = SignupForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}. Your practice is saved to this account.")
        return redirect(safe_next_url(request) or "practice:dashboard")
    return render(request, "registration/signup.html", {"form": form, "next": safe_next_url(request)})


@login_required
def reader_settings(request):
    profile = ReaderProfile.objects.filter(user=request.user).first()
    form = SettingsForm(
        posted_data(request), initial={"interview_date": profile.interview_date if profile else None}
    )
    if request.method == "POST" and form.is_valid():
        services.interview_date_set(user=request.user, interview_date=form.cleaned_data["interview_date"])
        messages.success(request, "Settings saved. Your review dates now fit around your interview.")
        return redirect("practice:settings")
    return render(request, "practice/settings.html", {"form": form})


@login_required
def export_json(request):
    response = HttpResponse(
        json.dumps(export_data(request.user), indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="prodready-{timezone.localdate()}.json"'
    return response


@login_required
def export_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="prodready-{timezone.localdate()}.csv"'
    writer = csv.DictWriter(response, fieldnames=CSV_HEADER, restval="")
    writer.writeheader()
    writer.writerows(export_rows(request.user))
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(request, "Your account and all its practice data have been deleted.")
        return redirect("home")
    return render(request, "registration/delete_account.html", {"form": form})
