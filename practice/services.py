"""Writes. Every change to a reader's practice data goes through here, under a transaction."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bank.models import Kind
from practice import scheduling
from practice.models import Attempt, Bookmark, Grade, Note, ReaderProfile, ReviewCard

MAX_ANSWER_LENGTH = 20_000
MAX_SECONDS = 6 * 60 * 60


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
    existing = Attempt.objects.filter(user=user, token=token).first()
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
                seconds_spent=max(0, min(int(seconds_spent), MAX_SECONDS)),
                key_points_total=len(question.key_points),
                submitted_at=now,
                quiz=quiz,
            )
    except IntegrityError:  # the other click won the race
        return Attempt.objects.get(user=user, token=token)
    if question.kind == Kind.MULTIPLE_CHOICE and choice is not None:
        attempt = attempt_grade(
            attempt=attempt,
            grade=Grade.SOLID if choice.is_correct else Grade.MISSED,
            covered_key_points=[],
            now=now,
        )
    return attempt


@transaction.atomic
def attempt_grade(*, attempt, grade, covered_key_points, now=None):
    """Record the self-grade and the key points covered, and reschedule the question (FSRS).

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
    attempt.grade = grade
    attempt.covered_key_points = covered
    attempt.key_points_covered = len(covered)
    attempt.graded_at = now
    attempt.save(update_fields=["grade", "covered_key_points", "key_points_covered", "graded_at"])
    card_review(user=attempt.user, question=attempt.question, grade=grade, now=now)
    return attempt


def card_review(*, user, question, grade, now):
    card = ReviewCard.objects.select_for_update().filter(user=user, question=question).first()
    fsrs_card, due = scheduling.review(card.fsrs_card if card else None, grade, now)
    due = scheduling.cap_for_interview(due, _interview_date(user), now)
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


def _interview_date(user):
    return ReaderProfile.objects.filter(user=user).values_list("interview_date", flat=True).first()


@transaction.atomic
def interview_date_set(*, user, interview_date, now=None):
    """Save the interview date and re-plan every card around it (or back to FSRS's dates when cleared)."""
    now = now or timezone.now()
    ReaderProfile.objects.update_or_create(user=user, defaults={"interview_date": interview_date})
    for card in ReviewCard.objects.select_for_update().filter(user=user):
        due = scheduling.cap_for_interview(scheduling.scheduled_due(card.fsrs_card), interview_date, now)
        if due != card.due:
            card.due = due
            card.save(update_fields=["due"])


def bookmark_toggle(*, user, question):
    """Save or unsave a question. Returns True when it is now saved."""
    deleted, _ = Bookmark.objects.filter(user=user, question=question).delete()
    if deleted:
        return False
    Bookmark.objects.get_or_create(user=user, question=question)
    return True


def note_save(*, user, question, text):
    """Keep a private note; saving an empty note deletes it."""
    text = text.strip()
    if not text:
        Note.objects.filter(user=user, question=question).delete()
        return None
    note, _ = Note.objects.update_or_create(user=user, question=question, defaults={"text": text})
    return note


@transaction.atomic
def account_delete(*, user):
    """Delete the reader and, through the foreign keys, every attempt, card, note, bookmark and quiz."""
    user.delete()


def quiz_start(*, user, topic=None, difficulty="", count=6):
    """Draw up to `count` published multiple-choice questions at random. Returns (quiz, how many matched)."""
    from bank.models import Question
    from practice.models import Quiz

    questions = Question.objects.published().filter(kind=Kind.MULTIPLE_CHOICE)
    if topic is not None:
        questions = questions.filter(topic=topic)
    if difficulty:
        questions = questions.filter(difficulty=difficulty)
    ids = list(questions.order_by("?").values_list("pk", flat=True)[:count])
    if not ids:
        return None, 0
    quiz = Quiz.objects.create(
        user=user, filters={"topic": topic.slug if topic else "", "difficulty": difficulty}, question_ids=ids
    )
    return quiz, len(ids)
