"""Bad input gets a clear answer, never a 500: nasty values in every parameter of the public pages."""

import pytest

from tests.factories import CompanyFactory, QuestionFactory

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "%00",
    "%ff%fe",
    "a" * 3000,
    "'; DROP TABLE bank_question; --",
    "<script>alert(1)</script>",
    "💥🔥",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999",
    "NaN",
    "../../etc/passwd",
    "%E2%80%AE",
    "&|!:*()",
]
LIST_PARAMS = ["q", "topic", "role", "company", "difficulty", "kind", "page", "page_size"]


@pytest.fixture(autouse=True)
def bank():
    QuestionFactory(slug="known", companies=[CompanyFactory(slug="netflix")])


@pytest.mark.parametrize("path", ["/questions/", "/api/questions/", "/api/facets/", "/companies/netflix/"])
@pytest.mark.parametrize("param", LIST_PARAMS)
def test_list_parameters(client, path, param):
    for value in NASTY:
        response = client.get(f"{path}?{param}={value}")
        assert response.status_code in (200, 400), (path, param, value, response.status_code)


@pytest.mark.parametrize("value", NASTY)
def test_question_page_list_context(client, value):
    response = client.get(f"/questions/known/?list={value}&pos={value}")
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/questions/{v}/", "/api/questions/{v}/", "/topics/{v}/", "/paths/{v}/"])
def test_unknown_slugs(client, path):
    for value in ["nope", "a" * 300, "%F0%9F%92%A5"]:
        assert client.get(path.format(v=value)).status_code == 404


def test_practice_forms_survive_nasty_posts(owner_client):
    for value in NASTY:
        data = {
            "answer": value,
            "token": value,
            "started": value,
            "done": "",
            "choice": value,
            "grade": value,
        }
        assert owner_client.post("/practice/q/known/", data).status_code in (302, 400)
        assert owner_client.post("/practice/quiz/", {"count": value, "topic": value}).status_code in (
            200,
            302,
            400,
        )
        assert owner_client.post(
            "/mock/new/", {"count": value, "minutes": value, "timing": value}
        ).status_code in (200, 302, 400)
        assert owner_client.post("/practice/settings/", {"interview_date": value}).status_code in (400, 302)
        assert owner_client.get(f"/practice/attempts/?page={value}&topic={value}").status_code in (200, 400)
