"""The study plan as a reader meets it: settings (target, minutes, retention), the dashboard's plan,
the review queue's "next review" and the retention used by the scheduler."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from bank.models import Status, StudyPathStep
from practice.models import Grade, ReaderProfile, ReviewCard
from practice.study import services
from tests.factories import QuestionFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db
DAY_ONE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def practise(user, question, grade, when=DAY_ONE):
    attempt = services.attempt_submit(user=user, question=question, token=uuid.uuid4(), answer="x", now=when)
    return services.attempt_grade(attempt=attempt, grade=grade, covered_key_points=[], now=when)


@pytest.fixture
def platform_role():
    role = RoleFactory(name="ML platform engineer", slug="ml-platform")
    questions = [QuestionFactory(title=f"Platform {n}", roles=[role]) for n in range(10)]
    QuestionFactory(title="Off target")
    QuestionFactory(title="Hidden", roles=[role], status=Status.DRAFT)
    return role, questions


def _settings(client, **values):
    body = {"interview_date": "", "target": "", "minutes_per_day": "30", "desired_retention": "0.9"}
    body.update(values)
    return client.post("/practice/settings/", body)


def test_it_saves_a_target_a_daily_budget_and_a_retention(owner_client, owner, platform_role):
    with time_machine.travel(DAY_ONE, tick=False):
        response = _settings(
            owner_client,
            interview_date="2026-04-01",
            target="role:ml-platform",
            minutes_per_day="45",
            desired_retention="0.85",
        )
    assert response.status_code == 302
    profile = ReaderProfile.objects.get(user=owner)
    assert (
        profile.interview_date,
        profile.target_role,
        profile.minutes_per_day,
        profile.desired_retention,
    ) == (
        date(2026, 4, 1),
        platform_role[0],
        45,
        0.85,
    )
    page = owner_client.get("/practice/settings/").content.decode()
    assert 'value="role:ml-platform" selected' in page and "higher means shorter gaps" in page
    # The date box gets the ISO date it understands (a locale format showed an empty box).
    assert 'type="date" name="interview_date" value="2026-04-01"' in page


@pytest.mark.parametrize(
    "field, value",
    [
        ("desired_retention", "0.5"),
        ("desired_retention", "0.99"),
        ("minutes_per_day", "-5"),
        ("minutes_per_day", "9999"),
    ],
)
def test_it_refuses_values_out_of_bounds(owner_client, owner, field, value):
    assert _settings(owner_client, **{field: value}).status_code == 400
    assert not ReaderProfile.objects.filter(user=owner).exists()


def test_an_unknown_target_is_a_400_not_a_500(owner_client):
    assert _settings(owner_client, target="role:nobody").status_code == 400
    assert _settings(owner_client, target="planet:mars").status_code == 400


def test_the_dashboard_shows_days_left_coverage_and_todays_plan(client, owner, platform_role):
    role, questions = platform_role
    ReaderProfile.objects.create(
        user=owner, interview_date=date(2026, 3, 12), target_role=role, minutes_per_day=60
    )
    practise(owner, questions[0], Grade.NAILED, DAY_ONE - timedelta(days=20))
    practise(owner, questions[0], Grade.NAILED, DAY_ONE - timedelta(days=10))  # stability: weeks
    practise(owner, questions[1], Grade.PARTIAL, DAY_ONE - timedelta(days=1))
    client.force_login(owner)
    with time_machine.travel(DAY_ONE, tick=False):
        response = client.get("/practice/")
    plan = response.context["plan"]
    assert plan.target == "the ML platform engineer role"
    # 10 published questions in the role (the draft does not count); 2 practised, 1 solid.
    assert (plan.coverage.total, plan.coverage.practised, plan.coverage.solid) == (10, 2, 1)
    # 10 days left; covered by 9 March = 8 days counting today: 8 remaining -> 1 a day.
    assert plan.today.days_left == 10 and plan.today.new == 1
    body = response.content.decode()
    assert '10</span><span class="stat-label">days left' in body
    assert "Practise 1 new question" in body and "/practice/next/?plan=1" in body
    # The link starts on a question of the target never practised.
    with time_machine.travel(DAY_ONE, tick=False):
        start = client.get("/practice/next/?plan=1")
    assert start.status_code == 302
    assert start.url in {f"/practice/q/{q.slug}/" for q in questions[2:]}
    assert "at least 7 days" in body  # what "solid" means is said on the page


def test_a_study_path_target_starts_at_its_first_unpractised_step(client, owner):
    from bank.models import StudyPath

    path = StudyPath.objects.create(
        title="Serving first", slug="serving-first", audience="a", introduction="b"
    )
    first, second = QuestionFactory(slug="step-one"), QuestionFactory(slug="step-two")
    StudyPathStep.objects.create(path=path, question=second, position=2)
    StudyPathStep.objects.create(path=path, question=first, position=1)
    ReaderProfile.objects.create(user=owner, target_path=path, minutes_per_day=30)
    practise(owner, first, Grade.SOLID)
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        response = client.get("/practice/")
    assert response.context["plan"].coverage.total == 2
    assert client.get("/practice/next/?plan=1").url == "/practice/q/step-two/"
    practise(owner, second, Grade.SOLID)
    done = client.get("/practice/next/?plan=1", follow=True)
    assert "Every question of your plan" in done.content.decode()


def test_the_dashboard_says_when_the_budget_is_too_small(client, owner, platform_role):
    role, _ = platform_role
    ReaderProfile.objects.create(
        user=owner, interview_date=date(2026, 3, 6), target_role=role, minutes_per_day=0
    )
    client.force_login(owner)
    with time_machine.travel(DAY_ONE, tick=False):
        body = client.get("/practice/").content.decode()
    assert "Your daily time is set to 0 minutes" in body
    assert "No new questions today." in body


def test_the_forecast_counts_reviews_for_the_next_14_days(client, owner):
    for index in range(3):
        practise(owner, QuestionFactory(), Grade.MISSED, DAY_ONE - timedelta(days=index))
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=2), tick=False):
        response = client.get("/practice/")
    forecast = response.context["plan"].forecast
    assert len(forecast) == 14 and sum(count for _, count in forecast) == 3
    # Two were missed before today (due now), the one missed today comes back tomorrow.
    assert forecast[0][1] == 2 and forecast[1][1] == 1
    assert "Reviews due per day" in response.content.decode()


def test_an_empty_review_queue_says_when_the_next_review_arrives(client, owner):
    practise(owner, QuestionFactory(), Grade.SOLID, DAY_ONE)
    card = ReviewCard.objects.get()
    client.force_login(owner)
    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        body = client.get("/practice/review/").content.decode()
    assert "Your next review arrives" in body
    assert f"{card.due:%A} {card.due.day} {card.due:%B}" in body


def test_an_empty_review_queue_without_cards_invites_to_practise(owner_client):
    body = owner_client.get("/practice/review/").content.decode()
    assert "Your next review arrives" not in body and "Grade an answer" in body


def test_a_lower_retention_gives_longer_gaps(owner):
    relaxed = UserFactory()
    ReaderProfile.objects.create(user=relaxed, desired_retention=0.7)
    question = QuestionFactory()
    strict_card = practise(owner, question, Grade.SOLID) and ReviewCard.objects.get(user=owner)
    relaxed_card = practise(relaxed, question, Grade.SOLID) and ReviewCard.objects.get(user=relaxed)
    assert relaxed_card.due - DAY_ONE > (strict_card.due - DAY_ONE) * 2


def test_changing_the_retention_re_times_the_cards_at_once(owner_client, owner):
    practise(owner, QuestionFactory(), Grade.SOLID, DAY_ONE - timedelta(days=20))
    practise(owner, ReviewCard.objects.get().question, Grade.SOLID, DAY_ONE - timedelta(days=10))
    card = ReviewCard.objects.get()
    gap_at_090 = card.due - card.last_reviewed_at
    assert _settings(owner_client, desired_retention="0.8").status_code == 302
    card.refresh_from_db()
    assert card.due - card.last_reviewed_at > gap_at_090 * 1.5  # lower retention: a longer gap
    assert card.fsrs_card["due"] == card.due.isoformat()
    assert _settings(owner_client, desired_retention="0.9").status_code == 302
    card.refresh_from_db()
    assert card.due - card.last_reviewed_at == gap_at_090  # and back


def test_a_new_reader_without_a_date_gets_a_pace_and_an_invitation_to_set_one(owner_client):
    QuestionFactory()
    body = owner_client.get("/practice/").content.decode()
    assert "no interview date" in body and "Set your interview date" in body
    assert "the date asks for" not in body  # no date, no deadline to fall short of
    assert "No reviews in the next 14 days yet" in body and "Reviews due per day" not in body
