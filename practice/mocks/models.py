"""Timed mock interviews: the mock and one slot per question, holding what the reader typed."""

from django.conf import settings
from django.db import models

from bank.models import Question
from practice.study.models import Attempt


class MockInterview(models.Model):
    """A timed mock interview. The server holds the clock: `deadline` is fixed when it starts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_interviews"
    )
    title = models.CharField(max_length=120)
    preset = models.CharField(
        max_length=30, blank=True, help_text="The preset loop it was built from, if any."
    )
    filters = models.JSONField(default=dict, blank=True, help_text="What the questions were drawn from.")
    time_limit_seconds = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # The question on screen and since when: time used per question is counted on the server.
    current_position = models.PositiveSmallIntegerField(default=1)
    current_since = models.DateTimeField()

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-started_at"], name="mock_user_recent_idx"),
            models.Index(fields=["finished_at", "deadline"], name="mock_open_deadline_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.user}, {self.started_at:%Y-%m-%d})"

    def is_open(self, now):
        return self.finished_at is None and now < self.deadline

    def seconds_left(self, now):
        return max(0, int((self.deadline - now).total_seconds()))


class MockSlot(models.Model):
    """One question of a mock interview and what the reader has typed for it so far."""

    mock = models.ForeignKey(MockInterview, on_delete=models.CASCADE, related_name="slots")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    answer = models.TextField(blank=True)
    # The browser numbers its saves; a save with a lower number than the stored one is older text.
    revision = models.BigIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    flagged = models.BooleanField(default=False)
    seconds_used = models.PositiveIntegerField(default=0)
    attempt = models.OneToOneField(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="mock_slot"
    )

    class Meta:
        ordering = ["mock", "position"]
        constraints = [models.UniqueConstraint(fields=["mock", "position"], name="one_slot_per_position")]

    def __str__(self):
        return f"{self.mock}: {self.position}. {self.question}"
