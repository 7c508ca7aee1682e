"""The dashboard's topic table and calibration come from running tallies: they must always say what the
attempts say, through grading, a question moving topic and a question being deleted."""

import io
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from practice.study import progress, services, tallies
from practice.study.models import Grade, GradeTally
from tests.factories import QuestionFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def practise(user, question, grade, covered=(), red_flags=()):
    when = timezone.now() - timedelta(hours=1)
    attempt = services.attempt_submit(user=user, question=question, token=uuid.uuid4(), answer="x", now=when)
    return services.attempt_grade(
        attempt=attempt, grade=grade, covered_key_points=covered, red_flags=red_flags, now=when
    )


def dashboard_numbers(user):
    topics = {
        item.name: (item.attempts, item.average_grade, item.average_coverage)
        for item in progress.topic_stats(user)
    }
    return topics, progress.calibration(user)


def recounted_numbers(user):
    tallies.recount([user.pk])
    return dashboard_numbers(user)


@pytest.fixture
def topics():
    return TopicFactory(name="Serving"), TopicFactory(name="Drift")


@pytest.fixture
def questions(topics):
    serving, drift = topics
    return (
        QuestionFactory(topic=serving, key_points=["a", "b", "c"], red_flags=["x", "y"]),
        QuestionFactory(topic=serving, key_points=[]),
        QuestionFactory(topic=drift, key_points=["a", "b"]),
    )


def test_it_counts_each_graded_answer_in_its_topic(owner, questions):
    three_points, no_points, drift = questions
    practise(owner, three_points, Grade.NAILED, covered=[0, 1, 2], red_flags=[1])
    practise(owner, three_points, Grade.PARTIAL, covered=[0])
    practise(owner, no_points, Grade.SOLID)
    practise(owner, drift, Grade.MISSED)

    topics, calibration = dashboard_numbers(owner)

    # Serving: grades 4, 2, 3; coverage over the two answers to a question with key points: (1 + 1/3) / 2.
    assert topics["Serving"] == (3, 3.0, pytest.approx(2 / 3))
    assert topics["Drift"] == (1, 1.0, 0.0)
    by_label = {label: (n, coverage, flags) for _, label, n, coverage, flags in calibration}
    assert by_label["Nailed it"] == (1, 1.0, 1.0)
    assert by_label["Solid"] == (0, None, None)  # its question had no key points
    assert (topics, calibration) == recounted_numbers(owner)


def test_an_attempt_submitted_but_not_graded_counts_nowhere(owner, questions):
    services.attempt_submit(user=owner, question=questions[0], token=uuid.uuid4(), answer="x")
    assert progress.topic_stats(owner) == []


def test_grading_the_same_attempt_twice_counts_it_once(owner, questions):
    attempt = practise(owner, questions[0], Grade.SOLID, covered=[0])
    services.attempt_grade(attempt=attempt, grade=Grade.MISSED, covered_key_points=[])
    assert dashboard_numbers(owner)[0] == {"Serving": (1, 3.0, pytest.approx(1 / 3))}


def test_a_question_moved_to_another_topic_takes_its_answers_along(owner, topics, questions):
    serving, drift = topics
    moved = questions[0]
    practise(owner, moved, Grade.NAILED, covered=[0, 1, 2])
    practise(owner, questions[1], Grade.PARTIAL)

    moved.topic = drift
    moved.save()

    topics_now, calibration = dashboard_numbers(owner)
    assert topics_now == {"Serving": (1, 2.0, None), "Drift": (1, 4.0, 1.0)}
    assert (topics_now, calibration) == recounted_numbers(owner)


def test_a_deleted_question_leaves_the_topic_table(owner, questions):
    practise(owner, questions[0], Grade.NAILED, covered=[0, 1, 2])
    practise(owner, questions[2], Grade.MISSED)

    questions[0].delete()

    topics_now, calibration = dashboard_numbers(owner)
    assert topics_now == {"Drift": (1, 1.0, 0.0)}
    assert dict((label, n) for _, label, n, _, _ in calibration)["Nailed it"] == 0
    assert (topics_now, calibration) == recounted_numbers(owner)


def test_each_reader_sees_only_their_own_tallies(owner, other_user, questions):
    practise(owner, questions[0], Grade.NAILED, covered=[0, 1, 2])
    practise(other_user, questions[0], Grade.MISSED)
    assert dashboard_numbers(owner)[0] == {"Serving": (1, 4.0, 1.0)}
    assert dashboard_numbers(other_user)[0] == {"Serving": (1, 1.0, 0.0)}


def test_the_recount_command_rebuilds_tallies_that_went_wrong(owner, questions):
    practise(owner, questions[0], Grade.SOLID, covered=[0])
    expected = dashboard_numbers(owner)
    GradeTally.objects.update(graded=99, coverage_sum=42)
    GradeTally.objects.create(user=UserFactory(), topic=questions[2].topic, grade=Grade.MISSED, graded=5)

    call_command("recount_grade_tallies", stdout=io.StringIO())

    assert dashboard_numbers(owner) == expected
    assert GradeTally.objects.count() == 1
