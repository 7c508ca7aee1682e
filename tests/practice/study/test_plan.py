"""The plan's arithmetic (practice/study/plan.py): pure functions, no database."""

from datetime import date, timedelta

from practice.study import plan
from practice.study.plan import Coverage, day_plan, forecast, new_needed, new_within_budget

TODAY = date(2026, 3, 2)


def _plan(*, interview, total=60, practised=0, reviews=0, minutes=120):
    return day_plan(
        today=TODAY,
        interview_date=interview,
        coverage=Coverage(total=total, practised=practised, solid=0),
        reviews=reviews,
        minutes_per_day=minutes,
    )


def test_it_spreads_the_target_so_it_is_covered_three_days_before_the_interview():
    # 30 days left; covered by day 27 (28 days counting today): 60 questions -> 3 a day (ceil 60/28).
    day = _plan(interview=TODAY + timedelta(days=30))
    assert day.days_left == 30
    assert day.new_needed == 3 and day.new == 3
    assert day.finish_by == TODAY + timedelta(days=27)
    assert day.projected_finish <= day.finish_by and not day.late


def test_it_rounds_up_so_the_last_question_is_not_left_over():
    assert new_needed(remaining=10, today=TODAY, interview_date=TODAY + timedelta(days=6)) == 3  # 4 days


def test_with_three_days_or_fewer_left_it_asks_for_everything_today():
    assert new_needed(remaining=12, today=TODAY, interview_date=TODAY + timedelta(days=3)) == 12
    assert new_needed(remaining=12, today=TODAY, interview_date=TODAY + timedelta(days=1)) == 12


def test_on_the_interview_day_it_plans_no_new_questions():
    day = _plan(interview=TODAY, total=12, reviews=3, minutes=600)
    assert day.days_left == 0 and day.new == 0 and day.reviews == 3
    day = _plan(interview=TODAY + timedelta(days=2), total=12, minutes=600)
    assert day.finish_by == TODAY and day.new == 12


def test_the_time_budget_caps_new_questions_after_the_reviews():
    # 30 minutes: 4 reviews take 12, the 18 left fit 2 new questions of 8 minutes.
    day = _plan(interview=TODAY + timedelta(days=10), total=60, reviews=4, minutes=30)
    assert new_within_budget(30, 4) == 2
    assert day.new == 2 and day.new_needed == 8 and day.cut_by_budget
    assert day.minutes == 4 * plan.MINUTES_PER_REVIEW + 2 * plan.MINUTES_PER_NEW_QUESTION
    # 60 at 2 a day takes 30 days: after the day the target should be covered.
    assert day.late and day.projected_finish == TODAY + timedelta(days=29)


def test_reviews_beyond_the_budget_leave_no_room_for_new_questions():
    day = _plan(interview=TODAY + timedelta(days=10), reviews=20, minutes=30)
    assert day.new == 0 and day.reviews == 20 and day.reviews_over_budget


def test_a_zero_budget_plans_no_new_questions_and_never_finishes():
    day = _plan(interview=TODAY + timedelta(days=10), minutes=0)
    assert day.new == 0 and day.new_needed > 0
    assert day.projected_finish is None and day.late


def test_a_date_in_the_past_has_no_deadline_and_a_modest_pace():
    day = _plan(interview=TODAY - timedelta(days=1))
    assert day.is_past and day.days_left == -1
    assert day.finish_by is None and not day.late
    assert day.new == plan.NEW_PER_DAY_WITHOUT_DATE


def test_without_a_date_the_pace_is_the_no_deadline_one():
    day = _plan(interview=None)
    assert day.days_left is None and not day.is_past
    assert day.new == plan.NEW_PER_DAY_WITHOUT_DATE


def test_a_target_already_covered_asks_for_no_new_questions():
    day = _plan(interview=TODAY + timedelta(days=30), total=40, practised=40, reviews=5)
    assert day.new == 0 and day.new_needed == 0 and not day.cut_by_budget
    assert day.projected_finish == TODAY and not day.late
    assert day.minutes == 5 * plan.MINUTES_PER_REVIEW


def test_an_empty_target_is_zero_percent_not_a_division_by_zero():
    coverage = Coverage(total=0, practised=0, solid=0)
    assert coverage.practised_percent == 0 and coverage.solid_percent == 0 and coverage.remaining == 0


def test_solid_means_a_good_last_grade_and_a_week_of_stability():
    assert plan.is_solid(3, 10.9)
    assert not plan.is_solid(3, 2.3)  # a first "Solid": FSRS gives it about two days
    assert not plan.is_solid(2, 30)  # "Partial" is never solid
    assert not plan.is_solid(4, None)


def test_the_forecast_counts_overdue_reviews_today_and_drops_the_far_ones():
    dates = [TODAY - timedelta(days=3), TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=1)]
    dates += [TODAY + timedelta(days=13), TODAY + timedelta(days=14)]
    days = forecast([(date, 1) for date in dates], TODAY)
    assert len(days) == 14 and days[0] == (TODAY, 2) and days[1] == (TODAY + timedelta(days=1), 2)
    assert days[13] == (TODAY + timedelta(days=13), 1)
    assert sum(count for _, count in days) == 5
