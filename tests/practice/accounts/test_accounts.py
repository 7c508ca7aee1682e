import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from practice.models import Attempt
from tests.conftest import PASSWORD
from tests.factories import AttemptFactory

pytestmark = pytest.mark.django_db


def test_log_in_and_log_out(client, owner):
    response = client.post("/accounts/login/", {"username": "owner", "password": PASSWORD})
    assert response["Location"] == "/practice/"
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert client.get("/practice/").status_code == 302


def test_a_wrong_password_gets_a_clear_message(client, owner):
    body = client.post("/accounts/login/", {"username": "owner", "password": "nope"}).content.decode()
    assert "That email address and password do not match an account." in body


def test_change_password(owner_client, owner):
    response = owner_client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-Long-pass-77",
            "new_password2": "another-Long-pass-77",
        },
    )
    assert response["Location"] == "/accounts/password_change/done/"
    owner.refresh_from_db()
    assert owner.check_password("another-Long-pass-77")


def test_reset_password_by_email(client, owner):
    response = client.post("/accounts/password_reset/", {"email": "owner@example.com"})
    assert response["Location"] == "/accounts/password_reset/done/"
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line).strip()
    path = link[link.index("/accounts/reset/") :]
    form_url = client.get(path)["Location"]
    done = client.post(form_url, {"new_password1": "fresh-Pass-word-9", "new_password2": "fresh-Pass-word-9"})
    assert done["Location"] == "/accounts/reset/done/"
    owner.refresh_from_db()
    assert owner.check_password("fresh-Pass-word-9")


def test_delete_account_needs_the_password(owner_client, owner):
    AttemptFactory(user=owner)
    response = owner_client.post("/accounts/delete/", {"password": "wrong"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_delete_account_removes_everything(owner_client, owner, other_user):
    AttemptFactory(user=owner)
    AttemptFactory(user=other_user)
    response = owner_client.post("/accounts/delete/", {"password": PASSWORD})
    assert response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert list(Attempt.objects.values_list("user", flat=True)) == [other_user.pk]
    assert owner_client.get("/practice/").status_code == 302


def test_export_json_has_all_my_data_and_only_mine(owner_client, owner, other_user):
    AttemptFactory(user=owner, answer="my words")
    AttemptFactory(user=other_user, answer="their words")
    response = owner_client.get("/accounts/export.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert set(data) == {
        "account",
        "settings",
        "attempts",
        "drafts",
        "notes",
        "bookmarks",
        "review_state",
        "quizzes",
        "mock_interviews",
        "suggestions",
        "asked_reports",
    }
    assert [a["answer"] for a in data["attempts"]] == ["my words"]


def test_export_json_includes_my_suggestions_and_reports_with_their_outcome(owner_client, owner, other_user):
    from tests.factories import AskedReportFactory, SuggestionFactory

    SuggestionFactory(user=owner, text="Mine.", state="rejected", reason="Already there.")
    SuggestionFactory(user=other_user, text="Theirs.")
    AskedReportFactory(user=owner, company=None, new_company="Acme", state="pending")
    data = json.loads(owner_client.get("/accounts/export.json").content)
    assert [(s["text"], s["outcome"], s["reason"]) for s in data["suggestions"]] == [
        ("Mine.", "Not taken", "Already there.")
    ]
    assert [(r["company"], r["outcome"]) for r in data["asked_reports"]] == [
        ("Acme", "Waiting for a curator")
    ]


def test_deleting_my_account_takes_my_suggestions_and_reports_with_it(owner_client, owner):
    from practice.community.models import AskedReport, Suggestion
    from tests.factories import AskedReportFactory, SuggestionFactory

    SuggestionFactory(user=owner)
    AskedReportFactory(user=owner)
    owner_client.post("/accounts/delete/", {"password": PASSWORD})
    assert not Suggestion.objects.exists() and not AskedReport.objects.exists()


def test_export_csv(owner_client, owner, other_user):
    from practice.study import services

    attempt = AttemptFactory(user=owner, answer="my words")
    services.note_save(user=owner, question=attempt.question, text="my note")
    services.bookmark_toggle(user=owner, question=attempt.question)
    services.attempt_grade(attempt=attempt, grade=3, covered_key_points=[0])
    AttemptFactory(user=other_user, answer="their words")
    rows = list(csv.DictReader(io.StringIO(owner_client.get("/accounts/export.csv").content.decode())))
    assert [row["record"] for row in rows] == ["attempt", "note", "bookmark", "review"]
    assert rows[0]["text"] == "my words" and rows[0]["grade"] == "Solid" and rows[1]["text"] == "my note"
    assert rows[3]["due"] and all(row["question_slug"] == attempt.question.slug for row in rows)


@pytest.fixture
def quiz_and_mock(owner, other_user):
    from bank.models import Kind
    from practice.mocks import services as mock_services
    from practice.study import services as study_services
    from tests.factories import ChoiceFactory, QuestionFactory

    choice_question = QuestionFactory(slug="pick-one", kind=Kind.MULTIPLE_CHOICE)
    ChoiceFactory(question=choice_question, is_correct=True)
    quiz, _ = study_services.quiz_start(user=owner, count=1)
    written = QuestionFactory(slug="write-it", kind=Kind.SCENARIO)
    mock = mock_services.mock_start(
        user=owner, title="Owner's mock", questions=[written], time_limit_seconds=600
    )
    mock_services.mock_save_answer(slot=mock.slots.get(), answer="MY MOCK WORDS", revision=1)
    mock_services.mock_start(user=other_user, title="Their mock", questions=[written], time_limit_seconds=600)
    return quiz, mock


def test_export_json_includes_my_quizzes_and_mock_interviews(owner_client, quiz_and_mock):
    quiz, mock = quiz_and_mock
    data = json.loads(owner_client.get("/accounts/export.json").content)
    assert [(q["id"], q["questions"]) for q in data["quizzes"]] == [(quiz.pk, ["pick-one"])]
    assert [m["title"] for m in data["mock_interviews"]] == ["Owner's mock"]
    assert data["mock_interviews"][0]["answers"][0] == {
        "position": 1,
        "question": "write-it",
        "answer": "MY MOCK WORDS",
        "flagged": False,
        "seconds_used": 0,
        "grade": None,
    }


def test_export_csv_includes_my_quizzes_and_mock_answers(owner_client, quiz_and_mock):
    rows = list(csv.DictReader(io.StringIO(owner_client.get("/accounts/export.csv").content.decode())))
    assert [row["record"] for row in rows] == ["quiz", "mock_answer"]
    assert rows[1]["text"] == "MY MOCK WORDS" and rows[1]["quiz_or_mock"].endswith("Owner's mock")
