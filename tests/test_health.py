from unittest import mock

import pytest
from django.db import OperationalError


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django raises if the view opens a database connection.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_is_down(client):
    with mock.patch("config.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert b"database unavailable" in response.content


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_code(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_a_refused_connection_is_retried_until_the_database_is_back(settings, monkeypatch):
    """What a request sees while PostgreSQL restarts: the connection is retried, not failed."""
    from django.db.backends.postgresql import base as django_postgresql

    from config.postgresql import base

    settings.DATABASE_CONNECT_WAIT_SECONDS = 5
    attempts = []

    def refuse_twice(self, conn_params):
        attempts.append(1)
        if len(attempts) <= 2:
            raise base.DatabaseWrapper.Database.OperationalError("connection refused")
        return "a connection"

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "get_new_connection", refuse_twice)
    monkeypatch.setattr(base.time, "sleep", lambda seconds: None)
    wrapper = base.DatabaseWrapper({"NAME": "x", "OPTIONS": {}}, alias="retry-test")
    assert wrapper.get_new_connection({}) == "a connection"
    assert len(attempts) == 3
    attempts.clear()
    with base.no_wait(), pytest.raises(base.DatabaseWrapper.Database.OperationalError):
        wrapper.get_new_connection({})
    assert len(attempts) == 1, "readiness checks never wait"
