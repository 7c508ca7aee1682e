"""Reads of the community room: what readers reported and suggested, counted only once approved."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.utils import timezone

from bank.models import Company
from practice.community.models import AskedReport, Suggestion, month_start

# The windows a reader can filter the list by, newest first: (value, label, from months ago, to months ago).
# "6m" is this month and the five before it; "6-12m" the six before those; "1-2y" the twelve before those.
ASKED_WINDOWS = {
    "6m": ("Asked in the last 6 months", 0, 6),
    "6-12m": ("Asked 6–12 months ago", 6, 12),
    "1-2y": ("Asked 1–2 years ago", 12, 24),
}
SUMMARY_MONTHS = 6


def months_back(today, months):
    """The first day of the month `months` before today's month."""
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def window_q(value, today=None, prefix=""):
    """A Q selecting reports asked within the window `value` (see ASKED_WINDOWS)."""
    today = today or timezone.localdate()
    _, newest, oldest = ASKED_WINDOWS[value]
    return Q(**{f"{prefix}asked_in__gte": months_back(today, oldest - 1)}) & Q(
        **{f"{prefix}asked_in__lt": months_back(today, newest - 1)}
    )


def approved_reports():
    return AskedReport.objects.filter(state=AskedReport.State.APPROVED)


@dataclass
class AskedLine:
    company: object
    count: int


def asked_summary(question, today=None):
    """[AskedLine] per company of approved reports asked in the last 6 months, most reported first."""
    today = today or timezone.localdate()
    rows = (
        approved_reports()
        .filter(question=question, company__isnull=False)
        .filter(window_q("6m", today))
        .values("company")
        .annotate(count=Count("id"))
        .order_by("-count", "company")
    )
    counts = {row["company"]: row["count"] for row in rows}
    if not counts:
        return []
    companies = Company.objects.in_bulk(counts)
    return [AskedLine(companies[pk], count) for pk, count in counts.items()]


def company_topics(company, today=None):
    """The company's topics by how often readers report being asked them (approved, last 2 years)."""
    today = today or timezone.localdate()
    return (
        approved_reports()
        .filter(company=company, asked_in__gte=months_back(today, 23))
        .values("question__topic__name", "question__topic__slug")
        .annotate(reports=Count("id"), questions=Count("question", distinct=True), latest=Max("asked_in"))
        .order_by("-reports", "question__topic__name")
    )


def suggestions_sent_since(user, since):
    return Suggestion.objects.filter(user=user, created_at__gte=since).count()


def oldest_suggestion_since(user, since):
    return (
        Suggestion.objects.filter(user=user, created_at__gte=since)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def report_this_month(user, question, today=None):
    today = today or timezone.localdate()
    return AskedReport.objects.filter(user=user, question=question, reported_in=month_start(today)).first()


def reader_contributions(user, limit=20):
    """The reader's latest suggestions and reports, with what the curators decided."""
    suggestions = Suggestion.objects.filter(user=user).select_related("question", "answer")[:limit]
    reports = AskedReport.objects.filter(user=user).select_related("question", "company", "role")[:limit]
    return list(suggestions), list(reports)
