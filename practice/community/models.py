"""Readers helping the bank: suggestions to improve a sample answer, and "I was asked this" reports.

Both are reader data, not content: they never go into fixtures/, they leave with the reader's account,
and they count only once a curator has decided on them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from bank.models import Company, Question, Role, SampleAnswer
from bank.rendering import render_markdown
from practice.limits import MAX_COMPANY_NAME_LENGTH, MAX_REASON_LENGTH, MAX_SUGGESTION_LENGTH


class Suggestion(models.Model):
    """A reader's suggestion to improve one sample answer, in Markdown, until a curator decides."""

    class Kind(models.TextChoices):
        ERROR = "error", "Something is wrong"
        OUTDATED = "outdated", "Outdated"
        UNCLEAR = "unclear", "Unclear"
        MISSING = "missing-point", "A missing point"

    class State(models.TextChoices):
        OPEN = "open", "Waiting for a curator"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Not taken"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestions")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="suggestions")
    answer = models.ForeignKey(
        SampleAnswer, on_delete=models.SET_NULL, null=True, blank=True, related_name="suggestions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=MAX_SUGGESTION_LENGTH, help_text="Markdown.")
    text_html = models.TextField(blank=True, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    reason = models.TextField(
        max_length=MAX_REASON_LENGTH, blank=True, help_text="Why it was not taken; the reader sees it."
    )
    # The recorded version of the answer that took the suggestion in (django-simple-history).
    accepted_change = models.ForeignKey(
        SampleAnswer.history.model,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "created_at"], name="suggestion_user_idx"),
            models.Index(fields=["state", "created_at"], name="suggestion_queue_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on “{self.question}”"

    def save(self, *args, **kwargs):
        self.text_html = render_markdown(self.text)
        super().save(*args, **kwargs)


class Round(models.TextChoices):
    PHONE = "phone-screen", "Phone screen"
    TECHNICAL = "technical", "Technical interview"
    CODING = "coding", "Coding"
    SYSTEM_DESIGN = "system-design", "System design"
    BEHAVIOURAL = "behavioural", "Behavioural"
    ONSITE = "onsite", "Onsite loop"
    OTHER = "other", "Other"


def month_start(day):
    return datetime.date(day.year, day.month, 1)


class AskedReport(models.Model):
    """A reader says: this question was asked at this company, in this round, in this month."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for a curator"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Not taken"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="asked_reports")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="asked_reports")
    company = models.ForeignKey(
        Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="asked_reports"
    )
    new_company = models.CharField(
        max_length=MAX_COMPANY_NAME_LENGTH,
        blank=True,
        help_text="A company not in the bank yet; approving the report adds it.",
    )
    role = models.ForeignKey(Role, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    round = models.CharField(max_length=20, choices=Round.choices)
    asked_in = models.DateField(help_text="The month it was asked (stored as its first day).")
    # The month the reader sent it: one report per reader, per question, per month.
    reported_in = models.DateField(editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    reason = models.TextField(max_length=MAX_REASON_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "“I was asked this” report"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question", "reported_in"], name="one_report_per_reader_question_month"
            ),
            models.CheckConstraint(
                condition=Q(company__isnull=False) | ~Q(new_company=""), name="report_names_a_company"
            ),
        ]
        indexes = [
            models.Index(fields=["question", "state", "asked_in"], name="report_question_idx"),
            models.Index(fields=["company", "state", "asked_in"], name="report_company_idx"),
        ]

    def __str__(self):
        return f"“{self.question}” at {self.company_name}, {self.asked_in:%B %Y}"

    @property
    def company_name(self):
        return self.company.name if self.company_id else self.new_company
