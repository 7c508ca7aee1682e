"""A signed-in reader's pages and exports are never kept by a shared cache or stored by the browser."""

import pytest

from tests.factories import AttemptFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    [
        "/practice/",
        "/practice/attempts/",
        "/accounts/export.json",
        "/accounts/export.csv",
        "/questions/canary/",
        "/",
    ],
)
def test_a_signed_in_readers_responses_are_private_and_not_stored(owner_client, url):
    QuestionFactory(slug="canary")
    response = owner_client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_an_attempt_page_is_private_and_not_stored(owner_client, owner):
    attempt = AttemptFactory(user=owner, answer="my own words")
    response = owner_client.get(f"/practice/attempts/{attempt.pk}/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_a_visitors_public_page_may_be_cached(client):
    QuestionFactory(slug="canary")
    response = client.get("/questions/canary/")
    assert "no-store" not in _directives(response)
