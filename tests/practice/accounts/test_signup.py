"""Sign-up asks for an e-mail address and a password, confirms the address by a link, and never tells a
stranger whether an address already has an account."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tests.conftest import PASSWORD
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-Passphrase-42"


def _sign_up(client, email, password=NEW_PASSWORD, **extra):
    return client.post("/accounts/signup/", {"email": email, "password": password, **extra})


def _link(message):
    return re.search(r"http://testserver(/accounts/signup/confirm/[^/\s]+/)", message.body).group(1)


def _signed_in(client):
    return client.get("/practice/").status_code == 200


def test_the_form_asks_only_for_an_email_address_and_a_password(client):
    body = client.get("/accounts/signup/").content.decode()
    form = body[body.index('<form method="post"') :]
    form = form[: form.index("</form>")]
    assert set(re.findall(r'<input[^>]* name="(\w+)"', form)) == {"csrfmiddlewaretoken", "email", "password"}


def test_sign_up_mails_a_link_that_logs_in_and_returns_to_the_question(client):
    QuestionFactory(slug="canary")
    response = _sign_up(client, " Maya@Example.com", next="/practice/q/canary/")
    assert response["Location"] == "/accounts/signup/sent/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    account = get_user_model().objects.get()
    assert (account.username, account.email, account.is_active) == (
        "maya@example.com",
        "maya@example.com",
        False,
    )
    assert not _signed_in(client)

    [message] = mail.outbox
    assert message.to == ["maya@example.com"]
    link = _link(message)
    page = client.get(link)
    assert page.status_code == 200 and "maya@example.com" in page.content.decode()
    assert not _signed_in(client), "opening the link (a mail scanner may) must not use it up"
    confirmed = client.post(link)
    assert confirmed["Location"] == "/practice/q/canary/"
    assert client.get("/practice/q/canary/").status_code == 200
    account.refresh_from_db()
    assert account.is_active


def test_the_link_works_once(client):
    _sign_up(client, "maya@example.com")
    link = _link(mail.outbox[0])
    client.post(link)
    client.post("/accounts/logout/")
    again = client.post(link)
    assert again.status_code == 400
    assert "That link no longer works" in again.content.decode()
    assert not _signed_in(client)


def test_the_link_expires_after_three_days(client):
    _sign_up(client, "maya@example.com")
    link = _link(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        assert client.get(link).status_code == 400
        assert client.post(link).status_code == 400
    assert not get_user_model().objects.get().is_active


@pytest.mark.parametrize("token", ["nope", "eyJ1c2VyIjoxfQ:abc:def", "a" * 500])
def test_a_forged_link_is_refused(client, token):
    _sign_up(client, "maya@example.com")
    assert client.post(f"/accounts/signup/confirm/{token}/").status_code == 400
    assert not get_user_model().objects.get().is_active


def test_signing_up_again_before_confirming_sends_a_new_link_and_the_old_one_stops(client):
    _sign_up(client, "maya@example.com", password="first-Passphrase-1")
    _sign_up(client, "maya@example.com", password="second-Passphrase-2")
    old, new = (_link(message) for message in mail.outbox)
    assert client.post(old).status_code == 400
    assert client.post(new).status_code == 302
    assert get_user_model().objects.get().check_password("second-Passphrase-2")


@pytest.mark.parametrize("typed", ["owner@example.com", "OWNER@Example.com "])
def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_a_reminder(client, owner, typed):
    known = _sign_up(client, typed)
    unknown = _sign_up(client, "nobody@example.com")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert get_user_model().objects.filter(email__iexact="owner@example.com").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD), "a stranger's sign-up must not change the password"
    reminder = next(message for message in mail.outbox if message.to == ["owner@example.com"])
    assert "already has an" in reminder.body
    assert "http://testserver/accounts/login/" in reminder.body
    assert "http://testserver/accounts/password_reset/" in reminder.body
    assert "/signup/confirm/" not in reminder.body


def test_password_validators_stay_on(client):
    common = _sign_up(client, "maya@example.com", password="password")
    assert common.status_code == 400
    assert "This password is too common." in common.content.decode()
    like_the_address = _sign_up(client, "maya.lopez@example.com", password="maya.lopez@example")
    assert "The password is too similar to the" in like_the_address.content.decode()
    assert not get_user_model().objects.exists() and not mail.outbox


def test_a_bad_address_is_explained(client):
    response = _sign_up(client, "nope")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


def test_logging_in_before_confirming_says_to_confirm_first(client):
    _sign_up(client, "maya@example.com")
    right = client.post("/accounts/login/", {"username": "maya@example.com", "password": NEW_PASSWORD})
    assert right.status_code == 400
    assert "Confirm your email address first" in right.content.decode()
    wrong = client.post("/accounts/login/", {"username": "maya@example.com", "password": "not it"})
    assert "Confirm your email address first" not in wrong.content.decode()
    assert not _signed_in(client)


def test_after_confirming_log_in_takes_the_email_address(client):
    _sign_up(client, "maya@example.com")
    client.post(_link(mail.outbox[0]))
    client.post("/accounts/logout/")
    response = client.post("/accounts/login/", {"username": "Maya@example.com", "password": NEW_PASSWORD})
    assert response["Location"] == "/practice/"


def test_password_reset_does_not_reveal_whether_an_account_exists(client, owner):
    known = client.post("/accounts/password_reset/", {"email": "owner@example.com"})
    unknown = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["owner@example.com"]]


def test_of_two_clicks_at_once_only_one_confirms(client):
    from practice.accounts import services
    from practice.accounts.tokens import read_confirmation_token

    _sign_up(client, "maya@example.com")
    token = _link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    first, _ = read_confirmation_token(token)
    second, _ = read_confirmation_token(token)
    assert services.account_confirm(user=first) is True
    assert services.account_confirm(user=second) is False
