"""Fuzzed posts to every mock interview form: setup, the question form, autosave and grading.

A redirect, a page, a 400 (or a 409 from autosave once time is up), never a 500. Each example signs
in, posts, and rolls back what it wrote.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bank.models import Difficulty
from practice.mocks import services
from practice.mocks.presets import PRESETS
from tests.fuzz.strategies import encoded, hostile_markdown, numbers, one_of_or, post_form, rolled_back

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

answers = one_of_or(["I would start from the latency budget.", ""], hostile_markdown)
revisions = one_of_or(st.integers(0, 2**63).map(str))
on = one_of_or(["on", "1"])
SETUP_FIELDS = {
    "preset": one_of_or(list(PRESETS)),
    "role": one_of_or(["mle", ""]),
    "company": one_of_or(["acme", ""]),
    "topics": one_of_or(["serving"]),
    "difficulties": one_of_or(Difficulty.values),
    "count": one_of_or(["1", "3", "10", "11"]),
    "timing": one_of_or(["per_question", "total"]),
    "minutes": one_of_or(["1", "8", "180", "181"]),
    "accept_fewer": on,
}


@pytest.fixture
def finished_mock(owner, world):
    mock = services.mock_start(
        user=owner, title="Done", questions=[world["question"]], time_limit_seconds=600
    )
    services.mock_save_answer(slot=mock.slots.get(), answer="My answer.", revision=1)
    return services.mock_finish(mock=mock)


def _post(client, owner, url, body):
    with rolled_back():
        client.force_login(owner)
        return post_form(client, url, body)


@given(
    body=encoded(
        SETUP_FIELDS, optional={"preset", "role", "company", "topics", "difficulties", "accept_fewer"}
    )
)
def test_mock_setup(client, owner, world, body):
    assert _post(client, owner, "/mock/new/", body) in (200, 302, 400)


@given(
    body=encoded(
        {
            "answer": answers,
            "revision": revisions,
            "flagged": on,
            "finish": on,
            "previous": on,
            "next": on,
            "go": one_of_or(["1", "2"], numbers),
        },
        optional={"flagged", "finish", "previous", "next", "go"},
    )
)
def test_mock_question_form(client, owner, world, body):
    assert _post(client, owner, f"/mock/{world['mock'].pk}/q/1/", body) in (302, 400)


@given(
    body=encoded(
        {"answer": answers, "revision": revisions, "flagged": on, "flag_sent": on},
        optional={"flagged", "flag_sent"},
    )
)
def test_mock_autosave(client, owner, world, body):
    assert _post(client, owner, f"/mock/{world['mock'].pk}/q/1/save/", body) in (200, 400, 409)


@given(
    body=encoded(
        {"grade": one_of_or(["1", "2", "3", "4"]), "covered": one_of_or(["0", "1"])}, optional={"covered"}
    )
)
def test_mock_grade(client, owner, finished_mock, body):
    assert _post(client, owner, f"/mock/{finished_mock.pk}/grade/1/", body) == 302
