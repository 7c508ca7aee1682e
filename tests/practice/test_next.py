"""Every `next` is a path on this site or it is ignored: the reader lands on a safe page, never an error."""

import re

import pytest
from django.core import mail

from tests.conftest import PASSWORD
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

# `foo` used to reach redirect() as a view name (NoReverseMatch, a 500); the others leave the site.
UNSAFE_NEXT = [
    "foo",
    "//evil.example",
    "https://evil.example",
    "http://evil.example/practice/",
    "/\\evil.example",
    "javascript:alert(1)",
    " /practice/",
    "/" + "a" * 3000,
]


@pytest.fixture
def question():
    return QuestionFactory(slug="canary")


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_bookmark_falls_back_to_the_question(owner_client, question, target):
    response = owner_client.post("/practice/q/canary/bookmark/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/questions/canary/"


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_note_falls_back_to_the_question(owner_client, question, target):
    response = owner_client.post("/practice/q/canary/note/", {"text": "mine", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/questions/canary/"


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_sign_up_when_signed_in_falls_back_to_the_dashboard(owner_client, target):
    response = owner_client.get("/accounts/signup/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/practice/"


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_log_in_falls_back_to_the_dashboard(client, owner, target):
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/practice/"


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_log_in_page_does_not_carry_an_unsafe_next(client, target):
    body = client.get("/accounts/login/", {"next": target}).content.decode()
    assert 'name="next"' not in body


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_log_out_falls_back_to_the_home_page(owner_client, target):
    response = owner_client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_path_on_this_site_is_followed(owner_client, question):
    response = owner_client.post("/practice/q/canary/bookmark/", {"next": "/practice/saved/?topic=x"})
    assert response["Location"] == "/practice/saved/?topic=x"
    assert owner_client.get("/accounts/signup/?next=/practice/q/canary/")["Location"] == "/practice/q/canary/"


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_the_sign_up_link_falls_back_to_the_dashboard(client, target):
    response = client.post(
        "/accounts/signup/", {"email": "maya@example.com", "password": "a-long-Passphrase-42", "next": target}
    )
    assert response["Location"] == "/accounts/signup/sent/"
    link = re.search(r"/accounts/signup/confirm/[^/\s]+/", mail.outbox[0].body).group(0)
    assert client.post(link)["Location"] == "/practice/"
