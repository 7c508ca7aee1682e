"""No one sees another reader's practice data: other readers get 404, visitors are sent to log in."""

import uuid

import pytest

from practice.models import Grade, Quiz
from practice.study import services
from tests.factories import ChoiceFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owners_data(owner):
    question = QuestionFactory(slug="canary")
    mc = QuestionFactory(slug="mc", kind="multiple-choice", key_points=[])
    ChoiceFactory(question=mc, is_correct=True)
    attempt = services.attempt_submit(
        user=owner, question=question, token=uuid.uuid4(), answer="OWNER-SECRET-ANSWER"
    )
    services.attempt_grade(attempt=attempt, grade=Grade.MISSED, covered_key_points=[])
    services.note_save(user=owner, question=question, text="OWNER-SECRET-NOTE")
    services.bookmark_toggle(user=owner, question=question)
    quiz, _ = services.quiz_start(user=owner)
    return {"attempt": attempt, "quiz": quiz}


# URLs that name one of the owner's objects: another reader must get a 404.
OWNED_URLS = [
    lambda d: f"/practice/attempts/{d['attempt'].pk}/",
    lambda d: f"/practice/quiz/{d['quiz'].pk}/",
    lambda d: f"/practice/quiz/{d['quiz'].pk}/result/",
]
# Pages about "my" data: another reader sees their own (empty) data, never the owner's.
PERSONAL_URLS = [
    "/practice/",
    "/practice/attempts/",
    "/practice/review/",
    "/practice/saved/",
    "/practice/settings/",
    "/accounts/export.json",
    "/accounts/export.csv",
    "/practice/quiz/",
    "/questions/canary/",
]
LOGIN_REQUIRED_URLS = [url for url in PERSONAL_URLS if url != "/questions/canary/"] + [
    "/practice/q/canary/",
    "/practice/next/",
    "/accounts/delete/",
]


@pytest.mark.parametrize("url", OWNED_URLS)
def test_another_reader_gets_a_404(client, other_user, owners_data, url):
    client.force_login(other_user)
    assert client.get(url(owners_data)).status_code == 404
    assert client.post(url(owners_data), {"grade": "4", "choice": "1"}).status_code == 404


@pytest.mark.parametrize("url", PERSONAL_URLS)
def test_another_reader_never_sees_the_owners_data(client, other_user, owners_data, url):
    client.force_login(other_user)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "OWNER-SECRET" not in body
    assert "owner@example.com" not in body


@pytest.mark.parametrize("url", LOGIN_REQUIRED_URLS + [lambda d: f"/practice/attempts/{d['attempt'].pk}/"])
def test_a_visitor_is_sent_to_log_in(client, owners_data, url):
    url = url(owners_data) if callable(url) else url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_the_owner_does_see_their_data(client, owner, owners_data):
    client.force_login(owner)
    assert (
        "OWNER-SECRET-ANSWER"
        in client.get(f"/practice/attempts/{owners_data['attempt'].pk}/").content.decode()
    )
    assert "OWNER-SECRET-NOTE" in client.get("/practice/saved/").content.decode()
    assert "OWNER-SECRET-ANSWER" in client.get("/accounts/export.json").content.decode()


def test_another_reader_cannot_answer_into_the_owners_quiz(client, other_user, owners_data):
    client.force_login(other_user)
    quiz = owners_data["quiz"]
    client.post(f"/practice/quiz/{quiz.pk}/", {"choice": "1", "token": str(uuid.uuid4()), "started": "x"})
    assert not Quiz.objects.get(pk=quiz.pk).attempts.exists()


@pytest.mark.parametrize(
    "url", ["/practice/q/canary/bookmark/", "/practice/q/canary/note/", "/practice/preview/"]
)
def test_writes_need_a_login_and_a_post(client, owner, owners_data, url):
    assert client.post(url)["Location"].startswith("/accounts/login/")
    client.force_login(owner)
    assert client.get(url).status_code == 405
