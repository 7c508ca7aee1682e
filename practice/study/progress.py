"""Reads for the dashboard's progress: activity per day and the streak, averages per topic, where to
work next, calibration of the self-grades, and the reader's ticks against the key-point hints. Every
query is filtered by the reader; the per-topic and per-grade figures come from their grade tallies
(practice.study.tallies)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, F, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from practice.study.models import Attempt, Grade, GradeTally
from practice.study.scheduling import start_of_day

HISTORY_DAYS = 90


@dataclass
class TopicStats:
    slug: str
    name: str
    attempts: int
    average_grade: float | None
    average_coverage: float | None


def attempts_per_day(user, now, days=HISTORY_DAYS):
    """[(date, count)] for each of the last `days` days, oldest first, zeros included."""
    today = timezone.localtime(now).date()
    first = today - timedelta(days=days - 1)
    counts = dict(
        Attempt.objects.filter(user=user, submitted_at__gte=start_of_day(now) - timedelta(days=days - 1))
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("id"))
        .values_list("day", "count")
    )
    return [
        (first + timedelta(days=offset), counts.get(first + timedelta(days=offset), 0))
        for offset in range(days)
    ]


def streak(days):
    """Consecutive days with at least one attempt, ending today (or yesterday, if today is still open)."""
    counts = [count for _, count in days]
    if counts and counts[-1] == 0:
        counts = counts[:-1]
    run = 0
    for count in reversed(counts):
        if not count:
            break
        run += 1
    return run


def _share(total, count):
    return total / count if count else None


def topic_stats(user):
    """Average self-grade and key-point coverage per topic, over graded attempts (from the reader's tallies)."""
    rows = (
        GradeTally.objects.filter(user=user, graded__gt=0)
        .values("topic__slug", "topic__name")
        .annotate(
            attempts=Sum("graded"),
            grade_sum=Sum(F("grade") * F("graded")),
            with_key_points=Sum("with_key_points"),
            coverage_sum=Sum("coverage_sum"),
        )
        .order_by("topic__name")
    )
    return [
        TopicStats(
            slug=row["topic__slug"],
            name=row["topic__name"],
            attempts=row["attempts"],
            average_grade=_share(row["grade_sum"], row["attempts"]),
            average_coverage=_share(row["coverage_sum"], row["with_key_points"]),
        )
        for row in rows
    ]


def calibration(user):
    """[(grade, label, attempts, average coverage, average red flags ticked)] over graded answers to
    questions with key points: do the self-grades match the key points ticked and the red flags owned up to?"""
    rows = {
        row["grade"]: row
        for row in GradeTally.objects.filter(user=user)
        .values("grade")
        .annotate(
            n=Sum("with_key_points"), coverage_sum=Sum("coverage_sum"), red_flags_sum=Sum("red_flags_sum")
        )
    }
    calibrated = []
    for grade in Grade.values:
        row = rows.get(grade, {})
        n = row.get("n") or 0
        calibrated.append(
            (
                grade,
                Grade(grade).label,
                n,
                _share(row.get("coverage_sum"), n),
                _share(row.get("red_flags_sum"), n),
            )
        )
    return calibrated


# A topic where every answer was "Nailed it" needs no more work: "Where to work next" leaves it out.
WEAK_BELOW = Grade.NAILED


def weakest_topics(stats, limit=3):
    graded = [item for item in stats if item.average_grade is not None and item.average_grade < WEAK_BELOW]
    return sorted(graded, key=lambda item: (item.average_grade, item.average_coverage or 0))[:limit]


def hint_agreement(user, months=12):
    """[(month, answers, hinted, hinted and ticked, ticked not hinted)] over graded answers that had hints:
    do the reader's ticks agree with what the hints flagged?"""
    since = timezone.now() - timedelta(days=31 * months)
    rows = Attempt.objects.filter(
        user=user, graded_at__gte=since, hinted_key_points__isnull=False
    ).values_list("graded_at", "hinted_key_points", "covered_key_points")
    by_month = {}
    for graded_at, hinted, covered in rows:
        month = timezone.localtime(graded_at).date().replace(day=1)
        entry = by_month.setdefault(month, [0, 0, 0, 0])
        hinted, covered = set(hinted or []), set(covered or [])
        entry[0] += 1
        entry[1] += len(hinted)
        entry[2] += len(hinted & covered)
        entry[3] += len(covered - hinted)
    return [(month, *by_month[month]) for month in sorted(by_month)]
