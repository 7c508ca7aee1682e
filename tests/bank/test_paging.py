"""A list page costs the same queries on page 1 or deep in the list, with a small bank or a large one."""

import pytest

from tests.factories import CompanyFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("questions", "page"), [(30, 1), (30, 3), (120, 1), (120, 12)])
def test_it_runs_the_same_queries_at_any_page_and_bank_size(
    client, questions, page, django_assert_num_queries
):
    QuestionFactory.create_batch(questions, companies=[CompanyFactory()])
    # 1 count, 1 the page's ids (deferred join), 1 those questions with their topic, 1 their companies.
    with django_assert_num_queries(4):
        body = client.get(f"/api/questions/?page_size=10&page={page}").json()
    assert body["page"] == page and len(body["results"]) == 10
    # With a cookie (no whole-page cache), the count and ids are cached: only the rows and companies.
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(2):
        client.get(f"/api/questions/?page_size=10&page={page}")


def test_a_deep_page_holds_the_right_questions_in_list_order(client):
    QuestionFactory.create_batch(25)
    every = [item["slug"] for item in client.get("/api/questions/?page_size=25").json()["results"]]
    third = [item["slug"] for item in client.get("/api/questions/?page_size=10&page=3").json()["results"]]
    assert third == every[20:25]
