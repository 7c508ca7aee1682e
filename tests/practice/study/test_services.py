import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from bank.models import Kind
from practice.accounts import services as account_services
from practice.models import Attempt, Bookmark, Grade, Note, ReaderProfile, ReviewCard
from practice.study import scheduling, services
from tests.factories import ChoiceFactory, QuestionFactory

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_a_double_submit_stores_one_attempt(owner):
    question = QuestionFactory()
    token = uuid.uuid4()
    first = services.attempt_submit(user=owner, question=question, token=token, answer="One", now=NOON)
    second = services.attempt_submit(user=owner, question=question, token=token, answer="One", now=NOON)
    assert first.pk == second.pk
    assert Attempt.objects.count() == 1


def test_the_same_token_from_another_user_is_a_separate_attempt(owner, other_user):
    question = QuestionFactory()
    token = uuid.uuid4()
    services.attempt_submit(user=owner, question=question, token=token)
    services.attempt_submit(user=other_user, question=question, token=token)
    assert Attempt.objects.count() == 2


def test_grading_records_coverage_and_schedules_a_review(owner):
    question = QuestionFactory(key_points=["a", "b", "c", "d"])
    attempt = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), answer="x", now=NOON)
    attempt = services.attempt_grade(
        attempt=attempt, grade=Grade.SOLID, covered_key_points=[0, 2, 2], now=NOON
    )
    assert attempt.covered_key_points == [0, 2]
    assert attempt.coverage == 0.5
    card = ReviewCard.objects.get(user=owner, question=question)
    assert card.last_grade == Grade.SOLID and card.reviews == 1
    assert card.due > NOON + timedelta(days=1)


def test_a_missed_question_comes_back_sooner_than_a_nailed_one(owner):
    missed, nailed = QuestionFactory(), QuestionFactory()
    for question, grade in [(missed, Grade.MISSED), (nailed, Grade.NAILED)]:
        attempt = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), now=NOON)
        services.attempt_grade(attempt=attempt, grade=grade, covered_key_points=[], now=NOON)
    due = dict(ReviewCard.objects.values_list("question_id", "due"))
    assert due[missed.pk] < due[nailed.pk]


def test_grading_twice_changes_nothing(owner):
    attempt = services.attempt_submit(user=owner, question=QuestionFactory(), token=uuid.uuid4(), now=NOON)
    services.attempt_grade(attempt=attempt, grade=Grade.MISSED, covered_key_points=[], now=NOON)
    again = services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[0], now=NOON)
    assert again.grade == Grade.MISSED
    assert ReviewCard.objects.get().reviews == 1


@pytest.mark.parametrize("grade, covered", [(7, []), (Grade.SOLID, [5]), (Grade.SOLID, [-1])])
def test_grading_rejects_impossible_input(owner, grade, covered):
    attempt = services.attempt_submit(user=owner, question=QuestionFactory(), token=uuid.uuid4())
    with pytest.raises(ValidationError):
        services.attempt_grade(attempt=attempt, grade=grade, covered_key_points=covered)
    assert not ReviewCard.objects.exists()


def test_a_multiple_choice_answer_is_graded_at_once(owner):
    question = QuestionFactory(kind=Kind.MULTIPLE_CHOICE)
    right = ChoiceFactory(question=question, is_correct=True)
    wrong = ChoiceFactory(question=question)
    good = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), choice=right)
    bad = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), choice=wrong)
    assert (good.grade, bad.grade) == (Grade.SOLID, Grade.MISSED)


def test_an_option_from_another_question_is_refused(owner):
    question = QuestionFactory(kind=Kind.MULTIPLE_CHOICE)
    stranger = ChoiceFactory()
    with pytest.raises(ValidationError):
        services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), choice=stranger)


def test_an_interview_date_brings_reviews_forward(owner):
    question = QuestionFactory()
    attempt = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), now=NOON)
    services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[], now=NOON)
    scheduled = ReviewCard.objects.get().due
    interview = (NOON + timedelta(days=9)).date()
    services.interview_date_set(user=owner, interview_date=interview, now=NOON)
    capped = ReviewCard.objects.get().due
    assert capped < datetime(interview.year, interview.month, interview.day, tzinfo=UTC)
    assert capped < scheduled
    services.interview_date_set(user=owner, interview_date=None, now=NOON)
    assert ReviewCard.objects.get().due == scheduled


def test_reviews_graded_after_setting_the_date_respect_it(owner):
    services.interview_date_set(user=owner, interview_date=date(2026, 3, 12), now=NOON)
    attempt = services.attempt_submit(user=owner, question=QuestionFactory(), token=uuid.uuid4(), now=NOON)
    services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[], now=NOON)
    # FSRS says 8 days (10 March 12:00, past the eve); the review lands in the week before the interview.
    due = ReviewCard.objects.get().due
    assert datetime(2026, 3, 5, tzinfo=UTC) <= due <= datetime(2026, 3, 11, tzinfo=UTC)


def test_a_question_reviewed_in_the_last_week_is_not_brought_back_again_before_the_interview(owner):
    services.interview_date_set(user=owner, interview_date=date(2026, 3, 6), now=NOON)
    attempt = services.attempt_submit(user=owner, question=QuestionFactory(), token=uuid.uuid4(), now=NOON)
    services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[], now=NOON)
    # Reviewed four days before: that was its last look; FSRS's own date (after the interview) stands,
    # so the final week does not turn into every question every day.
    card = ReviewCard.objects.get()
    assert card.due == scheduling.scheduled_due(card.fsrs_card) > datetime(2026, 3, 6, tzinfo=UTC)


def test_reviews_past_the_interview_spread_over_its_last_week_instead_of_piling_onto_the_eve(owner):
    services.interview_date_set(user=owner, interview_date=date(2026, 3, 10), now=NOON)
    for _ in range(21):
        attempt = services.attempt_submit(
            user=owner, question=QuestionFactory(), token=uuid.uuid4(), now=NOON
        )
        services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[], now=NOON)
    per_day = {}
    for due in ReviewCard.objects.values_list("due", flat=True):
        per_day[due.date()] = per_day.get(due.date(), 0) + 1
    # Nailed on 2 March, FSRS says 10 March, the interview day; the 21 reviews fill 3-9 March, 3 a day.
    assert per_day == {date(2026, 3, day): 3 for day in range(3, 10)}


def test_bookmarks_toggle(owner):
    question = QuestionFactory()
    assert services.bookmark_toggle(user=owner, question=question) is True
    assert services.bookmark_toggle(user=owner, question=question) is False
    assert not Bookmark.objects.exists()


def test_an_empty_note_is_deleted(owner):
    question = QuestionFactory()
    services.note_save(user=owner, question=question, text="  Remember PSI bins  ")
    assert Note.objects.get().text == "Remember PSI bins"
    services.note_save(user=owner, question=question, text="   ")
    assert not Note.objects.exists()


def test_deleting_an_account_deletes_its_data_only(owner, other_user):
    question = QuestionFactory()
    for user in (owner, other_user):
        attempt = services.attempt_submit(user=user, question=question, token=uuid.uuid4())
        services.attempt_grade(attempt=attempt, grade=Grade.SOLID, covered_key_points=[])
        services.note_save(user=user, question=question, text="mine")
        services.bookmark_toggle(user=user, question=question)
    account_services.account_delete(user=owner)
    assert set(Attempt.objects.values_list("user__username", flat=True)) == {"other"}
    assert ReviewCard.objects.count() == Note.objects.count() == Bookmark.objects.count() == 1


def test_two_submits_racing_with_one_token_store_one_attempt(owner, monkeypatch):
    """The second click looked for the token before the first click's insert committed: its own insert
    then hits the unique constraint, and it must hand back the first click's attempt, not an error."""
    question = QuestionFactory()
    token = uuid.uuid4()
    first = services.attempt_submit(user=owner, question=question, token=token, answer="One", now=NOON)
    looks = []
    real_look = services._attempt_with_token

    def look_that_misses_once(user, token):
        looks.append(token)
        return None if len(looks) == 1 else real_look(user, token)

    monkeypatch.setattr(services, "_attempt_with_token", look_that_misses_once)
    second = services.attempt_submit(user=owner, question=question, token=token, answer="One", now=NOON)
    assert second.pk == first.pk
    assert len(looks) == 2, "the race path looked the attempt up again after the insert failed"
    assert Attempt.objects.count() == 1


def test_an_interview_date_in_the_past_changes_no_review_date(owner):
    question = QuestionFactory()
    services.interview_date_set(user=owner, interview_date=date(2026, 2, 1), now=NOON)
    attempt = services.attempt_submit(user=owner, question=question, token=uuid.uuid4(), now=NOON)
    services.attempt_grade(attempt=attempt, grade=Grade.NAILED, covered_key_points=[], now=NOON)
    card = ReviewCard.objects.get()
    assert card.due == datetime.fromisoformat(card.fsrs_card["due"]), "the FSRS date, not pulled forward"
    assert card.due > NOON + timedelta(days=1)


def test_the_settings_page_refuses_an_interview_date_in_the_past(owner_client, owner):
    response = owner_client.post("/practice/settings/", {"interview_date": "2020-01-01"})
    assert response.status_code == 400
    assert "Pick today or a day ahead." in response.content.decode()
    assert not ReaderProfile.objects.filter(user=owner).exists()
