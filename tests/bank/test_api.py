import pytest

from bank.models import Difficulty, Kind, Status
from tests.factories import (
    ChoiceFactory,
    CompanyFactory,
    QuestionFactory,
    RoleFactory,
    SampleAnswerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    serving = TopicFactory(name="Serving", slug="serving")
    QuestionFactory(
        title="Alpha", slug="alpha", topic=serving, companies=[netflix], difficulty=Difficulty.HARD
    )
    QuestionFactory(title="Bravo", slug="bravo", difficulty=Difficulty.EASY)
    QuestionFactory(title="Draft", slug="draft", status=Status.DRAFT, companies=[netflix])


def test_it_lists_published_questions_with_a_total(client, bank):
    body = client.get("/api/questions/").json()
    assert body["count"] == 2
    assert [item["slug"] for item in body["results"]] == ["alpha", "bravo"]
    assert body["results"][0]["companies"] == ["netflix"]
    assert body["results"][0]["url"] == "http://testserver/questions/alpha/"


def test_it_uses_the_same_filters_as_the_html_list(client, bank):
    body = client.get("/api/questions/?company=netflix&difficulty=hard").json()
    assert [item["slug"] for item in body["results"]] == ["alpha"]
    html = client.get("/questions/?company=netflix&difficulty=hard")
    assert [q.slug for q in html.context["result"].page.object_list] == ["alpha"]


def test_it_searches_with_q(client, bank):
    question = QuestionFactory(title="Rollouts", slug="rollouts")
    SampleAnswerFactory(question=question, body="Split traffic with Istio.")
    assert [i["slug"] for i in client.get("/api/questions/?q=istio").json()["results"]] == ["rollouts"]


def test_it_paginates_with_links(client, bank):
    QuestionFactory.create_batch(5)
    body = client.get("/api/questions/?page_size=3&page=2").json()
    assert body["count"] == 7 and body["num_pages"] == 3 and body["page"] == 2
    assert len(body["results"]) == 3
    assert body["next"].endswith("page=3") and body["previous"].endswith("page=1")


def test_the_detail_has_every_field_in_markdown_and_html(client, bank):
    question = QuestionFactory(slug="mc", kind=Kind.MULTIPLE_CHOICE, roles=[RoleFactory(slug="ml-engineer")])
    SampleAnswerFactory(question=question, body="Because **batching**.")
    ChoiceFactory(question=question, text="Batch", is_correct=True)
    body = client.get("/api/questions/mc/").json()
    for key in [
        "title",
        "slug",
        "prompt",
        "prompt_html",
        "kind",
        "difficulty",
        "topic",
        "roles",
        "companies",
        "tools",
        "why_asked",
        "why_asked_html",
        "trap",
        "trap_html",
        "key_points",
        "follow_ups",
        "links",
        "answers",
        "choices",
        "status",
        "created_at",
        "updated_at",
    ]:
        assert key in body, key
    assert body["answers"][0]["body_html"] == "<p>Because <strong>batching</strong>.</p>"
    assert body["choices"][0] == {
        "text": "Batch",
        "is_correct": True,
        "explanation": "Because of how batching works.",
        "explanation_html": "<p>Because of how batching works.</p>",
    }
    assert body["roles"] == [{"slug": "ml-engineer", "name": question.roles.get().name}]


def test_a_draft_or_unknown_question_is_a_json_404(client, bank):
    for slug in ["draft", "nope"]:
        response = client.get(f"/api/questions/{slug}/")
        assert response.status_code == 404
        assert "error" in response.json()


def test_facets_count_published_questions(client, bank):
    body = client.get("/api/facets/").json()
    assert {"slug": "netflix", "name": "Netflix", "count": 1} in body["company"]
    assert {item["slug"]: item["count"] for item in body["difficulty"]} == {"easy": 1, "hard": 1}
    assert set(body) == {"topic", "role", "company", "difficulty", "kind"}


def test_a_question_tagged_with_two_chosen_companies_counts_once_in_each_facet(client):
    netflix, uber = CompanyFactory(slug="netflix"), CompanyFactory(slug="uber")
    platform = RoleFactory(slug="platform")
    QuestionFactory(companies=[netflix, uber], roles=[platform], difficulty=Difficulty.HARD)
    body = client.get("/api/facets/?company=netflix&company=uber").json()
    assert {item["slug"]: item["count"] for item in body["role"]} == {"platform": 1}
    assert {item["slug"]: item["count"] for item in body["difficulty"]} == {"hard": 1}


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/questions/?company=initech", "company"),
        ("/api/questions/?difficulty=impossible", "difficulty"),
        ("/api/questions/?page=-3", "page"),
        ("/api/questions/?page=abc", "page"),
        ("/api/questions/?page=42", "page"),
        ("/api/questions/?page_size=0", "page_size"),
        ("/api/questions/?topic=%00", "topic"),
        ("/api/facets/?kind=essay", "kind"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, bank, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["problems"][0]["parameter"] == parameter
    assert parameter in body["error"]


def test_it_only_answers_get(client, bank):
    assert client.post("/api/questions/").status_code == 405


@pytest.mark.parametrize("page_size", [10, 50])
def test_the_list_runs_a_fixed_number_of_queries(client, bank, page_size, django_assert_num_queries):
    QuestionFactory.create_batch(60, companies=[CompanyFactory()])
    # 1 count, 1 the page's ids, 1 those questions with their topic, 1 their companies.
    with django_assert_num_queries(4):
        body = client.get(f"/api/questions/?page_size={page_size}").json()
    assert len(body["results"]) == page_size
    # Again, for a visitor without cookies: the whole answer comes from the cache (bank/caching.py).
    with django_assert_num_queries(0):
        assert client.get(f"/api/questions/?page_size={page_size}").json() == body
    # With a cookie, the page is built again, but the count and ids come from the cache: 1 rows, 1 companies.
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(2):
        assert client.get(f"/api/questions/?page_size={page_size}").json() == body


def test_the_detail_runs_a_fixed_number_of_queries(client, bank, django_assert_num_queries):
    # 1 question with topic, then its roles, companies, answers and choices.
    with django_assert_num_queries(5):
        first = client.get("/api/questions/alpha/").json()
    # The same for every reader, so cached under the bank version: no query the second time.
    with django_assert_num_queries(0):
        assert client.get("/api/questions/alpha/").json() == first


def test_the_detail_carries_the_rubric_and_where_it_was_checked(client):
    import datetime

    QuestionFactory(
        slug="rubric",
        thirty_second="Say **this** first.",
        red_flags=["Adds p99s across stages."],
        follow_ups=[{"question": "Why?", "answer": "Because percentiles do not add."}],
        sources=["https://sre.google/sre-book/"],
        reviewed_on=datetime.date(2026, 11, 29),
        diagram="llm-ttft-itl-request-path.svg",
        diagram_alt="The request path with its latency budget.",
    )
    body = client.get("/api/questions/rubric/").json()
    assert body["thirty_second_html"] == "<p>Say <strong>this</strong> first.</p>"
    assert body["red_flags"] == ["Adds p99s across stages."]
    assert body["follow_ups"] == [
        {
            "question": "Why?",
            "answer": "Because percentiles do not add.",
            "question_html": "Why?",
            "answer_html": "<p>Because percentiles do not add.</p>",
        }
    ]
    assert body["sources"] == ["https://sre.google/sre-book/"] and body["reviewed_on"] == "2026-11-29"
    assert body["diagram"] == {
        "url": "http://testserver/static/diagrams/llm-ttft-itl-request-path.svg",
        "alt": "The request path with its latency budget.",
    }


def test_it_takes_several_values_per_filter_and_says_so_when_one_is_wrong(client, bank):
    CompanyFactory(name="Uber", slug="uber")
    QuestionFactory(title="Uber one", companies=[CompanyFactory(slug="uber")])
    body = client.get("/api/questions/?company=netflix&company=uber").json()
    assert {item["title"] for item in body["results"]} >= {"Alpha", "Uber one"}
    wrong = client.get("/api/questions/?company=netflix&company=initech")
    assert wrong.status_code == 400
    assert "company=netflix&company=uber" in wrong.json()["hint"]
    assert "takes several values" in wrong.json()["error"]
    assert "hint" not in client.get("/api/questions/?page=abc").json()
