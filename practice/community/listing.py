"""What readers' reports add to the bank's question list: a filter by when a question was reported
asked (for the chosen companies, or any) and a sort by how often. Registered into bank.selectors from
PracticeConfig.ready(), so the bank never imports practice.

With `asked=` in the query, `company=` means "reported asked at" that company (the filter takes the
company over from the bank's tag filter); without it, `company=` is the bank's curated tag as before.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save

from bank.caching import content_changed
from bank.selectors import register_list_filter, register_sort
from practice.community.selectors import ASKED_WINDOWS, approved_reports, window_q


def _matching_reports(params, windows):
    """Approved reports at the chosen companies (any, if none is chosen) within any of `windows`."""
    reports = approved_reports()
    companies = [slug for slug in params.getlist("company") if slug]
    if companies:
        reports = reports.filter(company__slug__in=companies)
    if windows:
        any_window = Q()
        for value in windows:
            any_window |= window_q(value)
        reports = reports.filter(any_window)
    return reports


def filter_asked(queryset, values, params):
    return queryset.filter(pk__in=_matching_reports(params, values).values("question_id"))


def sort_by_reports(queryset, params):
    """Most reported first (within the chosen companies and windows), then by title."""
    windows = [value for value in params.getlist("asked") if value in ASKED_WINDOWS]
    counts = (
        _matching_reports(params, windows)
        .filter(question=OuterRef("pk"))
        .order_by()
        .values("question")
        .annotate(n=Count("id"))
        .values("n")
    )
    return queryset.annotate(
        report_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    ).order_by("-report_count", "title", "id")


def register():
    register_list_filter(
        "asked",
        "Reported asked",
        {value: label for value, (label, _, _) in ASKED_WINDOWS.items()},
        filter_asked,
        replaces=["company"],
    )
    register_sort("reported", "Most reported", sort_by_reports)
    # The list's "reported asked" counts are cached under the bank version: a report approved, rejected
    # or deleted changes them, so it bumps the version like a content edit.
    from practice.community.models import AskedReport

    post_save.connect(content_changed, sender=AskedReport, dispatch_uid="bank-version-asked-report-save")
    post_delete.connect(content_changed, sender=AskedReport, dispatch_uid="bank-version-asked-report-delete")
