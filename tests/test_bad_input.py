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


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize("path", ["/questions/", "/api/questions/", "/api/facets/", "/companies/netflix/"])
@pytest.mark.parametrize("param", LIST_PARAMS)
def test_list_parameters(client, path, param, value):
    response = client.get(f"{path}?{param}={value}")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("value", NASTY)
def test_question_page_list_context(client, value):
    response = client.get(f"/questions/known/?list={value}&pos={value}")
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["nope", "a" * 300, "%F0%9F%92%A5"])
@pytest.mark.parametrize("path", ["/questions/{v}/", "/api/questions/{v}/", "/topics/{v}/", "/paths/{v}/"])
def test_unknown_slugs(client, path, value):
    assert client.get(path.format(v=value)).status_code == 404


@pytest.mark.parametrize("value", NASTY)
def test_practise_form(owner_client, value):
    data = {"answer": value, "token": value, "started": value, "choice": value, "grade": value}
    assert owner_client.post("/practice/q/known/", data).status_code in (302, 400)


@pytest.mark.parametrize("value", NASTY)
def test_quiz_form(owner_client, value):
    assert owner_client.post("/practice/quiz/", {"count": value, "topic": value}).status_code in (302, 400)


@pytest.mark.parametrize("value", NASTY)
def test_mock_setup_form(owner_client, value):
    response = owner_client.post("/mock/new/", {"count": value, "minutes": value, "timing": value})
    assert response.status_code in (302, 400)


@pytest.mark.parametrize("value", NASTY)
def test_settings_form(owner_client, value):
    assert owner_client.post("/practice/settings/", {"interview_date": value}).status_code in (302, 400)


@pytest.mark.parametrize("value", NASTY)
def test_my_attempts_filters(owner_client, value):
    assert owner_client.get(f"/practice/attempts/?page={value}&topic={value}").status_code in (200, 400)


@pytest.mark.parametrize("value", ["²", "¹²", "٣", "9" * 5000, "-1", "0", "1.5"])
def test_numbers_that_only_look_like_numbers(owner_client, value):
    """str.isdigit() says yes to "²" and to 5,000 digits, and int() then fails: never a 500."""
    assert owner_client.get(f"/questions/known/?list=q%3D&pos={value}").status_code == 200
    assert owner_client.get(f"/practice/attempts/?page={value}").status_code == 200


@pytest.mark.parametrize("value", ["+1", "1_0", "٣", " 1", "1.0", "-1", "9" * 5000])
@pytest.mark.parametrize("param", ["page", "page_size"])
def test_page_numbers_are_ascii_digits_only(client, param, value):
    """int() takes "+1", "1_0" and Arabic-Indic digits; a page number is plain digits or a 400 that says so."""
    response = client.get("/api/questions/", {param: value})
    assert response.status_code == 400
    assert f"{param} must be a whole number" in response.json()["error"]
