"""Writes of practice: attempts, grades, review cards, bookmarks, notes, settings and quizzes.

Every change to a reader's practice data goes through here, under a transaction.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Greatest
from django.utils import timezone

from bank.models import Kind
from bank.selectors import filter_params, filtered_questions
from practice.limits import (
    MAX_ANSWER_LENGTH,
    MAX_DRAFT_LENGTH,
    MAX_MINUTES_PER_DAY,
    MAX_NOTE_LENGTH,
    MAX_QUIZ_QUESTIONS,
    MAX_RETENTION,
    MAX_SECONDS_ON_ANSWER,
    MIN_MINUTES_PER_DAY,
    MIN_RETENTION,
)
from practice.study import scheduling, selectors, tallies
from practice.study.models import Attempt, Bookmark, Draft, Grade, Note, Quiz, ReaderProfile, ReviewCard


def new_token():
    return uuid.uuid4()


def attempt_submit(
    *,
    user,
    question,
    token,
    answer="",
    choice=None,
    seconds_spent=0,
    source=Attempt.Source.PRACTICE,
    quiz=None,
    draft_revision=0,
    now=None,
):
    """Store an answer. The same form token twice (a double click) stores one attempt and returns it.

    A multiple-choice answer is graded at once: right is Solid, wrong is Missed it.
    """
    now = now or timezone.now()
    if len(answer) > MAX_ANSWER_LENGTH:
        raise ValidationError(f"Answers are limited to {MAX_ANSWER_LENGTH:,} characters.")
    if choice is not None and choice.question_id != question.pk:
        raise ValidationError("That option belongs to another question.")
    existing = _attempt_with_token(user, token)
    if existing:
        return existing
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                question=question,
                token=token,
                source=source,
                answer=answer,
                choice=choice,
                seconds_spent=max(0, min(int(seconds_spent), MAX_SECONDS_ON_ANSWER)),
                key_points_total=len(question.key_points),
                submitted_at=now,
                quiz=quiz,
            )
    except IntegrityError:  # the other click stored it between our look and our insert
        return _attempt_with_token(user, token)
    if source == Attempt.Source.PRACTICE:
        draft_clear(user=user, question=question, revision=draft_revision, now=now)
    if question.kind == Kind.MULTIPLE_CHOICE and choice is not None:
        attempt = attempt_grade(
            attempt=attempt,
            grade=Grade.SOLID if choice.is_correct else Grade.MISSED,
            covered_key_points=[],
            now=now,
        )
    return attempt


def _attempt_with_token(user, token):
    return Attempt.objects.filter(user=user, token=token).first()


@transaction.atomic
def attempt_grade(*, attempt, grade, covered_key_points, red_flags=(), hinted_key_points=None, now=None):
    """Record the self-grade, the key points covered and the red flags fallen into, and reschedule
    the question (FSRS).

    `hinted_key_points`: what the key-point hints flagged (None when none were shown), for calibration.
    Grading is final: grading the same attempt again changes nothing and returns it as it was.
    Used by practice, the readiness quiz and mock interviews alike.
    """
    now = now or timezone.now()
    attempt = Attempt.objects.select_for_update().select_related("question").get(pk=attempt.pk)
    if attempt.is_graded:
        return attempt
    if grade not in Grade.values:
        raise ValidationError("Choose one of the four grades.")
    covered = sorted({int(index) for index in covered_key_points})
    if any(index < 0 or index >= attempt.key_points_total for index in covered):
        raise ValidationError("That key point is not on this question.")
    flags = sorted({int(index) for index in red_flags})
    if any(index < 0 or index >= len(attempt.question.red_flags) for index in flags):
        raise ValidationError("That red flag is not on this question.")
    attempt.grade = grade
    attempt.covered_key_points = covered
    attempt.key_points_covered = len(covered)
    attempt.red_flags_ticked, attempt.red_flags_count = flags, len(flags)
    attempt.graded_at = now
    if hinted_key_points is not None:
        attempt.hinted_key_points = sorted(
            {int(index) for index in hinted_key_points if 0 <= int(index) < attempt.key_points_total}
        )
    attempt.save(
        update_fields=[
            "grade",
            "covered_key_points",
            "key_points_covered",
            "red_flags_ticked",
            "red_flags_count",
            "graded_at",
            "hinted_key_points",
        ]
    )
    tallies.count_graded(attempt)
    card_review(user=attempt.user, question=attempt.question, grade=grade, now=now)
    return attempt


def card_review(*, user, question, grade, now):
    card = ReviewCard.objects.select_for_update().filter(user=user, question=question).first()
    settings = selectors.plan_settings(user)
    fsrs_card, due = scheduling.review(
        card.fsrs_card if card else None, grade, now, retention=settings.desired_retention
    )
    due = scheduling.cap_for_interview(due, settings.interview_date, now, spread_key=question.pk)
    if card is None:
        return ReviewCard.objects.create(
            user=user,
            question=question,
            fsrs_card=fsrs_card,
            due=due,
            last_reviewed_at=now,
            last_grade=grade,
            reviews=1,
        )
    card.fsrs_card, card.due, card.last_reviewed_at, card.last_grade = fsrs_card, due, now, grade
    card.reviews += 1
    card.save()
    return card


@transaction.atomic
def interview_date_set(*, user, interview_date, now=None):
    """Save the interview date and re-plan every card around it (or back to FSRS's dates when cleared)."""
    now = now or timezone.now()
    ReaderProfile.objects.update_or_create(user=user, defaults={"interview_date": interview_date})
    _replan_cards(user=user, interview_date=interview_date, now=now)


def _replan_cards(*, user, interview_date, now, retention=None):
    """Re-date every card: around the interview date, and for a new desired retention when given."""
    for card in ReviewCard.objects.select_for_update().filter(user=user):
        fsrs_card = (
            card.fsrs_card if retention is None else scheduling.with_retention(card.fsrs_card, retention)
        )
        due = scheduling.cap_for_interview(
            scheduling.scheduled_due(fsrs_card),
            interview_date,
            now,
            spread_key=card.question_id,
            reviewed_at=card.last_reviewed_at,
        )
        if due != card.due or fsrs_card != card.fsrs_card:
            card.due, card.fsrs_card = due, fsrs_card
            card.save(update_fields=["due", "fsrs_card"])


@transaction.atomic
def plan_settings_save(
    *, user, interview_date, minutes_per_day, desired_retention, role=None, company=None, path=None, now=None
):
    """Save the study plan's settings; a changed interview date re-plans every card around it.

    The target is one of role, company or study path (or none: the whole bank). A new desired retention
    re-times every card at once (see scheduling.with_retention).
    """
    if sum(item is not None for item in (role, company, path)) > 1:
        raise ValidationError("Choose one target: a role, a company or a study path.")
    if not MIN_MINUTES_PER_DAY <= minutes_per_day <= MAX_MINUTES_PER_DAY:
        raise ValidationError(
            f"Choose between {MIN_MINUTES_PER_DAY} and {MAX_MINUTES_PER_DAY} minutes a day."
        )
    if not MIN_RETENTION <= desired_retention <= MAX_RETENTION:
        raise ValidationError(f"Choose a retention between {MIN_RETENTION} and {MAX_RETENTION}.")
    now = now or timezone.now()
    before = selectors.plan_settings(user)
    ReaderProfile.objects.update_or_create(
        user=user,
        defaults={
            "interview_date": interview_date,
            "target_role": role,
            "target_company": company,
            "target_path": path,
            "minutes_per_day": minutes_per_day,
            "desired_retention": desired_retention,
        },
    )
    retention_changed = desired_retention != before.desired_retention
    if interview_date != before.interview_date or retention_changed:
        _replan_cards(
            user=user,
            interview_date=interview_date,
            now=now,
            retention=desired_retention if retention_changed else None,
        )


def draft_save(*, user, question, text, revision, now=None):
    """Keep the answer being typed, if `revision` is newer than the stored one.

    Returns True when stored, False when a newer save is already stored (an out-of-order request).
    One UPDATE checks the revision; the first save of a question creates the row.
    """
    if len(text) > MAX_DRAFT_LENGTH:
        raise ValidationError(f"Drafts are limited to {MAX_DRAFT_LENGTH:,} characters; nothing was saved.")
    now = now or timezone.now()
    updated = Draft.objects.filter(user=user, question=question, revision__lt=revision).update(
        text=text, revision=revision, saved_at=now
    )
    if updated:
        return True
    if Draft.objects.filter(user=user, question=question).exists():
        return False
    try:
        with transaction.atomic():
            Draft.objects.create(user=user, question=question, text=text, revision=revision, saved_at=now)
    except IntegrityError:  # another tab created it between our look and our insert: order by revision
        return draft_save(user=user, question=question, text=text, revision=revision, now=now)
    return True


def draft_clear(*, user, question, revision=0, now=None):
    """Empty the draft once the answer is submitted.

    With JavaScript the form sends the page's newest draft revision: the row stays, empty, holding at
    least that revision, so a save the browser sent just before submitting (leaving the box fires one)
    that arrives after the submit is refused as older instead of bringing the text back.
    """
    now = now or timezone.now()
    floor = max(int(revision), int(now.timestamp() * 1000)) if revision else 0
    drafts = Draft.objects.filter(user=user, question=question)
    if drafts.update(text="", revision=Greatest("revision", Value(floor)), saved_at=now) or not floor:
        return
    try:
        with transaction.atomic():
            Draft.objects.create(user=user, question=question, text="", revision=floor, saved_at=now)
    except IntegrityError:  # the late save created it between our update and our insert
        drafts.update(text="", revision=Greatest("revision", Value(floor)), saved_at=now)


@transaction.atomic
def bookmark_toggle(*, user, question):
    """Save or unsave a question. Returns True when it is now saved."""
    deleted, _ = Bookmark.objects.filter(user=user, question=question).delete()
    if deleted:
        return False
    Bookmark.objects.get_or_create(user=user, question=question)
    return True


@transaction.atomic
def note_save(*, user, question, text):
    """Keep a private note; saving an empty note deletes it."""
    text = text.strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(f"Notes are limited to {MAX_NOTE_LENGTH:,} characters; nothing was saved.")
    if not text:
        Note.objects.filter(user=user, question=question).delete()
        return None
    note, _ = Note.objects.update_or_create(user=user, question=question, defaults={"text": text})
    return note


@transaction.atomic
def quiz_start(*, user, topic=None, difficulty="", count=6):
    """Draw up to `count` published multiple-choice questions at random, through the bank's filters.

    Returns (quiz, how many matched); (None, 0) when nothing matches.
    """
    params = filter_params(
        kind=Kind.MULTIPLE_CHOICE, topic=topic.slug if topic else "", difficulty=difficulty
    )
    questions, _ = filtered_questions(params)
    ids = list(questions.order_by("?").values_list("pk", flat=True)[: min(count, MAX_QUIZ_QUESTIONS)])
    if not ids:
        return None, 0
    quiz = Quiz.objects.create(
        user=user, filters={"topic": topic.slug if topic else "", "difficulty": difficulty}, question_ids=ids
    )
    return quiz, len(ids)


@transaction.atomic
def quiz_answer(*, user, quiz, question, token, choice, seconds_spent=0, now=None):
    """Store one quiz answer (graded at once); the answer to the last question finishes the quiz."""
    now = now or timezone.now()
    if question.pk not in quiz.question_ids:
        raise ValidationError("That question is not in this quiz.")
    attempt = attempt_submit(
        user=user,
        question=question,
        token=token,
        choice=choice,
        seconds_spent=seconds_spent,
        source=Attempt.Source.QUIZ,
        quiz=quiz,
        now=now,
    )
    answered = set(Attempt.objects.filter(quiz=quiz).values_list("question_id", flat=True))
    if answered >= set(quiz.question_ids):
        Quiz.objects.filter(pk=quiz.pk, finished_at__isnull=True).update(finished_at=now)
    return attempt
