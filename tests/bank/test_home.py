"""The home page: what the product does in one screen, and a way in to each part."""

import pytest

from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_it_tells_a_visitor_about_practice_review_and_mocks_with_a_way_in_to_each(client):
    html = client.get("/").content.decode()
    for heading in [
        "Browse the bank",
        "Practise against key points",
        "Review when it is due",
        "Rehearse a timed mock",
    ]:
        assert heading in html
    assert 'href="/accounts/signup/?next=/mock/new/">Sign up free for mocks</a>' in html
    assert 'href="/accounts/login/">Log in</a>' in html


def test_it_has_one_search_landmark(client):
    assert client.get("/").content.decode().count('role="search"') == 1


def test_practise_sends_a_visitor_to_sign_up_with_log_in_one_click_away(client):
    question = QuestionFactory(slug="canary")
    html = client.get(question.get_absolute_url()).content.decode()
    assert 'href="/accounts/signup/?next=/practice/q/canary/">Practise this question</a>' in html
    signup = client.get("/accounts/signup/?next=/practice/q/canary/").content.decode()
    assert "/accounts/login/?next=/practice/q/canary/" in signup
