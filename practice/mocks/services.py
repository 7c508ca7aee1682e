"""Writes of mock interviews: start, save an answer, flag, move between questions, finish, close.

The deadline is set once, on the server, when the mock starts; every write checks it in the same
UPDATE that stores the text, so no form field and no slow request can extend the time.
"""

import logging
import uuid
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from practice.limits import MAX_ANSWER_LENGTH, MAX_MOCK_MINUTES, MAX_MOCK_QUESTIONS
from practice.mocks.models import MockInterview, MockSlot
from practice.study.models import Attempt
from practice.study.services import attempt_submit

logger = logging.getLogger(__name__)


class MockError(Exception):
    """A mock cannot be set up or changed as asked; the message says why, for the reader."""


class TimeIsUp(MockError):
    pass


@transaction.atomic
def mock_start(*, user, title, questions, time_limit_seconds, preset="", filters=None, now=None):
    now = now or timezone.now()
    if not questions:
        raise MockError("No questions match that choice yet. Try fewer filters.")
    if not 60 <= time_limit_seconds <= MAX_MOCK_MINUTES * 60:
        raise MockError(f"The time limit must be between 1 and {MAX_MOCK_MINUTES} minutes.")
    mock = MockInterview.objects.create(
        user=user,
        title=title,
        preset=preset,
        filters=filters or {},
        time_limit_seconds=time_limit_seconds,
        started_at=now,
        deadline=now + timedelta(seconds=time_limit_seconds),
        current_position=1,
        current_since=now,
    )
    MockSlot.objects.bulk_create(
        MockSlot(mock=mock, question=question, position=position)
        for position, question in enumerate(questions[:MAX_MOCK_QUESTIONS], start=1)
    )
    return mock


def mock_save_answer(*, slot, answer, revision, now=None):
    """Store the text if the mock is still open and `revision` is newer than what is stored.

    Returns True when stored, False when the stored text is already newer (an out-of-order save).
    Raises TimeIsUp after the deadline (or once the mock is finished): nothing is written.
    """
    now = now or timezone.now()
    answer = answer[:MAX_ANSWER_LENGTH]
    updated = MockSlot.objects.filter(
        pk=slot.pk, revision__lt=revision, mock__finished_at__isnull=True, mock__deadline__gt=now
    ).update(answer=answer, revision=revision, saved_at=now)
    if updated:
        return True
    mock = MockInterview.objects.only("finished_at", "deadline").get(pk=slot.mock_id)
    if not mock.is_open(now):
        raise TimeIsUp(
            "Time is up: answers can no longer change. What was saved before the deadline is kept."
        )
    return False


def mock_flag(*, slot, flagged, now=None):
    now = now or timezone.now()
    updated = MockSlot.objects.filter(
        pk=slot.pk, mock__finished_at__isnull=True, mock__deadline__gt=now
    ).update(flagged=flagged)
    if not updated:
        raise TimeIsUp("Time is up: the mock is closed.")


@transaction.atomic
def mock_move(*, mock, position, now=None):
    """The reader looks at question `position`: charge the time since the last move to the previous one."""
    now = now or timezone.now()
    mock = MockInterview.objects.select_for_update().get(pk=mock.pk)
    if not mock.is_open(now) or position == mock.current_position:
        return mock
    _charge_time(mock, min(now, mock.deadline))
    mock.current_position, mock.current_since = position, now
    mock.save(update_fields=["current_position", "current_since"])
    return mock


def _charge_time(mock, until):
    elapsed = max(0, int((until - mock.current_since).total_seconds()))
    MockSlot.objects.filter(mock=mock, position=mock.current_position).update(
        seconds_used=F("seconds_used") + elapsed
    )


def _attempt_token(slot):
    """The same slot always maps to the same attempt token, so finishing twice stores each answer once."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"prodready:mock-slot:{slot.pk}")


@transaction.atomic
def mock_finish(*, mock, now=None):
    """Close the mock and store each answer as a practice attempt (ungraded). Safe to call again.

    The row lock makes two servers finishing the same mock take turns; the second finds it finished.
    `closed_now` on the result says whether this call was the one that closed it.
    """
    now = now or timezone.now()
    mock = MockInterview.objects.select_for_update().get(pk=mock.pk)
    mock.closed_now = False
    if mock.finished_at is not None:
        return mock
    finished_at = min(now, mock.deadline)
    _charge_time(mock, finished_at)
    for slot in mock.slots.select_related("question").select_for_update():
        attempt = attempt_submit(
            user=mock.user,
            question=slot.question,
            token=_attempt_token(slot),
            answer=slot.answer,
            seconds_spent=slot.seconds_used,
            source=Attempt.Source.MOCK,
            now=finished_at,
        )
        slot.attempt = attempt
        slot.save(update_fields=["attempt"])
    mock.finished_at = finished_at
    mock.save(update_fields=["finished_at"])
    mock.closed_now = True
    return mock


def close_expired(now=None, user=None):
    """Finish every mock (of `user`, if given) whose deadline has passed. Returns how many this call
    closed: run from two servers at once, the two counts add up to the number of mocks."""
    now = now or timezone.now()
    expired = MockInterview.objects.filter(finished_at__isnull=True, deadline__lte=now)
    if user is not None:
        expired = expired.filter(user=user)
    closed = 0
    for mock in expired.only("pk"):
        try:
            closed += mock_finish(mock=mock, now=now).closed_now
        except Exception:  # one broken mock must not keep every other reader's mock open
            logger.exception("Could not close expired mock %s", mock.pk)
    return closed
