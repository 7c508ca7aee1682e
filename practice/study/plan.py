"""The study plan's arithmetic: pure functions of dates and counts, no database (selectors feed them).

The plan for a day is the reviews due plus N new questions. N spreads the questions of the target not
yet practised over the days left, so the target is covered COVER_DAYS_BEFORE days before the interview
(those last days are for reviews and mocks), and N is cut to what the reader's daily time budget leaves
once the due reviews are counted. Minutes are estimates, printed on the page as such.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

# Estimates: writing and grading a new answer, and answering a question again from memory.
MINUTES_PER_NEW_QUESTION = 8
MINUTES_PER_REVIEW = 3
# The target should be covered this many days before the interview, leaving them for review.
COVER_DAYS_BEFORE = 3
# Without an interview date (or after it), no deadline: new questions as the time budget allows, up to this.
NEW_PER_DAY_WITHOUT_DATE = 5
# "Solid": last graded Solid or Nailed it, and FSRS expects the memory to hold this long (stability).
SOLID_MIN_GRADE = 3
SOLID_STABILITY_DAYS = 7.0
# How many days the review forecast shows.
FORECAST_DAYS = 14


@dataclass(frozen=True)
class Coverage:
    total: int  # questions in the target
    practised: int  # graded at least once
    solid: int  # see is_solid

    @property
    def remaining(self):
        return max(0, self.total - self.practised)

    @property
    def practised_percent(self):
        return round(100 * self.practised / self.total) if self.total else 0

    @property
    def solid_percent(self):
        return round(100 * self.solid / self.total) if self.total else 0


def is_solid(last_grade, stability):
    """Solid: the last grade was Solid or Nailed it and FSRS's stability is at least a week. The dashboard
    counts the same rule in SQL from the same two constants (practice.study.selectors._plan_counts)."""
    return last_grade >= SOLID_MIN_GRADE and (stability or 0) >= SOLID_STABILITY_DAYS


@dataclass(frozen=True)
class DayPlan:
    today: date
    interview_date: date | None
    days_left: int | None  # days from today to the interview (0 on the day); None without a date
    reviews: int  # due today
    new: int  # new questions to practise today
    new_needed: int  # new questions a day the deadline asks for (before the time budget)
    minutes_per_day: int
    finish_by: date | None  # the day the target should be covered
    projected_finish: date | None  # at today's pace, when the target would be covered

    @property
    def minutes(self):
        return self.reviews * MINUTES_PER_REVIEW + self.new * MINUTES_PER_NEW_QUESTION

    @property
    def is_past(self):
        return self.days_left is not None and self.days_left < 0

    @property
    def cut_by_budget(self):
        """The budget allows fewer new questions than the deadline asks for."""
        return self.new < self.new_needed

    @property
    def reviews_over_budget(self):
        return self.reviews * MINUTES_PER_REVIEW > self.minutes_per_day

    @property
    def late(self):
        """At this pace the target is covered after the day it should be."""
        if self.finish_by is None:
            return False
        return self.projected_finish is None or self.projected_finish > self.finish_by


def days_left(today, interview_date):
    """Whole days from today to the interview: 0 on the day itself, negative once it has passed."""
    return None if interview_date is None else (interview_date - today).days


def new_needed(remaining, today, interview_date):
    """New questions a day so `remaining` are all practised COVER_DAYS_BEFORE days before the interview.

    Today counts as a day. With fewer days than that left, everything remaining is asked for today; on
    the interview day itself, nothing new. Without a date, or once it has passed, there is no deadline:
    NEW_PER_DAY_WITHOUT_DATE.
    """
    if remaining <= 0:
        return 0
    left = days_left(today, interview_date)
    if left is None or left < 0:
        return min(remaining, NEW_PER_DAY_WITHOUT_DATE)
    if left == 0:
        return 0  # the interview is today: no new material
    days = left - COVER_DAYS_BEFORE + 1
    if days <= 1:
        return remaining
    return math.ceil(remaining / days)


def new_within_budget(minutes_per_day, reviews):
    """How many new questions fit the minutes the due reviews leave (never below zero)."""
    spare = max(0, minutes_per_day - reviews * MINUTES_PER_REVIEW)
    return spare // MINUTES_PER_NEW_QUESTION


def day_plan(*, today, interview_date, coverage, reviews, minutes_per_day):
    """Today's plan: the due reviews and N new questions (see the module's docstring)."""
    needed = new_needed(coverage.remaining, today, interview_date)
    new = min(needed, new_within_budget(minutes_per_day, reviews))
    left = days_left(today, interview_date)
    finish_by = None
    if left is not None and left >= 0:
        finish_by = max(today, interview_date - timedelta(days=COVER_DAYS_BEFORE))
    if coverage.remaining == 0:
        projected = today
    elif new == 0:
        projected = None  # never, at this pace
    else:
        projected = today + timedelta(days=math.ceil(coverage.remaining / new) - 1)
    return DayPlan(
        today=today,
        interview_date=interview_date,
        days_left=left,
        reviews=reviews,
        new=new,
        new_needed=needed,
        minutes_per_day=minutes_per_day,
        finish_by=finish_by,
        projected_finish=projected,
    )


def forecast(day_counts, today, days=FORECAST_DAYS):
    """[(date, reviews due that day)] for `days` days from today, from [(date, reviews)]; anything overdue
    counts today."""
    counts = [0] * days
    for day, count in day_counts:
        offset = max(0, (day - today).days)
        if offset < days:
            counts[offset] += count
    return [(today + timedelta(days=offset), count) for offset, count in enumerate(counts)]
