import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.template.defaultfilters import date as date_filter

from bank.models import Status
from practice.models import Grade, ReviewCard
from practice.study import services
from tests.factories import QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db
DAY_ONE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def practise(user, question, grade, covered, when):
    attempt = services.attempt_submit(user=user, question=question, token=uuid.uuid4(), answer="x", now=when)
    return services.attempt_grade(attempt=attempt, grade=grade, covered_key_points=covered, now=when)


@pytest.fixture
def history(owner):
    serving = TopicFactory(name="Serving", slug="serving")
    drift = TopicFactory(name="Drift", slug="drift")
    fast = QuestionFactory(title="Fast", topic=serving, key_points=["a", "b", "c", "d"])
    slow = QuestionFactory(title="Slow", topic=drift, key_points=["a", "b"])
    practise(owner, fast, Grade.NAILED, [0, 1, 2, 3], DAY_ONE - timedelta(days=2))
    practise(owner, slow, Grade.MISSED, [], DAY_ONE - timedelta(days=1))
    practise(owner, fast, Grade.SOLID, [0, 1], DAY_ONE)
    return {"fast": fast, "slow": slow}


def test_the_review_queue_lists_due_questions_most_overdue_first(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        response = client.get("/practice/review/")
    assert [card.question.title for card in response.context["cards"]] == ["Slow", "Fast"]


def test_each_queue_entry_says_how_long_ago_it_came_due_in_days(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=2), tick=False):
        body = client.get("/practice/review/").content.decode()
    assert "Due today" in body  # "Slow", missed yesterday, came back this morning
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        labels = [
            line for line in client.get("/practice/review/").content.decode().splitlines() if "Due " in line
        ]
    assert any("days ago" in line for line in labels)


def test_a_question_is_not_shown_twice_on_the_same_day(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=2), tick=False):
        titles = [card.question.title for card in client.get("/practice/review/").context["cards"]]
    # "Slow" (missed yesterday) is due today; "Fast" was reviewed today, so it waits.
    assert titles == ["Slow"]
    with time_machine.travel(DAY_ONE + timedelta(hours=3), tick=False):
        practise(owner, history["slow"], Grade.PARTIAL, [0], DAY_ONE + timedelta(hours=3))
        assert client.get("/practice/review/").context["cards"] == []


def test_the_due_count_is_in_the_navigation(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        body = client.get("/").content.decode()
    assert 'aria-label="2 due"' in body


def test_a_long_queue_shows_the_fifty_most_overdue_and_says_how_many_are_due(client, owner):
    for index in range(55):
        practise(owner, QuestionFactory(), Grade.PARTIAL, [], DAY_ONE - timedelta(days=3 + index))
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(days=90), tick=False):
        response = client.get("/practice/review/")

    cards = response.context["cards"]
    assert len(cards) == 50
    assert cards[0].due == min(card.due for card in ReviewCard.objects.filter(user=owner))
    assert "The 50 most overdue of 55 due" in response.content.decode()


def test_the_review_queue_runs_a_fixed_number_of_queries(client, owner, history, django_assert_num_queries):
    for index in range(20):
        practise(owner, QuestionFactory(), Grade.PARTIAL, [], DAY_ONE - timedelta(days=3 + index))
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        # 1 session, 1 user, 1 due cards with questions and topics, 1 due count for the navigation.
        with django_assert_num_queries(4):
            client.get("/practice/review/")


def test_the_dashboard_shows_activity_topics_weakest_streak_and_calibration(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        response = client.get("/practice/")
    context = response.context
    assert context["total_attempts_90"] == 3
    assert context["streak"] == 3
    stats = {
        item.name: (item.attempts, item.average_grade, coverage) for item, coverage in context["topic_stats"]
    }
    assert stats == {"Drift": (1, 1.0, 0), "Serving": (2, 3.5, 75)}
    assert [item.name for item in context["weakest"]] == ["Drift", "Serving"]
    calibration = {label: (count, share) for _, label, count, share, _flags in context["calibration"]}
    assert calibration["Nailed it"] == (1, 100) and calibration["Missed it"] == (1, 0)
    body = response.content.decode()
    assert "<svg" in body and "<table" in body
    assert "/practice/next/?topic=drift" in body


def test_the_streak_counts_back_from_yesterday_when_today_is_empty(client, owner, history):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(days=1), tick=False):
        assert client.get("/practice/").context["streak"] == 3
    with time_machine.travel(DAY_ONE + timedelta(days=2), tick=False):
        assert client.get("/practice/").context["streak"] == 0


def test_the_dashboard_runs_a_fixed_number_of_queries(client, owner, history, django_assert_num_queries):
    for index in range(15):
        practise(
            owner, QuestionFactory(topic=TopicFactory()), Grade.SOLID, [0], DAY_ONE - timedelta(days=index)
        )
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        # 1 session, 1 user, 1 attempts per day, 1 per-topic averages, 1 calibration, 1 ticks against
        # hints, 1 due count, 1 the reader's suggestions, 1 their "I was asked this" reports; the plan:
        # 1 settings, 1 the target's size (a count, then cached), 1 the reader's cards counted (practised
        # and solid in the target, due today), 1 the next 14 days' reviews counted by day.
        with django_assert_num_queries(13):
            client.get("/practice/")


def test_a_new_reader_sees_a_friendly_empty_dashboard(owner_client):
    body = owner_client.get("/practice/").content.decode()
    assert "Your first answer starts the charts" in body


def test_practise_next_prefers_questions_not_tried(owner_client, owner, history):
    untried = QuestionFactory(topic=history["fast"].topic, slug="untried")
    assert owner_client.get("/practice/next/?topic=serving")["Location"] == f"/practice/q/{untried.slug}/"


def test_practise_next_with_a_bad_filter_explains(owner_client, history):
    response = owner_client.get("/practice/next/?topic=nope", follow=True)
    assert "No published questions match that filter yet." in response.content.decode()


def test_the_activity_table_lists_the_days_with_attempts_dated_like_the_rest_of_the_site(
    client, owner, history
):
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        context = client.get("/practice/").context
    rows = context["day_rows"]
    assert [(day, count) for day, _, count in rows] == [
        (DAY_ONE.date() - timedelta(days=2), 1),
        (DAY_ONE.date() - timedelta(days=1), 1),
        (DAY_ONE.date(), 1),
    ]
    assert [label for _, label, _ in rows] == [date_filter(day, "D j M") for day, _, _ in rows]
    assert [label for _, label, _ in context["forecast_rows"]][0] == "Mon 2 Mar"


def test_a_question_taken_back_to_review_leaves_the_history_queue_and_due_count_until_republished(
    client, owner, history
):
    client.force_login(owner)
    slow = history["slow"]
    slow.status = Status.IN_REVIEW
    slow.save()
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        cards = client.get("/practice/review/").context["cards"]
        attempts = client.get("/practice/attempts/").context["page"].object_list
        assert 'aria-label="1 due"' in client.get("/").content.decode()
    assert [card.question.title for card in cards] == ["Fast"]
    assert {attempt.question.title for attempt in attempts} == {"Fast"}

    slow.status = Status.PUBLISHED
    slow.save()
    with time_machine.travel(DAY_ONE + timedelta(days=30), tick=False):
        assert len(client.get("/practice/review/").context["cards"]) == 2
        assert len(client.get("/practice/attempts/").context["page"].object_list) == 3
