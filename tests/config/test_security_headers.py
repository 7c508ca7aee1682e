"""Every HTML page, the admin included, carries the security headers (django-csp and Django's own)."""

import pytest

from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def _assert_headers(response):
    assert response.status_code == 200
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split(";")
    )
    # Scripts and styles only from our own files: no inline code, no eval, no other origin.
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_public_page_carries_the_headers(client):
    question = QuestionFactory()
    _assert_headers(client.get("/"))
    _assert_headers(client.get(question.get_absolute_url()))


def test_a_reader_page_carries_the_headers(owner_client):
    _assert_headers(owner_client.get("/practice/"))
    _assert_headers(owner_client.get("/accounts/login/"))


def test_an_admin_page_carries_the_headers_too(client, staff_user):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)
    question = QuestionFactory()
    _assert_headers(client.get("/admin/"))
    _assert_headers(client.get(f"/admin/bank/question/{question.pk}/change/"))
    client.logout()
    _assert_headers(client.get("/admin/login/"))


def test_violations_are_reported_to_the_logging_endpoint_in_development(client):
    assert "report-uri /csp-report/" in client.get("/")["Content-Security-Policy"]
