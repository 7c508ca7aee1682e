"""Spaced repetition with FSRS (the `fsrs` package), tuned for interview questions.

A question is answered at most once a day, so there are no minute-long learning steps: every
review schedules the next one whole days ahead. The reader's desired retention sets how long the
gaps are. An interview date caps how far ahead a review can be (see `cap_for_interview`).
"""

from datetime import datetime, time, timedelta
from functools import lru_cache

from django.utils import timezone
from fsrs import Card, Rating, Scheduler

from practice.limits import DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION

# Reviews FSRS would set on or after the interview are brought forward onto one of the last
# SPREAD_DAYS days before it (fewer when the interview is closer), never all onto the eve.
SPREAD_DAYS = 7


@lru_cache(maxsize=32)
def scheduler(retention=DEFAULT_RETENTION):
    retention = min(MAX_RETENTION, max(MIN_RETENTION, round(float(retention), 2)))
    return Scheduler(
        desired_retention=retention, learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )


def start_of_day(moment):
    return datetime.combine(
        timezone.localtime(moment).date(), time.min, tzinfo=timezone.get_current_timezone()
    )


def review(fsrs_card, grade, now, retention=DEFAULT_RETENTION):
    """(new fsrs card dict, the scheduler's due date) after the reader graded themselves `grade` (1-4)."""
    card = Card.from_dict(fsrs_card) if fsrs_card else Card()
    card, _log = scheduler(retention).review_card(card, Rating(grade), review_datetime=now)
    return card.to_dict(), card.due


def cap_for_interview(due, interview_date, now, spread_key=0, reviewed_at=None):
    """Bring `due` forward so a question comes back in the week before the interview, if there is one ahead.

    The final week is the last SPREAD_DAYS days before the interview. A question last reviewed before
    that week whose next review FSRS sets on or after the interview's eve lands on one of that week's
    days, chosen by `spread_key` (the question's id): the same question always lands on the same day, and
    a bank's worth of questions spreads evenly instead of piling onto the day before. A question
    reviewed during the final week keeps FSRS's date: that review was its last look before the
    interview (bringing it back again would have every question return every day of the last week).
    Never earlier than tomorrow.
    """
    if interview_date is None:
        return due
    zone = timezone.get_current_timezone()
    interview_starts = datetime.combine(interview_date, time.min, tzinfo=zone)
    eve = interview_starts - timedelta(days=1)
    week_starts = eve - timedelta(days=SPREAD_DAYS - 1)
    if interview_starts <= now or due < eve or (reviewed_at or now) >= week_starts:
        return due
    first = max(start_of_day(now) + timedelta(days=1), week_starts)
    window = (eve - first).days + 1
    return first + timedelta(days=spread_key % window)


def with_retention(fsrs_card, retention):
    """The card re-timed for a new desired retention: its last review plus the interval FSRS gives its
    stability at that retention (the memory state itself does not change). A card never reviewed stays."""
    if not fsrs_card.get("stability") or not fsrs_card.get("last_review"):
        return fsrs_card
    # `_next_interval` is the scheduler's own formula (fsrs is pinned to 6.3.2 in pyproject.toml; the
    # tests of a retention change catch a rename).
    days = scheduler(retention)._next_interval(stability=fsrs_card["stability"])
    due = datetime.fromisoformat(fsrs_card["last_review"]) + timedelta(days=days)
    return {**fsrs_card, "due": due.isoformat()}


def scheduled_due(fsrs_card):
    return datetime.fromisoformat(fsrs_card["due"])


def stability(fsrs_card):
    return (fsrs_card or {}).get("stability") or 0.0
