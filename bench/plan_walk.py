"""Walk a candidate through the study plan, day by day, with the real FSRS scheduler and the plan's
arithmetic (practice/study/plan.py): how many reviews and new questions each day asks for, the minutes,
and how much of the target is practised and solid by the interview.

Usage: .venv/bin/python bench/plan_walk.py [--days 30] [--target 168] [--minutes 45] [--retention 0.9]
                                            [--grade 3]
No database: the cards live in memory. Every answer is graded --grade (3 = Solid) the day it is due.
Prints a table; nothing here asserts anything.
"""

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()
from practice.study import plan, scheduling  # noqa: E402


def walk(days, target, minutes, retention, grade):
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    interview = (start + timedelta(days=days)).date()
    cards = {}  # question number -> (fsrs card, due)
    rows = []
    for offset in range(days + 1):
        now = start + timedelta(days=offset)
        today = now.date()
        due = [number for number, (_, when) in cards.items() if when <= now]
        coverage = plan.Coverage(
            total=target,
            practised=len(cards),
            solid=sum(plan.is_solid(grade, card["stability"]) for card, _ in cards.values()),
        )
        day = plan.day_plan(
            today=today,
            interview_date=interview,
            coverage=coverage,
            reviews=len(due),
            minutes_per_day=minutes,
        )
        fresh = list(range(len(cards), len(cards) + day.new))
        for number in due + fresh:
            card, when = scheduling.review(cards.get(number, (None,))[0], grade, now, retention=retention)
            cards[number] = (card, scheduling.cap_for_interview(when, interview, now, spread_key=number))
        rows.append(
            (today, day.days_left, len(due), day.new, day.minutes, coverage.practised, coverage.solid)
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--target", type=int, default=168)
    parser.add_argument("--minutes", type=int, default=45)
    parser.add_argument("--retention", type=float, default=0.9)
    parser.add_argument("--grade", type=int, default=3)
    args = parser.parse_args()
    rows = walk(args.days, args.target, args.minutes, args.retention, args.grade)
    print(
        f"{args.target} questions, interview in {args.days} days, {args.minutes} min a day,"
        f" retention {args.retention}, every answer graded {args.grade}"
    )
    print(f"{'day':<12}{'days left':>10}{'reviews':>9}{'new':>5}{'minutes':>9}{'practised':>11}{'solid':>7}")
    for today, left, reviews, new, minutes, practised, solid in rows:
        print(f"{today.isoformat():<12}{left:>10}{reviews:>9}{new:>5}{minutes:>9}{practised:>11}{solid:>7}")
    print(f"total reviews {sum(r[2] for r in rows)}, new {sum(r[3] for r in rows)}")


if __name__ == "__main__":
    main()
