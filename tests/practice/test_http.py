"""A `next` that is not a path on this site falls back to a safe page, never an error (practice/http.py)."""

import pytest

from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

NOT_A_PATH = ["foo", "home", "practice:dashboard", ".", "?page=2", "//evil.example/", "https://evil.example/"]


@pytest.fixture
def question():
    return QuestionFactory(slug="canary")


@pytest.mark.parametrize("target", NOT_A_PATH)
@pytest.mark.parametrize("action", ["bookmark", "note"])
def test_saving_goes_back_to_the_question(owner_client, question, action, target):
    response = owner_client.post(f"/practice/q/canary/{action}/", {"next": target, "text": "x"})
    assert response["Location"] == "/questions/canary/"


@pytest.mark.parametrize("action", ["bookmark", "note"])
def test_saving_goes_back_to_a_path_on_this_site(owner_client, question, action):
    response = owner_client.post(f"/practice/q/canary/{action}/", {"next": "/practice/saved/?page=2"})
    assert response["Location"] == "/practice/saved/?page=2"


@pytest.mark.parametrize("target", NOT_A_PATH)
def test_a_signed_in_reader_on_the_sign_up_page_goes_to_the_dashboard(owner_client, target):
    assert owner_client.get("/accounts/signup/", {"next": target})["Location"] == "/practice/"
