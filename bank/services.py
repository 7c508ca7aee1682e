"""Writes of the bank's curation: the workflow (draft -> in review -> published) and "mark reviewed".

Every change goes through the model's save(), so `updated_at` moves and django-simple-history records who
made it and what changed (a queryset update() would skip both).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bank.models import Question, can_move


def reviewer_name(user):
    """How the question page names a reviewer: their full name, else their user name."""
    return (user.get_full_name() or user.get_username()).strip()[:100]


def _save(question, user, reason):
    question._history_user = user
    question._change_reason = reason
    question.save()


@transaction.atomic
def question_move(*, user, question, status):
    """Move one question along the workflow; a move the workflow does not allow raises ValidationError."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == status:
        return question
    if not can_move(question.status, status):
        raise ValidationError(
            f"“{question.title}” is {question.get_status_display().lower()}: "
            f"it goes through review before it is published."
        )
    old = question.get_status_display()
    question.status = status
    _save(question, user, f"{old} → {question.get_status_display()}")
    return question


def questions_move(*, user, questions, status):
    """Move each question that may move; returns (moved, refused) lists of questions."""
    moved, refused = [], []
    for question in questions:
        try:
            question_move(user=user, question=question, status=status)
        except ValidationError:
            refused.append(question)
        else:
            moved.append(question)
    return moved, refused


def apply_review_mark(question, user, today=None):
    """Set the review date to today and the reviewer to `user` (the caller saves)."""
    question.reviewed_on = today or timezone.localdate()
    question.reviewed_by = reviewer_name(user)
    question._history_user = user
    question._change_reason = "Marked reviewed"


@transaction.atomic
def question_mark_reviewed(*, user, question, today=None):
    """A curator re-checked every number and claim: recorded on the question and in its history."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    apply_review_mark(question, user, today)
    question.save()
    return question
