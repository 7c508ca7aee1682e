"""Key-point hints on a finished mock's summary, and what grading there keeps of them."""

import pytest

from bank.models import Kind
from bank.semantic import hints as hint_module
from practice.mocks import services as mocks
from practice.models import MockSlot
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(owner_client, owner, monkeypatch):
    monkeypatch.setattr(hint_module, "OVERLAP_THRESHOLD", 0.6)
    question = QuestionFactory(
        kind=Kind.CONCEPT, key_points=["Roll back the model alias to the previous version.", "Tag alerts."]
    )
    mock = mocks.mock_start(user=owner, title="One", questions=[question], time_limit_seconds=120)
    owner_client.post(
        f"/mock/{mock.pk}/q/1/save/",
        {"answer": "I would roll back the model alias to the previous version at once.", "revision": "3"},
    )
    owner_client.post(f"/mock/{mock.pk}/finish/")
    return mock


def test_the_summary_marks_the_key_point_the_answer_seems_to_cover(owner_client, finished):
    summary = owner_client.get(f"/mock/{finished.pk}/summary/").content.decode()
    assert summary.count("Your answer seems to cover this") == 1
    assert "I would roll back the model alias to the previous version at once." in summary


def test_grading_from_the_summary_keeps_what_the_hints_flagged(owner_client, finished):
    owner_client.post(f"/mock/{finished.pk}/grade/1/", {"grade": "3", "covered": ["1"]})
    attempt = MockSlot.objects.get(mock=finished, position=1).attempt
    assert attempt.hinted_key_points == [0] and attempt.covered_key_points == [1]
