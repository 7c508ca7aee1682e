import pytest

from bank.models import Difficulty, Kind, Status
from tests.factories import CompanyFactory, QuestionFactory, RoleFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    serving = TopicFactory(name="Serving", slug="serving")
    monitoring = TopicFactory(name="Monitoring", slug="monitoring")
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    uber = CompanyFactory(name="Uber", slug="uber")
    mlops = RoleFactory(name="MLOps engineer", slug="mlops-engineer")
    RoleFactory(name="Data engineer", slug="data-engineer")
    QuestionFactory(
        title="Netflix hard serving",
        topic=serving,
        difficulty=Difficulty.HARD,
        companies=[netflix],
        roles=[mlops],
    )
    QuestionFactory(
        title="Netflix easy serving", topic=serving, difficulty=Difficulty.EASY, companies=[netflix]
    )
    QuestionFactory(
        title="Uber hard monitoring",
        topic=monitoring,
        difficulty=Difficulty.HARD,
        companies=[uber],
        kind=Kind.SCENARIO,
    )
    QuestionFactory(
        title="Hidden draft",
        topic=serving,
        difficulty=Difficulty.HARD,
        companies=[netflix],
        status=Status.DRAFT,
    )


def titles(response):
    return [q.title for q in response.context["result"].page.object_list]


def test_it_lists_published_questions_only(client, bank):
    response = client.get("/questions/")
    assert response.status_code == 200
    assert titles(response) == ["Netflix easy serving", "Netflix hard serving", "Uber hard monitoring"]


def test_it_combines_filters_from_the_url(client, bank):
    response = client.get("/questions/?company=netflix&difficulty=hard")
    assert titles(response) == ["Netflix hard serving"]
    assert "1 question" in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("topic=monitoring", ["Uber hard monitoring"]),
        ("role=mlops-engineer", ["Netflix hard serving"]),
        ("kind=scenario", ["Uber hard monitoring"]),
        ("difficulty=easy", ["Netflix easy serving"]),
    ],
)
def test_it_filters_by_each_facet(client, bank, query, expected):
    assert titles(client.get(f"/questions/?{query}")) == expected


def test_it_counts_each_filter_value_under_the_other_filters(client, bank):
    response = client.get("/questions/?difficulty=hard")
    facets = {
        facet.name: {o.value: o.count for o in facet.options} for facet in response.context["result"].facets
    }
    assert facets["company"] == {"netflix": 1, "uber": 1}
    # The difficulty facet ignores its own filter, so readers can switch to another value.
    assert facets["difficulty"] == {"easy": 1, "hard": 2}
    html = response.content.decode()
    # The filters are one GET form of checkboxes: the chosen value is ticked, the others can be added.
    assert '<input type="checkbox" name="difficulty" value="hard" checked>' in html
    assert '<input type="checkbox" name="company" value="netflix">' in html


def test_it_searches_title_prompt_and_answers(client, bank):
    question = QuestionFactory(title="Rollouts", prompt="How do you **canary** a model?")
    SampleAnswerFactory(question=question, body="Use the Istio traffic split.")
    assert titles(client.get("/questions/?q=canary")) == ["Rollouts"]
    assert titles(client.get("/questions/?q=istio")) == ["Rollouts"]
    assert titles(client.get("/questions/?q=Uber monitoring")) == ["Uber hard monitoring"]


def test_it_paginates(client, bank):
    QuestionFactory.create_batch(25)
    first = client.get("/questions/")
    assert len(titles(first)) == 20
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/questions/?page=2")
    assert len(titles(second)) == 8


def test_the_empty_state_says_what_was_asked_and_offers_a_way_back(client, bank):
    response = client.get("/questions/?role=data-engineer")
    body = response.content.decode()
    assert response.status_code == 200
    assert "No questions tagged for that role yet." in body
    assert 'href="/questions/"' in body


def test_the_empty_state_of_a_search_quotes_the_words(client, bank):
    body = client.get("/questions/?q=kubernetes").content.decode()
    assert "No questions match “kubernetes”." in body


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("company=initech", "company"),
        ("difficulty=impossible", "difficulty"),
        ("page=-3", "page"),
        ("page=abc", "page"),
        ("page=99", "page"),
        ("kind=essay", "kind"),
        ("page_size=100000", "page_size"),
    ],
)
def test_a_bad_parameter_gets_a_clear_400(client, bank, query, parameter):
    response = client.get(f"/questions/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert "We could not use part of that address" in body
    assert f"<strong>{parameter}</strong>" in body


def test_it_survives_garbage_input(client, bank):
    for query in [
        "q=%00%ff",
        "q=" + "x" * 5000,
        "topic[]=1",
        "page=1e9",
        "q=' OR 1=1 --",
        "company=%F0%9F%92%A5",
    ]:
        assert client.get(f"/questions/?{query}").status_code in (200, 400)


@pytest.mark.parametrize("page_size", [10, 50])
def test_it_runs_the_same_number_of_queries_for_any_page_size(
    client, bank, page_size, django_assert_num_queries
):
    QuestionFactory.create_batch(60, companies=[CompanyFactory(slug="netflix")])
    # 1 count, 1 the page's ids, 1 those questions with their topic, 1 companies of those questions,
    # 5 facet counts (topic, role, company, difficulty, kind), 1 "reported asked" facet (one query for
    # its three windows).
    with django_assert_num_queries(10):
        response = client.get(f"/questions/?page_size={page_size}")
    assert len(titles(response)) == page_size
    # Next time a visitor without cookies gets the whole page from the cache (bank/caching.py).
    with django_assert_num_queries(0):
        assert client.get(f"/questions/?page_size={page_size}").content == response.content
    # With a cookie the page is rendered again, but the count, the ids and the six facets come from the
    # cache (an approved report bumps its version too); left: 1 the questions with their topic, 1 their
    # companies.
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(2):
        again = client.get(f"/questions/?page_size={page_size}")
    assert titles(again) == titles(response)


def test_a_filtered_list_adds_one_lookup_per_filter(client, bank, django_assert_num_queries):
    # The 10 queries above, plus: 1 validate the company slug, once for the list and once per facet
    # that keeps the company filter (topic, role, difficulty, kind) = 5. ("Reported asked" counts
    # reports at the company itself, so its facet drops the tag filter.)
    with django_assert_num_queries(15):
        client.get("/questions/?company=netflix&difficulty=hard")
    # With a cookie, cached but the page: 1 validate the slug, 1 the questions, 1 their companies.
    client.cookies["csrftoken"] = "x" * 32
    with django_assert_num_queries(3):
        client.get("/questions/?company=netflix&difficulty=hard")


def test_it_takes_several_values_per_filter_meaning_any_of_them(client, bank):
    response = client.get("/questions/?company=netflix&company=uber&difficulty=hard")
    titles = [question.title for question in response.context["result"].page.object_list]
    assert titles == ["Netflix hard serving", "Uber hard monitoring"]
    html = response.content.decode()
    assert '<input type="checkbox" name="company" value="netflix" checked>' in html
    assert '<input type="checkbox" name="company" value="uber" checked>' in html
    # The search box carries every chosen value, not only the last one.
    assert html.count('<input type="hidden" name="company"') == 2


def test_it_sorts_by_difficulty_and_by_newest(client, bank):
    def titles(sort):
        return [q.title for q in client.get(f"/questions/?sort={sort}").context["result"].page.object_list]

    assert titles("difficulty") == ["Netflix easy serving", "Netflix hard serving", "Uber hard monitoring"]
    assert titles("newest") == ["Uber hard monitoring", "Netflix easy serving", "Netflix hard serving"]
    html = client.get("/questions/?sort=newest").content.decode()
    assert 'aria-current="true" class="is-selected">Newest</a>' in html


def test_during_a_search_the_default_order_is_named_relevance(client, bank):
    html = client.get("/questions/?q=serving").content.decode()
    assert 'aria-current="true" class="is-selected">Relevance</a>' in html
    assert ">Title</a>" not in html
    assert 'class="is-selected">Title</a>' in client.get("/questions/").content.decode()


def test_the_filter_form_is_reachable_past_a_skip_link(client, bank):
    html = client.get("/questions/").content.decode()
    assert '<a class="skip-results" href="#results-heading">Skip to results</a>' in html
    assert '<form id="list-filters" class="filter-form" method="get"' in html
    assert html.count("<fieldset>") == 6 and "<legend" in html
