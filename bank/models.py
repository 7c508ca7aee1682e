import datetime
import re

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from bank.rendering import render_inline_markdown, render_markdown
from bank.search import refresh_search_index


class Difficulty(models.TextChoices):
    EASY = "easy", "Easy"
    MEDIUM = "medium", "Medium"
    HARD = "hard", "Hard"


class Kind(models.TextChoices):
    CONCEPT = "concept", "Concept"
    SCENARIO = "scenario", "Scenario"
    SYSTEM_DESIGN = "system-design", "System design"
    BEHAVIOURAL = "behavioural", "Behavioural"
    MULTIPLE_CHOICE = "multiple-choice", "Multiple choice"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in-review", "In review"
    PUBLISHED = "published", "Published"


# The workflow: draft -> in review -> published, and back: a published question may go back to review
# (to be revised) or to draft, a question in review back to draft. Nothing reaches readers unreviewed:
# only "in review" leads to "published". Staying put is allowed.
STATUS_TRANSITIONS = {
    Status.DRAFT: {Status.DRAFT, Status.IN_REVIEW},
    Status.IN_REVIEW: {Status.IN_REVIEW, Status.PUBLISHED, Status.DRAFT},
    Status.PUBLISHED: {Status.PUBLISHED, Status.IN_REVIEW, Status.DRAFT},
}


def can_move(old_status, new_status):
    """Whether the workflow lets a question go from `old_status` to `new_status`."""
    return new_status in STATUS_TRANSITIONS.get(old_status, {new_status})


# A question whose answer nobody has re-checked for this long is flagged as stale.
FRESH_FOR = datetime.timedelta(days=365)


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(max_length=2_000, blank=True, help_text="Markdown.")
    description_html = models.TextField(blank=True, editable=False)
    position = models.PositiveIntegerField(default=0, help_text="Order on the home page.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("topic_detail", args=[self.slug])


class Role(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("role_detail", args=[self.slug])


class CompanySource(models.TextChoices):
    BANK = "bank", "from the bank's sources"
    READER = "reader", "added from a reader's report"


class Company(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    source = models.CharField(
        max_length=10,
        choices=CompanySource.choices,
        default=CompanySource.BANK,
        help_text="Curated from the bank's sources, or first named in a reader's report.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("company_detail", args=[self.slug])


WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
DIAGRAM_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.svg$")


def validate_links(links):
    """Learn-more links are [{"title": ..., "url": "https://..."}]: nothing else may become an <a href>."""
    if not isinstance(links, list):
        raise ValidationError("Links must be a list of {title, url}.")
    for link in links:
        if not isinstance(link, dict) or not str(link.get("title", "")).strip():
            raise ValidationError("Each link needs a title and a url.")
        if not WEB_ADDRESS.match(str(link.get("url", ""))):
            raise ValidationError(
                f"Links must be web addresses (http or https), not {str(link.get('url'))[:80]!r}."
            )


def validate_sources(sources):
    if not isinstance(sources, list) or not all(WEB_ADDRESS.match(str(url)) for url in sources):
        raise ValidationError("Sources must be a list of web addresses (http or https).")


def validate_follow_ups(follow_ups):
    if not isinstance(follow_ups, list) or not all(
        isinstance(item, dict) and str(item.get("question", "")).strip() for item in follow_ups
    ):
        raise ValidationError('Follow-ups must be a list of {"question": ..., "answer": ...}.')


def published_filter(through=""):
    """The one definition of "published", for lookups that reach questions through a relation.

    `published_filter("questions__")` counts a topic's published questions; a queryset of
    questions uses `Question.objects.published()`, which is built on it.
    """
    return Q(**{f"{through}status": Status.PUBLISHED})


def on_published_questions(rows):
    """A reader's rows (attempts, review cards) whose question is published.

    Written as "not on an unpublished question": a reader's thousands of rows are checked against the
    handful of drafts in a hashed subquery, where a join to the published questions would look up the
    bank once per row (the heavy reader's history count: 37 ms -> 4 ms at 100,000 questions).
    """
    return rows.exclude(question__in=Question.objects.unpublished().values("pk"))


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_filter())

    def unpublished(self):
        """Drafts and questions in review. Spelled as the statuses that are not "published" so the
        (status, ...) indexes find the few of them without reading the bank; see `on_published_questions`."""
        return self.filter(status__in=[status for status in Status.values if status != Status.PUBLISHED])

    def for_cards(self):
        """What a question card in a list shows: its topic and its companies."""
        return self.select_related("topic").prefetch_related("companies")


class Question(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    prompt = models.TextField(
        max_length=5_000, help_text="Markdown. Scenario questions carry their setting and numbers."
    )
    prompt_html = models.TextField(blank=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CONCEPT)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices, default=Difficulty.MEDIUM)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="questions")
    roles = models.ManyToManyField(Role, blank=True, related_name="questions")
    companies = models.ManyToManyField(Company, blank=True, related_name="questions")
    tools = models.JSONField(
        default=list, blank=True, help_text='Tools worth naming, e.g. ["MLflow", "Feast"].'
    )
    why_asked = models.TextField(
        "why interviewers ask it", max_length=2_000, blank=True, help_text="Markdown."
    )
    why_asked_html = models.TextField(blank=True, editable=False)
    trap = models.TextField("the trap to avoid", max_length=2_000, blank=True, help_text="Markdown.")
    trap_html = models.TextField(blank=True, editable=False)
    thirty_second = models.TextField(
        "in 30 seconds",
        max_length=1_500,
        blank=True,
        help_text="Markdown. The headline a candidate says first.",
    )
    thirty_second_html = models.TextField(blank=True, editable=False)
    key_points = models.JSONField(
        default=list, blank=True, help_text="Ordered short statements a good answer covers."
    )
    key_points_html = models.JSONField(default=list, editable=False)
    red_flags = models.JSONField(default=list, blank=True, help_text="What a weak answer says, one per item.")
    red_flags_html = models.JSONField(default=list, editable=False)
    follow_ups = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_follow_ups],
        help_text='Questions an interviewer pushes with, answered: [{"question": ..., "answer": ...}].',
    )
    follow_ups_html = models.JSONField(default=list, editable=False)
    links = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_links],
        help_text='Learn more: [{"title": ..., "url": ...}].',
    )
    sources = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_sources],
        help_text="Where the answer's tool facts and numbers come from (official docs, papers, engineering blogs).",
    )
    reviewed_on = models.DateField(
        null=True, blank=True, help_text="When a second person last checked every number and tool claim."
    )
    reviewed_by = models.CharField(
        max_length=100, blank=True, help_text="Who did that check, as the page names them."
    )
    diagram = models.CharField(
        max_length=100, blank=True, help_text="An SVG file in fixtures/diagrams/, shown with the answer."
    )
    diagram_alt = models.CharField(max_length=400, blank=True, help_text="The diagram's text alternative.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Plain text of everything a search should find (prompt, answers, tools, key points); kept by save().
    search_text = models.TextField(blank=True, editable=False)
    # PostgreSQL only: a stored tsvector with a GIN index (migration 0002). Unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = QuestionQuerySet.as_manager()
    # The stored HTML of the Markdown fields; `loadbank` compares it with a fresh rendering, so a change
    # of the pipeline reaches every question already in a database on the next load.
    RENDERED_FIELDS = [
        "prompt_html",
        "why_asked_html",
        "trap_html",
        "thirty_second_html",
        "key_points_html",
        "red_flags_html",
        "follow_ups_html",
    ]

    # Who changed what and when (django-simple-history); derived HTML and search fields are left out.
    history = HistoricalRecords(
        excluded_fields=[*RENDERED_FIELDS, "search_text", "search_vector", "updated_at"]
    )

    class Meta:
        ordering = ["title", "id"]
        indexes = [
            models.Index(fields=["status", "title", "id"], name="question_list_idx"),
            models.Index(fields=["status", "topic"], name="question_topic_idx"),
            models.Index(fields=["status", "difficulty"], name="question_difficulty_idx"),
            models.Index(fields=["status", "kind"], name="question_kind_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Whatever the path (admin, loadbank, shell), nothing but a web address becomes a link.
        validate_links(self.links)
        validate_sources(self.sources)
        validate_follow_ups(self.follow_ups)
        self.render()
        super().save(*args, **kwargs)
        refresh_search_index(self)

    def get_absolute_url(self):
        return reverse("question_detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.diagram and not DIAGRAM_NAME.match(self.diagram):
            raise ValidationError({"diagram": "Name an .svg file in fixtures/diagrams/, like rag-flow.svg."})
        if bool(self.diagram) != bool(self.diagram_alt):
            raise ValidationError(
                {"diagram_alt": "A diagram needs its text alternative, and only a diagram has one."}
            )

    def render(self):
        """Run the Markdown pipeline (bank.rendering) over every Markdown field into its stored HTML."""
        self.prompt_html = render_markdown(self.prompt)
        self.why_asked_html = render_markdown(self.why_asked)
        self.trap_html = render_markdown(self.trap)
        self.thirty_second_html = render_markdown(self.thirty_second)
        self.key_points_html = [render_inline_markdown(point) for point in self.key_points]
        self.red_flags_html = [render_inline_markdown(flag) for flag in self.red_flags]
        self.follow_ups_html = [
            {
                "question": render_inline_markdown(item["question"]),
                "answer": render_markdown(item.get("answer", "")),
            }
            for item in self.follow_ups
        ]

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def is_stale(self, today=None):
        """Not reviewed at all, or not for FRESH_FOR (12 months)."""
        today = today or timezone.localdate()
        return self.reviewed_on is None or today - self.reviewed_on > FRESH_FOR

    @property
    def stale(self):
        return self.is_stale()

    @property
    def featured_answer(self):
        """The answer shown first, or None. SampleAnswer's ordering puts it first; a prefetch is reused."""
        return next(iter(self.answers.all()), None)


class SampleAnswer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    title = models.CharField(
        max_length=200, blank=True, help_text="Shown when a question has several answers."
    )
    body = models.TextField(max_length=20_000, help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False)
    is_featured = models.BooleanField(default=False, help_text="The answer shown first. One per question.")
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["body_html", "updated_at"])

    class Meta:
        ordering = ["-is_featured", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(is_featured=True), name="one_featured_answer_per_question"
            )
        ]

    def __str__(self):
        return self.title or f"Answer to {self.question}"

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)
        refresh_search_index(self.question)

    def delete(self, *args, **kwargs):
        question = self.question
        result = super().delete(*args, **kwargs)
        refresh_search_index(question)
        return result

    RENDERED_FIELDS = ["body_html"]

    def render(self):
        self.body_html = render_markdown(self.body)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    explanation = models.TextField(
        max_length=3_000, blank=True, help_text="Markdown: why this option is right or wrong."
    )
    explanation_html = models.TextField(blank=True, editable=False)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["explanation_html"])

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    RENDERED_FIELDS = ["explanation_html"]

    def render(self):
        self.explanation_html = render_markdown(self.explanation)


class StudyPath(models.Model):
    """A curated, ordered walk through the bank for one kind of reader."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    audience = models.CharField(max_length=300, help_text="Who the path is for, in one line.")
    introduction = models.TextField(max_length=10_000, help_text="Markdown.")
    introduction_html = models.TextField(blank=True, editable=False)
    position = models.PositiveIntegerField(default=0)
    questions = models.ManyToManyField(Question, through="StudyPathStep", related_name="study_paths")

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.introduction_html = render_markdown(self.introduction)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("path_detail", args=[self.slug])


class StudyPathStep(models.Model):
    path = models.ForeignKey(StudyPath, on_delete=models.CASCADE, related_name="steps")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="path_steps")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["path", "position"]
        constraints = [
            models.UniqueConstraint(fields=["path", "position"], name="one_step_per_position"),
            models.UniqueConstraint(fields=["path", "question"], name="question_once_per_path"),
        ]

    def __str__(self):
        return f"{self.path}: {self.position}. {self.question}"


class QuestionSearch(models.Model):
    """SQLite only: a row of the FTS5 index over questions (bank/fts.py, migration 0006). Read-only.

    Joined from a question as `fts`; `document` is FTS5's hidden column named after the table, where
    `= 'query'` means MATCH, and `rank` is bm25 with the title weighed above the rest.
    """

    question = models.OneToOneField(
        Question,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="fts",
    )
    document = models.TextField(db_column="bank_question_fts")
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = "bank_question_fts"

    def __str__(self):
        return f"Search index of question {self.pk}"


class QuestionVector(models.Model):
    """A question's sentence embedding (its title and prompt), for similar questions and search by meaning.

    Computed at loadbank and when a question is saved, only when the `semantic` extra is installed
    (bank/semantic/vectors.py); float32 bytes, searched with numpy in the app (no pgvector here).
    """

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    model = models.CharField(max_length=100, help_text="The embedding model that made the vector.")
    text_hash = models.CharField(
        max_length=64, help_text="sha256 of the text embedded; unchanged text is not redone."
    )
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.model} vector of {self.question_id}"
