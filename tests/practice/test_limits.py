"""Every limit lives in practice/limits.py: the page prints it, the form enforces it, the service refuses past it."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from practice import limits
from practice.study import services
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_the_practise_page_prints_and_enforces_the_answer_limit(owner_client):
    QuestionFactory(slug="limits")
    body = owner_client.get("/practice/q/limits/").content.decode()
    assert "Up to 20,000 characters." in body
    assert f'maxlength="{limits.MAX_ANSWER_LENGTH}"' in body


def test_the_answer_service_refuses_past_the_limit(owner):
    question = QuestionFactory()
    with pytest.raises(ValidationError, match="20,000"):
        services.attempt_submit(
            user=owner, question=question, token=uuid.uuid4(), answer="x" * (limits.MAX_ANSWER_LENGTH + 1)
        )


def test_the_question_page_prints_and_enforces_the_note_limit(owner_client):
    QuestionFactory(slug="limits")
    body = owner_client.get("/questions/limits/").content.decode()
    assert "up to 5,000 characters" in body and f'maxlength="{limits.MAX_NOTE_LENGTH}"' in body
    response = owner_client.post(
        "/practice/q/limits/note/", {"text": "x" * (limits.MAX_NOTE_LENGTH + 1)}, follow=True
    )
    assert "Notes are limited to 5,000 characters; nothing was saved." in response.content.decode()


def test_the_mock_setup_form_takes_its_bounds_from_the_limits(owner_client):
    body = owner_client.get("/mock/new/").content.decode()
    assert f'max="{limits.MAX_MOCK_QUESTIONS}"' in body and f'max="{limits.MAX_MOCK_MINUTES}"' in body


def test_the_preview_refuses_past_the_limit_with_a_message(owner_client):
    response = owner_client.post("/practice/preview/", {"answer": "x" * (limits.MAX_ANSWER_LENGTH + 1)})
    assert response.status_code == 400
    assert response.json()["error"] == "Answers are limited to 20,000 characters; this one has 20,001."


def test_a_mock_autosave_past_the_limit_says_so_and_stores_nothing(owner_client, owner):
    from practice.mocks import services as mock_services

    mock = mock_services.mock_start(
        user=owner, title="M", questions=[QuestionFactory()], time_limit_seconds=600
    )
    response = owner_client.post(
        f"/mock/{mock.pk}/q/1/save/", {"answer": "x" * (limits.MAX_ANSWER_LENGTH + 1), "revision": "3"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == "answer: Answers are limited to 20,000 characters. Nothing was stored."
    assert mock.slots.get().answer == ""
