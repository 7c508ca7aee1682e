"""Fuzzed posts to sign-up, log-in and account deletion: a redirect or a 400, never a 500.

Each example rolls back what it wrote (a new account, a deleted one, a session).
"""

import pytest
from hypothesis import given

from tests.conftest import PASSWORD
from tests.fuzz.strategies import encoded, next_urls, one_of_or, post_form, rolled_back

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

usernames = one_of_or(["newreader", "owner", "a.b-c_d@e+f", "x" * 151])
emails = one_of_or(["new@example.com", "owner@example.com", "not-an-email", "a@b"])
passwords = one_of_or([PASSWORD, "tangerine orbit 4417", "password", "12345678"])


@given(
    body=encoded(
        {
            "username": usernames,
            "email": emails,
            "password1": passwords,
            "password2": passwords,
            "next": next_urls,
        },
        optional={"next"},
    )
)
def test_sign_up(client, owner, body):
    with rolled_back():
        assert post_form(client, "/accounts/signup/", body) in (302, 400)


@given(body=encoded({"next": next_urls}))
def test_sign_up_when_already_signed_in(client, owner, body):
    with rolled_back():
        client.force_login(owner)
        assert post_form(client, "/accounts/signup/", body) == 302


@given(body=encoded({"username": usernames, "password": passwords, "next": next_urls}, optional={"next"}))
def test_log_in(client, owner, body):
    with rolled_back():
        assert post_form(client, "/accounts/login/", body) in (302, 400)


@given(body=encoded({"password": passwords}))
def test_delete_account(client, owner, body):
    with rolled_back():
        client.force_login(owner)
        assert post_form(client, "/accounts/delete/", body) in (302, 400)
