"""Practice: attempts and their grades, review cards, bookmarks, notes, reader settings and quizzes."""

from django.conf import settings
from django.db import models

from bank.models import Choice, Company, Question, Role, StudyPath, Topic
from bank.rendering import render_markdown
from practice.limits import DEFAULT_MINUTES_PER_DAY, DEFAULT_RETENTION


class Grade(models.IntegerChoices):
    """The reader's self-grade. The values are FSRS ratings (Again, Hard, Good, Easy)."""

    MISSED = 1, "Missed it"
    PARTIAL = 2, "Partial"
    SOLID = 3, "Solid"
    NAILED = 4, "Nailed it"


GRADE_MEANINGS = {
    Grade.MISSED: "I could not answer, or got the core idea wrong.",
    Grade.PARTIAL: "Right direction, but important parts were missing.",
    Grade.SOLID: "A good answer with small gaps.",
    Grade.NAILED: "Complete and confident: I would say it this way in the room.",
}


class Attempt(models.Model):
    """One try at one question. Every attempt is kept."""

    class Source(models.TextChoices):
        PRACTICE = "practice", "Practice"
        QUIZ = "quiz", "Readiness quiz"
        MOCK = "mock", "Mock interview"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attempts")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.PRACTICE)
    # The form's one-time token: a double-clicked submit finds the attempt the first click stored.
    token = models.UUIDField()
    answer = models.TextField(blank=True, help_text="The reader's own answer, Markdown.")
    answer_html = models.TextField(blank=True, editable=False)
    choice = models.ForeignKey(Choice, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    covered_key_points = models.JSONField(
        default=list, blank=True, help_text="Indexes of the key points covered."
    )
    key_points_total = models.PositiveSmallIntegerField(default=0)
    # len(covered_key_points), stored so averages run in the database.
    key_points_covered = models.PositiveSmallIntegerField(default=0)
    red_flags_ticked = models.JSONField(
        default=list, blank=True, help_text="Indexes of the red flags the reader says they fell into."
    )
    # What the key-point hints (bank/semantic) flagged when the reader graded: indexes, or null when no
    # hints were shown. Kept only on the reader's own attempt, for "you ticked vs the hints" on the dashboard.
    hinted_key_points = models.JSONField(
        null=True, blank=True, help_text="Indexes of the key points the hints flagged at grading time."
    )
    # len(red_flags_ticked), stored so averages run in the database.
    red_flags_count = models.PositiveSmallIntegerField(default=0)
    grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    seconds_spent = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField()
    graded_at = models.DateTimeField(null=True, blank=True)
    quiz = models.ForeignKey("Quiz", null=True, blank=True, on_delete=models.CASCADE, related_name="attempts")

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="one_attempt_per_form_token")]
        indexes = [
            models.Index(fields=["user", "-submitted_at"], name="attempt_user_recent_idx"),
            models.Index(fields=["user", "question", "-submitted_at"], name="attempt_user_question_idx"),
            # The dashboard's "your ticks against the hints": only the few answers graded with hints.
            models.Index(
                fields=["user", "graded_at"],
                condition=models.Q(hinted_key_points__isnull=False),
                name="attempt_user_hinted_idx",
            ),
        ]

    def __str__(self):
        return f"{self.user} on {self.question} at {self.submitted_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)

    @property
    def is_graded(self):
        return self.graded_at is not None

    @property
    def coverage(self):
        """Share of the key points the reader ticked, 0..1, or None when the question had none."""
        if not self.key_points_total:
            return None
        return self.key_points_covered / self.key_points_total

    @property
    def coverage_percent(self):
        coverage = self.coverage
        return None if coverage is None else round(coverage * 100)


class ReviewCard(models.Model):
    """The reader's FSRS memory state for one question: what the review queue is built from."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="review_cards")
    fsrs_card = models.JSONField(help_text="fsrs.Card.to_dict(); its `due` is the scheduler's own date.")
    due = models.DateTimeField(
        help_text="When the question comes back (the FSRS date, capped by the interview date)."
    )
    last_reviewed_at = models.DateTimeField()
    last_grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    reviews = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_card_per_question")]
        indexes = [models.Index(fields=["user", "due"], name="card_user_due_idx")]

    def __str__(self):
        return f"{self.user}: {self.question} due {self.due:%Y-%m-%d}"


class GradeTally(models.Model):
    """Running totals of one reader's graded answers in one topic with one grade.

    The dashboard's topic table and calibration read these few dozen rows instead of every attempt (the
    heavy reader's 10,000 attempts joined to the bank: 47 ms; the tallies: under 1 ms). attempt_grade adds
    each graded answer; an answer counts under its question's current topic, so moving or deleting a
    question moves or removes its answers' share (practice.study.tallies, which also recounts them from
    the attempts: `manage.py recount_grade_tallies`).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grade_tallies")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    graded = models.IntegerField(default=0, help_text="Graded answers.")
    with_key_points = models.IntegerField(
        default=0, help_text="Of those, answers to a question with key points."
    )
    coverage_sum = models.FloatField(
        default=0, help_text="Sum of the share of key points covered, over those."
    )
    red_flags_sum = models.IntegerField(default=0, help_text="Red flags ticked, over those.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic", "grade"], name="one_tally_per_topic_and_grade")
        ]

    def __str__(self):
        return f"{self.user}: {self.graded} graded {self.grade} in {self.topic_id}"


class Bookmark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_bookmark_per_question")]

    def __str__(self):
        return f"{self.user} saved {self.question}"


class Note(models.Model):
    """A reader's private note on a question."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_note_per_question")]

    def __str__(self):
        return f"{self.user}'s note on {self.question}"


class ReaderProfile(models.Model):
    """A reader's settings: the interview date and the study plan around it (target, time, retention)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_profile"
    )
    interview_date = models.DateField(null=True, blank=True)
    # The plan's target: at most one of the three (the form offers one choice); none means the whole bank.
    target_role = models.ForeignKey(Role, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_path = models.ForeignKey(
        StudyPath, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_per_day = models.PositiveSmallIntegerField(
        default=DEFAULT_MINUTES_PER_DAY, help_text="The reader's daily time budget for the plan."
    )
    desired_retention = models.FloatField(
        default=DEFAULT_RETENTION, help_text="FSRS: the chance of recalling a question when it comes back."
    )

    def __str__(self):
        return f"Settings of {self.user}"

    @property
    def has_target(self):
        """False when the plan covers the whole bank."""
        return bool(self.target_role_id or self.target_company_id or self.target_path_id)


class Draft(models.Model):
    """The answer a reader is typing on the practise page, saved as they type; gone once submitted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="drafts")
    text = models.TextField(blank=True)
    # Orders the saves of the browser(s): a save with a revision not above the stored one is refused.
    revision = models.BigIntegerField(default=0)
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_draft_per_question")]

    def __str__(self):
        return f"{self.user}'s draft on {self.question}"


class Quiz(models.Model):
    """A readiness quiz: N multiple-choice questions drawn from a filter, answered one by one."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quizzes")
    filters = models.JSONField(
        default=dict, help_text="The topic and difficulty the questions were drawn from."
    )
    question_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "quizzes"

    def __str__(self):
        return f"Quiz {self.pk} of {self.user}"
