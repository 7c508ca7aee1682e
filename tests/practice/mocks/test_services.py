from datetime import UTC, datetime, timedelta

import pytest

from bank.models import Kind
from practice.mocks import selectors as mock_selectors
from practice.mocks import services as mocks
from practice.models import Attempt, MockInterview, MockSlot
from tests.factories import AttemptFactory, QuestionFactory

pytestmark = pytest.mark.django_db
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def mock(owner):
    questions = [QuestionFactory(title=f"Q{index}") for index in range(2)]
    return mocks.mock_start(user=owner, title="Test", questions=questions, time_limit_seconds=600, now=START)


def slot(mock, position):
    return MockSlot.objects.get(mock=mock, position=position)


def test_starting_fixes_the_deadline_on_the_server(mock):
    assert mock.deadline == START + timedelta(minutes=10)
    assert list(mock.slots.values_list("position", flat=True)) == [1, 2]


def test_a_newer_save_replaces_older_text_and_never_the_reverse(mock):
    assert mocks.mock_save_answer(slot=slot(mock, 1), answer="newer", revision=20, now=START) is True
    assert mocks.mock_save_answer(slot=slot(mock, 1), answer="older", revision=10, now=START) is False
    assert slot(mock, 1).answer == "newer"


def test_after_the_deadline_no_edit_is_accepted(mock):
    mocks.mock_save_answer(slot=slot(mock, 1), answer="in time", revision=1, now=START + timedelta(minutes=9))
    with pytest.raises(mocks.TimeIsUp):
        mocks.mock_save_answer(
            slot=slot(mock, 1), answer="too late", revision=99, now=START + timedelta(minutes=10)
        )
    with pytest.raises(mocks.TimeIsUp):
        mocks.mock_flag(slot=slot(mock, 1), flagged=True, now=START + timedelta(minutes=11))
    assert slot(mock, 1).answer == "in time"


def test_finishing_twice_gives_the_same_result(mock, owner):
    mocks.mock_save_answer(slot=slot(mock, 1), answer="my answer", revision=1, now=START)
    first = mocks.mock_finish(mock=mock, now=START + timedelta(minutes=3))
    second = mocks.mock_finish(mock=mock, now=START + timedelta(minutes=5))
    assert first.finished_at == second.finished_at == START + timedelta(minutes=3)
    assert Attempt.objects.filter(user=owner, source="mock").count() == 2
    assert slot(mock, 1).attempt.answer == "my answer"


def test_a_mock_whose_reader_never_returns_is_closed_with_what_was_saved(mock, owner):
    mocks.mock_save_answer(
        slot=slot(mock, 2), answer="saved before", revision=5, now=START + timedelta(minutes=2)
    )
    assert mocks.close_expired(now=START + timedelta(minutes=5)) == 0
    assert mocks.close_expired(now=START + timedelta(hours=2)) == 1
    mock.refresh_from_db()
    assert mock.finished_at == mock.deadline
    assert slot(mock, 2).attempt.answer == "saved before"
    assert slot(mock, 2).attempt.submitted_at == mock.deadline


def test_time_is_charged_to_the_question_on_screen(mock):
    mocks.mock_move(mock=mock, position=2, now=START + timedelta(seconds=70))
    mocks.mock_move(mock=mock, position=1, now=START + timedelta(seconds=100))
    mocks.mock_finish(mock=mock, now=START + timedelta(seconds=160))
    assert (slot(mock, 1).seconds_used, slot(mock, 2).seconds_used) == (130, 30)


def test_questions_not_answered_lately_come_first(owner):
    answered = QuestionFactory(kind=Kind.CONCEPT, title="Answered")
    fresh = QuestionFactory(kind=Kind.CONCEPT, title="Fresh")
    AttemptFactory(user=owner, question=answered)
    assert list(mock_selectors.candidate_questions(owner, kinds=[Kind.CONCEPT]))[0] == fresh


def test_multiple_choice_questions_are_not_drawn(owner):
    QuestionFactory(kind=Kind.MULTIPLE_CHOICE)
    assert not mock_selectors.candidate_questions(owner).exists()


def test_a_mock_needs_questions_and_a_sane_limit(owner):
    with pytest.raises(mocks.MockError):
        mocks.mock_start(user=owner, title="Empty", questions=[], time_limit_seconds=600)
    with pytest.raises(mocks.MockError):
        mocks.mock_start(user=owner, title="Long", questions=[QuestionFactory()], time_limit_seconds=10**7)
    assert not MockInterview.objects.exists()
