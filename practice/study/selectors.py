"""Reads of a reader's own practice data. Every query here is filtered by the reader. The dashboard's
progress figures are in practice.study.progress."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import (
    Avg,
    Case,
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Greatest, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bank.caching import cached
from bank.models import Kind, Question, on_published_questions
from bank.selectors import filtered_questions
from bank.selectors import get_published_question as get_published_question
from bank.semantic.hints import hint_mode, key_point_hints
from practice.study import plan
from practice.study.models import (
    Attempt,
    Bookmark,
    Draft,
    Note,
    Quiz,
    ReaderProfile,
    ReviewCard,
)
from practice.study.scheduling import start_of_day

# The columns the review queue and the history list read of a card and of an attempt.
CARD_FIELDS = ("user_id", "question_id", "due", "last_reviewed_at", "last_grade")
HISTORY_FIELDS = ("user_id", "question_id", "submitted_at", "graded_at", "grade", "key_points_total",
                  "key_points_covered", "seconds_spent")  # fmt: skip


def get_attempt_for_user(attempt_id, user):
    """The reader's own attempt, or 404 (another reader's attempt does not exist for them)."""
    return get_object_or_404(
        Attempt.objects.select_related("question__topic", "choice").prefetch_related(
            "question__choices", "question__answers"
        ),
        pk=attempt_id,
        user=user,
    )


def question_history(user, question, limit=20):
    return list(Attempt.objects.filter(user=user, question=question).select_related("choice")[:limit])


@dataclass
class ReaderState:
    attempts: list
    is_bookmarked: bool
    note: Note | None
    note_form: object = None  # set by the template tag that shows it


def reader_state(user, question):
    """What the question page shows a signed-in reader: their attempts, bookmark and note."""
    if not user.is_authenticated:
        return None
    return ReaderState(
        attempts=question_history(user, question, limit=10),
        is_bookmarked=Bookmark.objects.filter(user=user, question=question).exists(),
        note=Note.objects.filter(user=user, question=question).first(),
    )


def interview_date(user):
    """The reader's interview date, or None."""
    return ReaderProfile.objects.filter(user=user).values_list("interview_date", flat=True).first()


def review_card_for(user, question):
    """The reader's review card for `question`, or None before its first graded attempt."""
    return ReviewCard.objects.filter(user=user, question=question).first()


def review_queue(user, now=None):
    """Cards due now, most overdue first; a question reviewed today waits until tomorrow."""
    now = now or timezone.now()
    return (
        on_published_questions(ReviewCard.objects.filter(user=user, due__lte=now))
        .exclude(last_reviewed_at__gte=start_of_day(now))
        .select_related("question__topic")
        # What a queue entry shows: a whole question is ~30 columns, a dozen of them JSON to decode.
        .only(*CARD_FIELDS, "question__slug", "question__title", "question__topic__name")
        .order_by("due", "id")
    )


def due_count(user, now=None):
    return review_queue(user, now).count()


def my_attempts(user, params, page_number=1, per_page=20):
    """(page, errors): the reader's attempts on questions matching the bank's filters."""
    questions, errors = filtered_questions(params)
    if errors:
        return None, errors
    if any(value for name, value in params.items() if name != "page"):
        attempts = Attempt.objects.filter(user=user, question__in=questions.values("pk"))
    else:  # no filter: a check against the few unpublished questions rather than a subquery over the bank
        attempts = on_published_questions(Attempt.objects.filter(user=user))
    # Deferred join: the page's ids walk the (user, -submitted_at) index; then only those rows are read.
    page = Paginator(
        attempts.order_by("-submitted_at", "-id").values_list("pk", flat=True), per_page
    ).get_page(page_number)
    ids = list(page.object_list)
    rows = (
        Attempt.objects.filter(pk__in=ids)
        .select_related("question__topic")
        # What a history row shows; not the answer's text, nor the whole question.
        .only(*HISTORY_FIELDS, "question__slug", "question__title", "question__topic__name")
        .in_bulk()
    )
    page.object_list = [rows[pk] for pk in ids]
    return page, {}


def saved_questions(user, params):
    """(bookmarked questions matching the filters, each with `note_text`, errors)."""
    questions, errors = filtered_questions(params)
    if errors:
        return [], errors
    bookmarks = (
        Bookmark.objects.filter(user=user, question__in=questions.values("pk"))
        .select_related("question__topic")
        .order_by("-created_at")
    )
    notes = dict(Note.objects.filter(user=user).values_list("question_id", "text"))
    saved = []
    for bookmark in bookmarks:
        bookmark.question.note_text = notes.get(bookmark.question_id, "")
        saved.append(bookmark.question)
    noted_only = (
        Question.objects.filter(pk__in=questions.values("pk"), notes__user=user)
        .exclude(bookmarks__user=user)
        .select_related("topic")
    )
    for question in noted_only:
        question.note_text = notes.get(question.pk, "")
        saved.append(question)
    return saved, {}


def average_coverage(prefix=""):
    """Average share of key points covered, over attempts whose question had key points.

    `prefix` reaches the attempt through a relation, e.g. "attempt__" from a mock slot.
    """
    return Avg(
        Cast(f"{prefix}key_points_covered", FloatField()) / F(f"{prefix}key_points_total"),
        filter=Q(**{f"{prefix}key_points_total__gt": 0}),
    )


def least_recent_question(user, params):
    """A published question matching `params`, preferring ones the reader has not tried (or tried longest ago)."""
    questions, errors = filtered_questions(params)
    if errors:
        return None
    return least_recent_first(questions, user).first()


def least_recent_first(questions, user):
    """`questions` with the ones the reader never tried first, then the least recently tried; random within."""
    return questions.annotate(last_try=Max("attempts__submitted_at", filter=Q(attempts__user=user))).order_by(
        F("last_try").asc(nulls_first=True), "?"
    )


def get_quiz_for_user(quiz_id, user):
    """The reader's own quiz, or 404."""
    return get_object_or_404(Quiz, pk=quiz_id, user=user)


def finished_quizzes(user, limit=10):
    return list(Quiz.objects.filter(user=user, finished_at__isnull=False)[:limit])


def quiz_answers(quiz):
    """{question id: attempt} for the quiz's answered questions."""
    attempts = Attempt.objects.filter(quiz=quiz).select_related("choice", "question")
    return {a.question_id: a for a in attempts.prefetch_related("question__choices")}


def quiz_next_question(quiz, answers):
    """The first unanswered question of the quiz with its options, or None when all are answered."""
    remaining = [pk for pk in quiz.question_ids if pk not in answers]
    if not remaining:
        return None
    return Question.objects.prefetch_related("choices").filter(pk=remaining[0]).first()


@dataclass
class QuizResult:
    rows: list  # [(question, attempt or None)] in quiz order
    correct: int
    to_study: list  # topics of the questions missed, in order of first miss
    unfinished: bool

    @property
    def total(self):
        return len(self.rows)


def quiz_result(quiz):
    """Score a quiz: right answers, and the topics to study from the ones missed or skipped."""
    answers = quiz_answers(quiz)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=quiz.question_ids).select_related("topic")}
    rows = [(questions[pk], answers.get(pk)) for pk in quiz.question_ids if pk in questions]
    to_study = {}
    correct = 0
    for question, attempt in rows:
        if attempt and attempt.choice and attempt.choice.is_correct:
            correct += 1
        else:
            to_study.setdefault(question.topic.slug, question.topic)
    return QuizResult(
        rows=rows, correct=correct, to_study=list(to_study.values()), unfinished=len(answers) < len(rows)
    )


@dataclass
class AnswerHints:
    """Key-point hints for one written answer: `mode` is "meaning", "words" or None (hints off)."""

    mode: str | None
    hints: list  # a bank.semantic.hints.Hint or None per key point

    @property
    def flagged(self):
        """Indexes of the key points the hints flagged, or None when no hints were shown."""
        return None if self.mode is None else [hint.index for hint in self.hints if hint]


def answer_hints(question, answer):
    """What the hints say about a written answer to `question`: computed here, never sent anywhere."""
    mode = hint_mode() if question.kind != Kind.MULTIPLE_CHOICE and question.key_points else None
    if mode is None or not answer.strip():
        return AnswerHints(mode=mode, hints=[None] * len(question.key_points))
    return AnswerHints(mode=mode, hints=key_point_hints(answer, question.key_points))


# The study plan (arithmetic in practice.study.plan) and the practise page's draft.


def plan_settings(user):
    """The reader's settings with the plan's target loaded; an unsaved default when they have none yet."""
    profile = (
        ReaderProfile.objects.select_related("target_role", "target_company", "target_path")
        .filter(user=user)
        .first()
    )
    return profile or ReaderProfile(user=user)


def target_questions(profile):
    """The published questions of the reader's target: a role, a company, a study path, or the whole bank."""
    questions = Question.objects.published()
    if profile.target_role_id:
        return questions.filter(roles=profile.target_role_id)
    if profile.target_company_id:
        return questions.filter(companies=profile.target_company_id)
    if profile.target_path_id:
        return questions.filter(path_steps__path=profile.target_path_id)
    return questions


def _target_size(profile, target):
    """How many published questions the target holds; the same for every reader, so kept under the bank
    version (a content write recounts it)."""
    key = f"{profile.target_role_id}:{profile.target_company_id}:{profile.target_path_id}"
    return cached("target-size", key, target.count)


def target_name(profile):
    if profile.target_role_id:
        return f"the {profile.target_role.name} role"
    if profile.target_company_id:
        return f"questions asked at {profile.target_company.name}"
    if profile.target_path_id:
        return f"the study path “{profile.target_path.title}”"
    return "the whole bank"


def _published_cards(user):
    return on_published_questions(ReviewCard.objects.filter(user=user))


def _comes_back(today_starts):
    """The local day a card comes back, in SQL: its due date, but a card reviewed today waits until
    tomorrow (as the queue does). An overdue card keeps its past day: plan.forecast counts it today."""
    due_day = TruncDate("due")
    after_today = Greatest(due_day, Value(today_starts.date() + timedelta(days=1)), output_field=DateField())
    return Case(
        When(last_reviewed_at__gte=today_starts, then=after_today), default=due_day, output_field=DateField()
    )


def due_days(user, now=None, until=None):
    """[(local date, cards coming back that day)] of the reader's published cards, soonest first; only
    days before `until` (a day after tomorrow or later) when given. Counted in SQL: a few rows whatever
    the number of cards."""
    today_starts = start_of_day(now or timezone.now())
    cards = _published_cards(user)
    if until is not None:
        # Past tomorrow a card comes back on its due day: "due before `until` starts" is the same rule,
        # read from the (user, due) index instead of computing every card's day first.
        cards = cards.filter(
            due__lt=datetime.combine(until, time.min, tzinfo=timezone.get_current_timezone())
        )
    cards = cards.annotate(back=_comes_back(today_starts))
    return list(
        cards.values("back").annotate(cards=Count("pk")).order_by("back").values_list("back", "cards")
    )


def _plan_counts(user, profile, now, today_starts):
    """{practised, solid, due_now}: the reader's published cards in the plan's target, the solid ones among
    them, and the cards due now (not reviewed today). One aggregate query over the reader's own cards."""
    targeted = Q()  # the whole bank: every published card is in it
    if profile.has_target:
        targeted = Q(Exists(target_questions(profile).filter(pk=OuterRef("question_id"))))
    solid = Q(last_grade__gte=plan.SOLID_MIN_GRADE, stability__gte=plan.SOLID_STABILITY_DAYS)
    # Only the stability is read out of the stored FSRS card, in SQL.
    return (
        _published_cards(user)
        .annotate(stability=Cast(KT("fsrs_card__stability"), FloatField()))
        .aggregate(
            practised=Count("pk", filter=targeted),
            solid=Count("pk", filter=targeted & solid),
            due_now=Count("pk", filter=Q(due__lte=now, last_reviewed_at__lt=today_starts)),
        )
    )


def get_question_for_draft(slug):
    """A published question by slug, only what a draft save needs (one query), or 404."""
    return get_object_or_404(Question.objects.published().only("pk", "slug", "kind"), slug=slug)


def draft_for(user, question):
    """The reader's own saved draft of an answer to `question`, or None."""
    return Draft.objects.filter(user=user, question=question).first()


@dataclass
class StudyPlan:
    settings: ReaderProfile
    target: str  # "the MLOps engineer role", "the whole bank"...
    coverage: plan.Coverage
    today: plan.DayPlan
    forecast: list  # [(date, reviews due)], FORECAST_DAYS long

    @property
    def forecast_total(self):
        return sum(count for _, count in self.forecast)

    @property
    def next_review_day(self):
        return next((day for day, count in self.forecast if count), None)


def study_plan(user, now=None):
    """Everything the dashboard's plan shows: days left, coverage of the target, today's plan, forecast."""
    now = now or timezone.now()
    today_starts = start_of_day(now)
    today = today_starts.date()
    settings = plan_settings(user)
    counts = _plan_counts(user, settings, now, today_starts)
    coverage = plan.Coverage(
        total=_target_size(settings, target_questions(settings)),
        practised=counts["practised"],
        solid=counts["solid"],
    )
    return StudyPlan(
        settings=settings,
        target=target_name(settings),
        coverage=coverage,
        today=plan.day_plan(
            today=today,
            interview_date=settings.interview_date,
            coverage=coverage,
            reviews=counts["due_now"],
            minutes_per_day=settings.minutes_per_day,
        ),
        forecast=plan.forecast(due_days(user, now, until=today + timedelta(days=plan.FORECAST_DAYS)), today),
    )


def next_new_question(user, profile):
    """A question of the target the reader has never graded (the plan's "start" link), or None."""
    return (
        target_questions(profile)
        .exclude(review_cards__user=user)
        .order_by(*(["path_steps__position"] if profile.target_path_id else []), "pk")
        .values_list("slug", flat=True)
        .first()
    )
