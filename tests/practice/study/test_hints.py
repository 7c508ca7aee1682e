"""Key-point hints on the grading page, what grading keeps of them, and the dashboard's comparison."""

import pytest
from django.urls import reverse

from bank.semantic import hints as hint_module
from practice.study import services
from practice.study.models import Attempt
from tests.factories import AttemptFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ANSWER = "First I would roll back the model alias to the previous version. Then I would read the traces."
KEY_POINTS = ["Roll back the model alias to the previous version.", "Tag alerts with the deploy."]


@pytest.fixture
def trusted_fallback(monkeypatch):
    """The word-overlap fallback at a threshold the evaluation allowed (and a strict one, for a clear test)."""
    monkeypatch.setattr(hint_module, "OVERLAP_THRESHOLD", 0.6)


@pytest.fixture
def untrusted_fallback(monkeypatch):
    """As if the evaluation had found no threshold where word overlap reaches 0.85 precision."""
    monkeypatch.setattr(hint_module, "OVERLAP_THRESHOLD", None)


@pytest.fixture
def attempt(owner):
    return AttemptFactory(user=owner, question=QuestionFactory(key_points=KEY_POINTS), answer=ANSWER)


def test_it_marks_the_key_point_the_answer_seems_to_cover(owner_client, attempt, trusted_fallback):
    page = owner_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert page.count("Your answer seems to cover this") == 1
    assert "First I would roll back the model alias to the previous version." in page
    assert "Word-overlap hints" in page
    assert "checked" not in page.split("Tick the key points")[1].split("</fieldset>")[0]  # the reader ticks


def test_it_says_so_and_shows_no_hints_when_the_fallback_is_not_accurate_enough(
    owner_client, attempt, untrusted_fallback
):
    page = owner_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert "Your answer seems to cover this" not in page
    assert "No hints here" in page


def test_it_keeps_what_the_hints_flagged_with_the_grade(owner_client, attempt, trusted_fallback):
    owner_client.post(reverse("practice:attempt", args=[attempt.pk]), {"grade": 3, "covered": [1]})
    attempt.refresh_from_db()
    assert attempt.hinted_key_points == [0]
    assert attempt.covered_key_points == [1]


def test_it_keeps_no_hints_when_none_were_shown(owner_client, attempt, untrusted_fallback):
    owner_client.post(reverse("practice:attempt", args=[attempt.pk]), {"grade": 3, "covered": [0]})
    attempt.refresh_from_db()
    assert attempt.hinted_key_points is None


def test_it_ignores_hinted_indexes_outside_the_question(attempt):
    services.attempt_grade(attempt=attempt, grade=3, covered_key_points=[0], hinted_key_points=[0, 7])
    assert Attempt.objects.get(pk=attempt.pk).hinted_key_points == [0]


def test_the_dashboard_compares_ticks_with_hints(owner_client, owner):
    question = QuestionFactory(key_points=KEY_POINTS + ["A third point."])
    first = AttemptFactory(user=owner, question=question)
    services.attempt_grade(attempt=first, grade=3, covered_key_points=[0, 2], hinted_key_points=[0, 1])
    page = owner_client.get(reverse("practice:dashboard")).content.decode()
    assert "your ticks against the key-point hints" in page
    row = page.split("Your ticks against the hints, by month")[1].split("</tr>")[1]
    # 1 answer, 2 hinted, 1 of them ticked (50%), 1 ticked that was not hinted
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:]] == ["1", "2", "1 (50%)", "1"]


def test_the_dashboard_leaves_the_comparison_out_without_hinted_answers(owner_client):
    assert "key-point hints" not in owner_client.get(reverse("practice:dashboard")).content.decode()


def test_the_shipped_fallback_threshold_is_the_one_the_evaluation_chose():
    # docs/semantic.md: word overlap reaches 0.85 precision from 0.231 on the evaluation set.
    assert hint_module.OVERLAP_THRESHOLD == 0.25
    assert hint_module.hint_mode() == "words"
