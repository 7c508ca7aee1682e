"""Five wrong passwords for one account from one address lock that pair for 15 minutes (django-axes)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

HOME = "10.0.0.1"


def _log_in(client, password, username="owner@example.com", address=HOME):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(client):
    return client.get("/practice/").status_code == 200


def _fail(client, times, **kwargs):
    return [_log_in(client, "wrong password", **kwargs).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_for_this_address_with_a_clear_message(client, owner):
    assert _fail(client, 4) == [400] * 4
    fifth = _log_in(client, "wrong password")
    assert fifth.status_code == 429
    refused = _log_in(client, PASSWORD)
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "Too many failed log-ins" in body
    assert "After 5 wrong passwords in a row" in body and "paused for 15 minutes" in body
    assert not _signed_in(client)


def test_the_right_password_works_again_after_15_minutes(client, owner):
    _fail(client, 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        assert _log_in(client, PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=15, seconds=5)):
        assert _log_in(client, PASSWORD)["Location"] == "/practice/"
        assert _signed_in(client)


def test_another_address_is_not_locked(client, owner):
    _fail(client, 5)
    assert _log_in(client, PASSWORD, address="10.0.0.2")["Location"] == "/practice/"


def test_another_account_from_the_same_address_is_not_locked(client, owner, other_user):
    _fail(client, 5)
    assert _log_in(client, PASSWORD, username="other@example.com")["Location"] == "/practice/"


def test_changing_case_or_typing_the_username_counts_against_the_same_account(client, owner):
    for typed in [
        "owner@example.com",
        "OWNER@example.com",
        " Owner@Example.COM",
        "owner",
        "Owner@example.com",
    ]:
        _log_in(client, "wrong password", username=typed)
    assert _log_in(client, PASSWORD, username="owner").status_code == 429


def test_a_successful_log_in_starts_the_count_again(client, owner):
    _fail(client, 4)
    assert _log_in(client, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    _fail(client, 4)
    assert _log_in(client, PASSWORD).status_code == 302


def test_a_new_password_from_a_reset_link_lifts_the_lock(client, owner):
    _fail(client, 5)
    client.post("/accounts/password_reset/", {"email": "owner@example.com"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line).strip()
    form_url = client.get(link[link.index("/accounts/reset/") :])["Location"]
    client.post(form_url, {"new_password1": "fresh-Pass-word-9", "new_password2": "fresh-Pass-word-9"})
    assert _log_in(client, "fresh-Pass-word-9")["Location"] == "/practice/"


@pytest.mark.parametrize("typed", ["owner@example.com", "Owner@Example.com", "owner"])
def test_log_in_takes_the_email_address_or_an_older_accounts_username(client, owner, typed):
    assert _log_in(client, PASSWORD, username=typed)["Location"] == "/practice/"


def test_an_overlong_address_is_refused_by_the_form_before_it_reaches_the_lockout_records(client, owner):
    # django-axes stores the typed username in a 255-character column: PostgreSQL refused a longer one
    # with a DataError (a 500). The form now stops it first, and the lockout still counts real failures.
    response = _log_in(client, "wrong password", username="a" * 300 + "@example.com")

    assert response.status_code == 400
    assert "at most 254 characters" in response.content.decode()
    assert _fail(client, 4) == [400] * 4
