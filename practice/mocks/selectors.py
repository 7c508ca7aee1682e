"""Reads of mock interviews. Every query here is filtered by the reader (or reached through their mock)."""

from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404

from bank.models import Kind
from bank.selectors import filter_params, filtered_questions
from practice.mocks.models import MockInterview, MockSlot
from practice.study.selectors import average_coverage, least_recent_first

# A mock is answered in writing, so it never draws multiple choice.
WRITTEN_KINDS = tuple(kind for kind in Kind.values if kind != Kind.MULTIPLE_CHOICE)
# What a mock draws when no kind is named: technical questions only; behavioural ones only when asked.
TECHNICAL_KINDS = tuple(kind for kind in WRITTEN_KINDS if kind != Kind.BEHAVIOURAL)


def get_mock_for_user(mock_id, user):
    """The reader's own mock, or 404 (another reader's mock does not exist for them)."""
    return get_object_or_404(MockInterview, pk=mock_id, user=user)


def get_slot(mock, position):
    return get_object_or_404(MockSlot.objects.select_related("question__topic"), mock=mock, position=position)


def slot_count(mock):
    return mock.slots.count()


def slots_for_navigation(mock):
    """The mock's slots, light: what the question bar needs (answered, flagged)."""
    return list(mock.slots.only("mock_id", "position", "flagged", "revision", "answer").order_by("position"))


def candidate_questions(user, *, kinds=(), topics=(), roles=(), companies=(), difficulties=()):
    """Published questions for a mock, through the bank's filters: never-answered first, then the least
    recently answered, shuffled within. Multiple choice is never drawn; behavioural questions only when
    `kinds` names them."""
    kinds = [kind for kind in (kinds or TECHNICAL_KINDS) if kind in WRITTEN_KINDS]
    params = filter_params(
        kind=kinds,
        topic=list(topics),
        role=list(roles),
        company=list(companies),
        difficulty=list(difficulties),
    )
    questions, _ = filtered_questions(params)
    return least_recent_first(questions, user)


def mock_history(user, limit=50):
    """The reader's mocks, newest first, with how many questions each had, how many are graded, the average."""
    return list(
        MockInterview.objects.filter(user=user)
        .annotate(
            questions=Count("slots"),
            graded=Count("slots", filter=Q(slots__attempt__graded_at__isnull=False)),
            average_grade=Avg("slots__attempt__grade"),
        )
        .order_by("-started_at")[:limit]
    )


def summary_slots(mock):
    """Every slot of a finished mock with its question, sample answers and attempt."""
    return list(
        mock.slots.select_related("question__topic", "attempt")
        .prefetch_related("question__answers")
        .order_by("position")
    )


def mock_topic_scores(mock):
    """Per topic of a finished mock: graded answers, average grade and key-point coverage, weakest first."""
    return list(
        mock.slots.filter(attempt__graded_at__isnull=False)
        .values("question__topic__slug", "question__topic__name")
        .annotate(
            answered=Count("id"),
            average_grade=Avg("attempt__grade"),
            coverage=average_coverage("attempt__"),
        )
        .order_by("average_grade", "question__topic__name")
    )
