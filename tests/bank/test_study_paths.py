import pytest

from bank.models import Status, StudyPath, StudyPathStep
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def path():
    path = StudyPath.objects.create(
        title="From notebook to production",
        slug="notebook",
        audience="Data scientists",
        introduction="Start **here**.",
    )
    for position, title in enumerate(["Zeta first", "Alpha second"], start=1):
        StudyPathStep.objects.create(path=path, question=QuestionFactory(title=title), position=position)
    StudyPathStep.objects.create(
        path=path, question=QuestionFactory(title="Hidden", status=Status.DRAFT), position=3
    )
    return path


def test_a_path_lists_its_published_questions_in_order(client, path, django_assert_num_queries):
    # 1 the path, 1 its steps with questions and topics.
    with django_assert_num_queries(2):
        response = client.get("/paths/notebook/")
    body = response.content.decode()
    assert body.index("Zeta first") < body.index("Alpha second")
    assert "Hidden" not in body
    assert "Start <strong>here</strong>." in body


def test_paths_are_listed_on_their_index_and_the_home_page(client, path):
    assert "From notebook to production" in client.get("/paths/").content.decode()
    assert 'href="/paths/notebook/"' in client.get("/").content.decode()


def test_an_unknown_path_is_a_404(client):
    assert client.get("/paths/nope/").status_code == 404


def test_the_paths_index_has_an_empty_state(client):
    assert "No study paths yet" in client.get("/paths/").content.decode()


def test_paths_are_listed_in_their_position_order(client):
    for position, title in [(2, "Alpha comes second"), (1, "Zulu comes first")]:
        StudyPath.objects.create(
            title=title, slug=f"p{position}", audience="x", introduction="y", position=position
        )
    body = client.get("/").content.decode()
    assert body.index("Zulu comes first") < body.index("Alpha comes second")
    body = client.get("/paths/").content.decode()
    assert body.index("Zulu comes first") < body.index("Alpha comes second")
