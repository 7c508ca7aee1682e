"""Draft -> in review -> published (and back to draft): the form, the bulk actions and the services."""

import pytest
from django.core.exceptions import ValidationError

from bank import services
from bank.models import Question, Status, can_move
from tests.bank.test_admin import _question_form
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-1"))
    return client


@pytest.mark.parametrize(
    "old, new, allowed",
    [
        ("draft", "in-review", True),
        ("in-review", "published", True),
        ("in-review", "draft", True),
        ("published", "draft", True),
        ("published", "in-review", True),
        ("draft", "published", False),
    ],
)
def test_the_workflow_allows_only_its_moves(old, new, allowed):
    assert can_move(old, new) is allowed


def test_the_change_form_refuses_to_publish_a_draft_that_skipped_review(admin_client):
    question = QuestionFactory(status=Status.DRAFT)
    response = admin_client.post(
        f"/admin/bank/question/{question.pk}/change/", _question_form(question, status="published")
    )
    assert response.status_code == 200
    assert "goes to “In review” before it is published" in response.content.decode()
    assert Question.objects.get().status == Status.DRAFT


def test_the_change_form_sends_a_draft_to_review(admin_client):
    question = QuestionFactory(status=Status.DRAFT)
    response = admin_client.post(
        f"/admin/bank/question/{question.pk}/change/", _question_form(question, status="in-review")
    )
    assert response.status_code == 302
    assert Question.objects.get().status == Status.IN_REVIEW


def test_a_question_in_review_is_hidden_from_readers_and_bannered_for_staff(client, staff_user):
    question = QuestionFactory(status=Status.IN_REVIEW)
    assert client.get(question.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    body = client.get(question.get_absolute_url()).content.decode()
    assert "<strong>In review</strong>: only staff can see this question" in body


def test_bulk_publish_goes_through_save_so_updated_at_moves_and_history_records_it(admin_client):
    question = QuestionFactory(status=Status.IN_REVIEW)
    before = Question.objects.get().updated_at
    admin_client.post("/admin/bank/question/", {"action": "publish", "_selected_action": [question.pk]})
    question = Question.objects.get()
    assert question.status == Status.PUBLISHED
    assert question.updated_at > before
    latest = question.history.first()
    assert latest.status == Status.PUBLISHED
    assert latest.history_user.username == "boss"
    assert latest.history_change_reason == "In review → Published"


def test_the_service_refuses_a_move_the_workflow_forbids(staff_user):
    question = QuestionFactory(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="goes through review"):
        services.question_move(user=staff_user, question=question, status=Status.PUBLISHED)
    assert Question.objects.get().status == Status.DRAFT


def test_bulk_unpublish_sends_published_questions_back_to_draft_one_history_record_each(admin_client):
    questions = QuestionFactory.create_batch(3, status=Status.PUBLISHED)
    admin_client.post(
        "/admin/bank/question/", {"action": "unpublish", "_selected_action": [q.pk for q in questions]}
    )
    assert set(Question.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert Question.history.filter(status=Status.DRAFT, history_type="~").count() == 3
