"""Readers suggest improvements under every sample answer; curators accept (linking the change) or
turn them down with a reason; the reader sees the outcome on the dashboard."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from bank.models import SampleAnswer, Status
from practice.community import services
from practice.community.models import Suggestion
from practice.limits import MAX_SUGGESTION_LENGTH, MAX_SUGGESTIONS_PER_DAY
from tests.factories import QuestionFactory, SampleAnswerFactory, SuggestionFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 29, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def answer():
    return SampleAnswerFactory(question=QuestionFactory(slug="canary"), body="Canary to 5%.")


def _suggest(client, target, **data):
    payload = {"answer": target.pk, "kind": "outdated", "text": "Cite the 2025 docs."} | data
    return client.post(f"/contribute/q/{target.question.slug}/suggest/", payload)


def test_every_sample_answer_offers_the_suggestion_form_to_a_signed_in_reader(owner_client, answer):
    SampleAnswerFactory(question=answer.question, is_featured=False, title="Shorter", body="Short.")
    body = owner_client.get("/questions/canary/").content.decode()
    assert body.count("Suggest an improvement to this answer") == 2
    assert body.count('action="/contribute/q/canary/suggest/"') == 2


def test_a_visitor_is_asked_to_log_in_first(client, answer):
    assert "to suggest an improvement" in client.get("/questions/canary/").content.decode()
    response = _suggest(client, answer)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Suggestion.objects.count() == 0


def test_a_suggestion_is_stored_sanitised_and_the_reader_is_thanked(owner_client, owner, answer):
    response = _suggest(owner_client, answer, text="Use **v2** <script>alert(1)</script>", kind="error")
    assert response.status_code == 302 and response["Location"] == "/questions/canary/#sample-answer"
    suggestion = Suggestion.objects.get()
    assert (suggestion.user, suggestion.answer, suggestion.kind) == (owner, answer, "error")
    assert "<strong>v2</strong>" in suggestion.text_html and "<script" not in suggestion.text_html
    thanks = owner_client.get("/questions/canary/").content.decode()
    assert "a curator will read your suggestion" in thanks


def test_too_long_or_empty_text_is_a_400_with_a_message(owner_client, answer):
    response = _suggest(owner_client, answer, text="x" * (MAX_SUGGESTION_LENGTH + 1))
    assert response.status_code == 400
    assert "at most 5,000 characters" in response.content.decode().replace("5000", "5,000")
    assert _suggest(owner_client, answer, text="   ").status_code == 400
    assert _suggest(owner_client, answer, kind="rant").status_code == 400
    assert Suggestion.objects.count() == 0


def test_an_answer_of_another_question_or_a_draft_is_a_404(owner_client, answer):
    elsewhere = SampleAnswerFactory()
    assert _suggest(owner_client, answer, answer=elsewhere.pk).status_code == 404
    draft = SampleAnswerFactory(question=QuestionFactory(status=Status.DRAFT))
    assert _suggest(owner_client, draft).status_code == 404
    assert Suggestion.objects.count() == 0


def test_past_ten_a_day_the_reader_gets_a_clear_429_naming_when_to_come_back(owner_client, owner, answer):
    with time_machine.travel(NOW, tick=False):
        for _ in range(MAX_SUGGESTIONS_PER_DAY):
            assert _suggest(owner_client, answer).status_code == 302
    with time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False):
        response = _suggest(owner_client, answer)
    assert response.status_code == 429
    body = response.content.decode()
    assert "You have sent 10 suggestions in the last 24 hours" in body
    assert "after 15:00 UTC on 30 November" in body
    with time_machine.travel(NOW + datetime.timedelta(hours=24, minutes=1), tick=False):
        assert _suggest(owner_client, answer).status_code == 302
    assert Suggestion.objects.filter(user=owner).count() == MAX_SUGGESTIONS_PER_DAY + 1


def test_the_limit_is_per_reader(owner, other_user, answer):
    with time_machine.travel(NOW, tick=False):
        for _ in range(MAX_SUGGESTIONS_PER_DAY):
            services.suggestion_submit(user=owner, answer=answer, kind="unclear", text="x")
        services.suggestion_submit(user=other_user, answer=answer, kind="unclear", text="y")
        with pytest.raises(services.LimitReached):
            services.suggestion_submit(user=owner, answer=answer, kind="unclear", text="z")


def test_accepting_needs_an_edit_and_links_to_that_change(staff_user, answer):
    suggestion = SuggestionFactory(answer=answer)
    with pytest.raises(ValidationError, match="Edit the answer first"):
        services.suggestion_accept(curator=staff_user, suggestion=suggestion)
    answer.body = "Canary to 1%, then 5%."
    answer.save()
    suggestion = services.suggestion_accept(curator=staff_user, suggestion=suggestion)
    assert suggestion.state == Suggestion.State.ACCEPTED and suggestion.decided_by == staff_user
    assert suggestion.accepted_change == SampleAnswer.history.filter(id=answer.pk).first()
    assert suggestion.accepted_change.body == "Canary to 1%, then 5%."


def test_turning_down_needs_a_reason(staff_user):
    suggestion = SuggestionFactory()
    with pytest.raises(ValidationError, match="Say why"):
        services.suggestion_reject(curator=staff_user, suggestion=suggestion, reason="  ")
    services.suggestion_reject(curator=staff_user, suggestion=suggestion, reason="The docs still say 5%.")
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.reason) == ("rejected", "The docs still say 5%.")


def test_the_dashboard_shows_the_reader_each_outcome_and_only_theirs(
    owner_client, owner, other_user, staff_user
):
    waiting = SuggestionFactory(user=owner, answer__question__title="Waiting question")
    accepted = SuggestionFactory(user=owner, answer__question__title="Accepted question")
    accepted.answer.body = "Better."
    accepted.answer.save()
    services.suggestion_accept(curator=staff_user, suggestion=accepted)
    refused = SuggestionFactory(user=owner, answer__question__title="Refused question")
    services.suggestion_reject(curator=staff_user, suggestion=refused, reason="Already covered in point 3.")
    SuggestionFactory(user=other_user, answer__question__title="Someone else's")
    body = owner_client.get("/practice/").content.decode()
    assert "Your suggestions and reports" in body
    assert "Waiting for a curator" in body and waiting.question.title in body
    assert "<strong>Accepted</strong>" in body and "the answer was updated" in body
    assert "<strong>Not taken</strong>: Already covered in point 3." in body
    assert "Someone else&#x27;s" not in body and "Someone else's" not in body
