import pytest

from bank.models import Status
from tests.factories import CompanyFactory, QuestionFactory, RoleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_company_page_lists_that_companys_questions(client):
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    QuestionFactory(title="At Netflix", companies=[netflix])
    QuestionFactory(title="Elsewhere")
    response = client.get("/companies/netflix/")
    assert response.status_code == 200
    assert [q.title for q in response.context["result"].page.object_list] == ["At Netflix"]
    assert "<h1>Netflix</h1>" in response.content.decode()


def test_a_company_page_keeps_other_filters(client):
    netflix = CompanyFactory(slug="netflix")
    QuestionFactory(title="Easy", companies=[netflix], difficulty="easy")
    QuestionFactory(title="Hard", companies=[netflix], difficulty="hard")
    response = client.get("/companies/netflix/?difficulty=hard")
    assert [q.title for q in response.context["result"].page.object_list] == ["Hard"]


def test_a_company_with_no_questions_has_a_friendly_empty_state(client):
    CompanyFactory(name="Initech", slug="initech")
    body = client.get("/companies/initech/").content.decode()
    assert "No questions tagged for Initech yet." in body


def test_role_and_topic_pages(client):
    role = RoleFactory(name="Data engineer", slug="data-engineer")
    topic = TopicFactory(name="Monitoring", slug="monitoring")
    QuestionFactory(title="Pipelines", roles=[role], topic=topic)
    assert "Pipelines" in client.get("/roles/data-engineer/").content.decode()
    assert "Pipelines" in client.get("/topics/monitoring/").content.decode()


def test_an_unknown_company_page_is_a_404(client):
    assert client.get("/companies/initech/").status_code == 404


def test_index_pages_count_published_questions(client):
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    QuestionFactory(companies=[netflix])
    QuestionFactory(companies=[netflix], status=Status.DRAFT)
    body = client.get("/companies/").content.decode()
    assert "1 question<" in body
    assert client.get("/roles/").status_code == 200
    assert client.get("/topics/").status_code == 200


def test_the_home_page_shows_topics_with_counts(client):
    topic = TopicFactory(name="Serving and inference")
    QuestionFactory.create_batch(3, topic=topic)
    body = client.get("/").content.decode()
    assert "Serving and inference" in body
    assert "3 questions" in body
    assert 'href="/questions/"' in body


def test_the_home_page_has_an_empty_state(client):
    assert "The bank is empty" in client.get("/").content.decode()


def test_index_pages_are_in_order(client):
    # Slugs and ids run against the names, so only an explicit ORDER BY passes.
    for name, slug in [("Zalando", "a"), ("Meta", "b"), ("Airbnb", "c")]:
        CompanyFactory(name=name, slug=slug)
    body = client.get("/companies/").content.decode()
    assert body.index("Airbnb") < body.index("Meta") < body.index("Zalando")
    TopicFactory(name="A last", slug="a-last", position=9)
    TopicFactory(name="Z first", slug="z-first", position=1)
    body = client.get("/topics/").content.decode()
    assert body.index("Z first") < body.index("A last")
