"""Spaced repetition with FSRS (the `fsrs` package), tuned for interview questions.

A question is answered at most once a day, so there are no minute-long learning steps: every
review schedules the next one whole days ahead. An interview date caps how far ahead that can be.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from fsrs import Card, Rating, Scheduler

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def start_of_day(moment):
    return datetime.combine(
        timezone.localtime(moment).date(), time.min, tzinfo=timezone.get_current_timezone()
    )


def review(fsrs_card, grade, now):
    """(new fsrs card dict, the scheduler's due date) after the reader graded themselves `grade` (1-4)."""
    card = Card.from_dict(fsrs_card) if fsrs_card else Card()
    card, _log = SCHEDULER.review_card(card, Rating(grade), review_datetime=now)
    return card.to_dict(), card.due


def cap_for_interview(due, interview_date, now):
    """Bring `due` forward so the question comes back before the interview, if there is one ahead."""
    if interview_date is None:
        return due
    interview_starts = datetime.combine(interview_date, time.min, tzinfo=timezone.get_current_timezone())
    if interview_starts <= now or due < interview_starts - timedelta(days=1):
        return due
    return max(now, interview_starts - timedelta(days=1))


def scheduled_due(fsrs_card):
    return datetime.fromisoformat(fsrs_card["due"])
