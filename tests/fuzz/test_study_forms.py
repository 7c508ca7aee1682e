"""Fuzzed posts to every practice form: a redirect, a page or a 400, never a 500.

Each example signs in, posts, and rolls back what it wrote, so every example meets the same database.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from bank.models import Choice, Difficulty
from practice.study.forms import sign_start
from tests.fuzz.strategies import encoded, hostile_markdown, next_urls, one_of_or, post_form, rolled_back

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

tokens = one_of_or(st.uuids().map(str))
started = st.builds(sign_start) | st.sampled_from(["", "1.5", "abc:def:ghi"])
answers = one_of_or(["Start from the latency budget.", ""], hostile_markdown)
grades = one_of_or(["1", "2", "3", "4"])
dates = one_of_or(
    st.dates(timezone.localdate(), timezone.localdate() + timedelta(days=900)).map(str),
    st.dates().map(str),
    st.sampled_from(["2026-02-30", "31/12/2026", "today"]),
)


def _post(client, owner, url, body):
    with rolled_back():
        client.force_login(owner)
        return post_form(client, url, body)


@given(
    body=encoded(
        {"answer": answers, "token": tokens, "started": started, "preview": st.just("1")},
        optional={"preview"},
    )
)
def test_practise_form(client, owner, world, body):
    assert _post(client, owner, "/practice/q/canary/", body) in (200, 302, 400)


def _choices(question_slug):
    """The question's options, by id, and one that belongs to another question."""
    ids = [str(pk) for pk in Choice.objects.filter(question__slug=question_slug).values_list("pk", flat=True)]
    other = Choice.objects.exclude(question__slug=question_slug).values_list("pk", flat=True).first()
    return one_of_or([*ids, str(other or 0)])


@given(data=st.data())
def test_practise_form_multiple_choice(client, owner, world, data):
    body = data.draw(encoded({"choice": _choices("mc"), "token": tokens, "started": started}))
    assert _post(client, owner, "/practice/q/mc/", body) in (302, 400)


@given(body=encoded({"answer": answers}))
def test_preview(client, owner, world, body):
    assert _post(client, owner, "/practice/preview/", body) == 200


@given(body=encoded({"grade": grades, "covered": one_of_or(["0", "1", "2"])}, optional={"covered"}))
def test_grade_form(client, owner, world, body):
    url = f"/practice/attempts/{world['fresh_attempt'].pk}/"
    assert _post(client, owner, url, body) in (302, 400)


@given(body=encoded({"text": answers, "next": next_urls}, optional={"next"}))
def test_note(client, owner, world, body):
    assert _post(client, owner, "/practice/q/canary/note/", body) == 302


@given(body=encoded({"next": next_urls}))
def test_bookmark(client, owner, world, body):
    assert _post(client, owner, "/practice/q/canary/bookmark/", body) == 302


@given(
    body=encoded(
        {
            "topic": one_of_or(["serving", ""]),
            "difficulty": one_of_or(Difficulty.values),
            "count": one_of_or(["1", "6", "20", "21"]),
        }
    )
)
def test_quiz_setup(client, owner, world, body):
    assert _post(client, owner, "/practice/quiz/", body) in (302, 400)


@given(data=st.data())
def test_quiz_answer(client, owner, world, data):
    quiz = world["quiz"]
    body = data.draw(encoded({"choice": _choices("mc"), "token": tokens, "started": started}))
    assert _post(client, owner, f"/practice/quiz/{quiz.pk}/", body) in (302, 400)


@given(
    body=encoded(
        {
            "interview_date": dates,
            "target": one_of_or(["", "role:nobody", "company:x", "path:", "planet:mars", ":"]),
            "minutes_per_day": one_of_or(["0", "30", "480", "481", "-1", "1e3"]),
            "desired_retention": one_of_or(["0.9", "0.7", "0.97", "0.69", "nan", "inf", "-0", "1e400"]),
        }
    )
)
def test_settings(client, owner, world, body):
    assert _post(client, owner, "/practice/settings/", body) in (302, 400)


@given(
    body=encoded({"answer": answers, "revision": one_of_or(["1", "2", "0", "-1", str(2**62), str(2**63)])}),
)
def test_draft_save(client, owner, world, body):
    url = f"/practice/q/{world['question'].slug}/draft/"
    assert _post(client, owner, url, body) in (200, 400, 409)
