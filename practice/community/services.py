"""Writes of the community room: readers suggest and report; curators accept, approve or turn down.

Every write is here, under a transaction. The limits come from practice.limits.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from bank.history import latest_change
from bank.models import Company, CompanySource
from practice.community import selectors
from practice.community.models import AskedReport, Round, Suggestion, month_start
from practice.limits import (
    MAX_COMPANY_NAME_LENGTH,
    MAX_REASON_LENGTH,
    MAX_REPORT_AGE_YEARS,
    MAX_SUGGESTION_LENGTH,
    MAX_SUGGESTIONS_PER_DAY,
)

DAY = datetime.timedelta(days=1)


class LimitReached(ValidationError):
    """A reader has sent as much as a day allows; the message says when they can send again."""


def _next_month(day):
    return (month_start(day) + datetime.timedelta(days=32)).replace(day=1)


@transaction.atomic
def suggestion_submit(*, user, answer, kind, text, now=None):
    now = now or timezone.now()
    text = text.strip()
    if not text:
        raise ValidationError("Write what should change.")
    if len(text) > MAX_SUGGESTION_LENGTH:
        raise ValidationError(f"Suggestions are limited to {MAX_SUGGESTION_LENGTH:,} characters.")
    if kind not in Suggestion.Kind.values:
        raise ValidationError("Pick what kind of improvement this is.")
    since = now - DAY
    # Lock the reader's row so two tabs cannot both send the tenth suggestion.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if selectors.suggestions_sent_since(user, since) >= MAX_SUGGESTIONS_PER_DAY:
        again = selectors.oldest_suggestion_since(user, since) + DAY
        raise LimitReached(
            f"You have sent {MAX_SUGGESTIONS_PER_DAY} suggestions in the last 24 hours, the most we take "
            f"from one reader in a day. You can send the next one after {again:%H:%M} UTC on "
            f"{again:%-d %B}. Thank you for helping."
        )
    return Suggestion.objects.create(user=user, question=answer.question, answer=answer, kind=kind, text=text)


def _decide(item, curator, state, now):
    item.state, item.decided_by, item.decided_at = state, curator, now or timezone.now()


@transaction.atomic
def suggestion_accept(*, curator, suggestion, now=None):
    """Accept a suggestion: it links to the change to its answer made after it was sent."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    change = latest_change(suggestion.answer, suggestion.created_at) if suggestion.answer else None
    if change is None:
        raise ValidationError(
            "Edit the answer first: an accepted suggestion links to the change it led to, "
            "and this answer has not changed since the suggestion was sent."
        )
    _decide(suggestion, curator, Suggestion.State.ACCEPTED, now)
    suggestion.accepted_change, suggestion.reason = change, ""
    suggestion.save()
    return suggestion


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why, in a sentence: the reader sees it.")
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(f"Keep the reason under {MAX_REASON_LENGTH:,} characters.")
    return reason


@transaction.atomic
def suggestion_reject(*, curator, suggestion, reason, now=None):
    reason = _reason(reason)
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _decide(suggestion, curator, Suggestion.State.REJECTED, now)
    suggestion.reason, suggestion.accepted_change = reason, None
    suggestion.save()
    return suggestion


def check_asked_month(month, year, today=None):
    """The first day of the month asked, or ValidationError: not in the future, not too long ago."""
    today = today or timezone.localdate()
    try:
        asked = datetime.date(int(year), int(month), 1)
    except (TypeError, ValueError):
        raise ValidationError("Pick the month and the year it was asked.") from None
    if asked > month_start(today):
        raise ValidationError("That month has not happened yet: pick the month you were asked.")
    if asked.year < today.year - MAX_REPORT_AGE_YEARS:
        raise ValidationError(f"We take reports from the last {MAX_REPORT_AGE_YEARS} years.")
    return asked


def report_submit(*, user, question, round, month, year, company=None, new_company="", role=None, today=None):
    """Store an "I was asked this" report, waiting for a curator. One per reader, question and month."""
    today = today or timezone.localdate()
    new_company = " ".join((new_company or "").split())
    if company is None and not new_company:
        raise ValidationError("Pick the company, or type its name if it is not in the list.")
    if len(new_company) > MAX_COMPANY_NAME_LENGTH:
        raise ValidationError(f"Company names are at most {MAX_COMPANY_NAME_LENGTH} characters.")
    if round not in Round.values:
        raise ValidationError("Pick the round it was asked in.")
    asked = check_asked_month(month, year, today)
    if company is None:
        company = Company.objects.filter(name__iexact=new_company).first()
    already = (
        f"You already reported this question this month; you can report it again from "
        f"{_next_month(today):%-d %B %Y}."
    )
    if selectors.report_this_month(user, question, today):
        raise ValidationError(already)
    try:
        with transaction.atomic():
            return AskedReport.objects.create(
                user=user,
                question=question,
                company=company,
                new_company="" if company else new_company,
                role=role,
                round=round,
                asked_in=asked,
                reported_in=month_start(today),
            )
    except IntegrityError:  # a second tab sent it between our look and our insert
        raise ValidationError(already) from None


def _company_for(report):
    """The report's company; a new one is matched by name or slug, or added as reader-sourced."""
    if report.company_id:
        return report.company
    name = report.new_company
    slug = slugify(name)[:100] or "company"
    existing = Company.objects.filter(name__iexact=name).first() or Company.objects.filter(slug=slug).first()
    return existing or Company.objects.create(name=name, slug=slug, source=CompanySource.READER)


@transaction.atomic
def report_approve(*, curator, report, now=None):
    report = AskedReport.objects.select_for_update().get(pk=report.pk)
    report.company = _company_for(report)
    _decide(report, curator, AskedReport.State.APPROVED, now)
    report.reason = ""
    report.save()
    return report


@transaction.atomic
def report_reject(*, curator, report, reason, now=None):
    reason = _reason(reason)
    report = AskedReport.objects.select_for_update().get(pk=report.pk)
    _decide(report, curator, AskedReport.State.REJECTED, now)
    report.reason = reason
    report.save()
    return report
