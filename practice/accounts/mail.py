"""The mails sign-up sends: a confirmation link to a new address, or, to an address that already has an
account, a note saying so with the log-in and reset links (the sign-up page looks the same either way)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from practice.accounts.tokens import confirmation_token
from practice.limits import CONFIRMATION_LINK_DAYS


def _send(user, subject, template, context):
    send_mail(subject, render_to_string(template, context), None, [user.email])


def send_confirmation(request, user, next_url=""):
    link = request.build_absolute_uri(reverse("signup_confirm", args=[confirmation_token(user, next_url)]))
    _send(
        user,
        "Confirm your email address for ProdReady",
        "registration/signup_confirm_email.txt",
        {"link": link, "days": CONFIRMATION_LINK_DAYS},
    )


def send_account_exists(request, user):
    _send(
        user,
        "You already have a ProdReady account",
        "registration/signup_exists_email.txt",
        {
            "login_link": request.build_absolute_uri(reverse("login")),
            "reset_link": request.build_absolute_uri(reverse("password_reset")),
        },
    )
