"""Each answer says when it was reviewed and by whom; after 12 months it is flagged as stale."""

import datetime

import pytest
import time_machine

from bank.models import Question
from tests.bank.test_admin import _question_form
from tests.factories import QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 29)


@pytest.fixture
def curator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "ana", "ana@example.com", "pw-ana-1", first_name="Ana", last_name="Lima"
    )
    client.force_login(user)
    return client


def test_a_question_is_stale_after_twelve_months_without_review():
    question = QuestionFactory.build(reviewed_on=TODAY - datetime.timedelta(days=365))
    assert not question.is_stale(TODAY)
    question.reviewed_on = TODAY - datetime.timedelta(days=366)
    assert question.is_stale(TODAY)
    question.reviewed_on = None
    assert question.is_stale(TODAY)


@time_machine.travel(TODAY)
def test_mark_reviewed_on_the_change_form_records_date_and_reviewer_in_history(curator_client):
    question = QuestionFactory(reviewed_on=datetime.date(2024, 1, 1))
    response = curator_client.post(
        f"/admin/bank/question/{question.pk}/change/", _question_form(question, mark_reviewed="on")
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.reviewed_on, question.reviewed_by) == (TODAY, "Ana Lima")
    record = question.history.first()
    assert record.reviewed_on == TODAY and record.history_user.username == "ana"


def test_the_review_date_cannot_be_typed_in_only_marked(curator_client):
    question = QuestionFactory(reviewed_on=datetime.date(2024, 1, 1))
    curator_client.post(
        f"/admin/bank/question/{question.pk}/change/",
        _question_form(question, reviewed_on="2026-11-01", reviewed_by="Someone"),
    )
    question.refresh_from_db()
    assert (question.reviewed_on, question.reviewed_by) == (datetime.date(2024, 1, 1), "")


@time_machine.travel(TODAY)
def test_the_mark_reviewed_action_marks_each_selected_question(curator_client):
    questions = QuestionFactory.create_batch(2)
    curator_client.post(
        "/admin/bank/question/", {"action": "mark_reviewed", "_selected_action": [q.pk for q in questions]}
    )
    assert set(Question.objects.values_list("reviewed_on", "reviewed_by")) == {(TODAY, "Ana Lima")}
    assert Question.history.filter(history_change_reason="Marked reviewed").count() == 2


@time_machine.travel(TODAY)
def test_the_admin_list_flags_stale_questions_and_filters_them(curator_client):
    QuestionFactory(title="Fresh one", reviewed_on=TODAY)
    QuestionFactory(title="Old one", reviewed_on=datetime.date(2025, 1, 5))
    QuestionFactory(title="Never checked", reviewed_on=None)
    body = curator_client.get("/admin/bank/question/").content.decode()
    assert "Stale · 2025-01-05" in body and "Never reviewed" in body
    stale = curator_client.get("/admin/bank/question/?freshness=stale").content.decode()
    assert "Old one" in stale and "Never checked" in stale and "Fresh one" not in stale
    fresh = curator_client.get("/admin/bank/question/?freshness=fresh").content.decode()
    assert "Fresh one" in fresh and "Old one" not in fresh


@time_machine.travel(TODAY)
def test_the_page_says_reviewed_on_and_by_whom(client):
    question = QuestionFactory(reviewed_on=datetime.date(2026, 3, 2), reviewed_by="Ana Lima")
    SampleAnswerFactory(question=question)
    body = client.get(question.get_absolute_url()).content.decode()
    assert 'Reviewed on <time datetime="2026-03-02">2 March 2026</time> by Ana Lima.' in body
    assert "over a year ago" not in body


@time_machine.travel(TODAY)
def test_a_stale_answer_is_flagged_gently_on_the_page(client):
    question = QuestionFactory(reviewed_on=datetime.date(2025, 6, 1))
    SampleAnswerFactory(question=question)
    body = client.get(question.get_absolute_url()).content.decode()
    assert "by a second reviewer." in body
    assert "That was over a year ago: tools move fast" in body
