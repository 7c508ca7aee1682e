"""The reader's own marks on question list rows: practised (with the last grade), due, saved."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practice.study.marks import list_marks
from practice.study.models import Bookmark, Grade
from practice.study.services import attempt_grade
from tests.factories import AttemptFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _graded(user, question, grade, days_ago):
    when = timezone.now() - timedelta(days=days_ago)
    attempt = AttemptFactory(user=user, question=question, submitted_at=when)
    attempt_grade(attempt=attempt, grade=grade, covered_key_points=[], now=when)


def test_it_shows_practised_with_the_last_grade_due_and_saved_on_list_rows(owner_client, owner):
    nailed = QuestionFactory(title="A nailed question")
    missed = QuestionFactory(title="B missed long ago")
    saved = QuestionFactory(title="C saved question")
    QuestionFactory(title="D untouched question")
    _graded(owner, nailed, Grade.NAILED, days_ago=0)
    _graded(owner, missed, Grade.MISSED, days_ago=30)
    Bookmark.objects.create(user=owner, question=saved)

    html = owner_client.get("/questions/").content.decode()
    rows = {
        chunk.split("</a>")[0].split(">")[-1]: chunk
        for chunk in html.split('<li class="card question-card')[1:]
    }
    assert "Practised: Nailed it" in rows["A nailed question"]
    assert "Due for review" not in rows["A nailed question"]
    assert (
        "Practised: Missed it" in rows["B missed long ago"] and "Due for review" in rows["B missed long ago"]
    )
    assert "Saved" in rows["C saved question"] and "Practised" not in rows["C saved question"]
    assert "Your status" not in rows["D untouched question"]


def test_it_shows_a_visitor_no_marks(client, other_user):
    question = QuestionFactory()
    Bookmark.objects.create(user=other_user, question=question)
    assert "Your status" not in client.get("/questions/").content.decode()


def test_it_shows_only_the_readers_own_marks(owner_client, other_user):
    question = QuestionFactory()
    _graded(other_user, question, Grade.SOLID, days_ago=1)
    assert "Your status" not in owner_client.get("/questions/").content.decode()


def test_it_looks_up_marks_in_three_queries_for_any_page(owner, django_assert_num_queries):
    questions = [QuestionFactory() for _ in range(12)]
    for question in questions[:6]:
        _graded(owner, question, Grade.PARTIAL, days_ago=10)
        Bookmark.objects.create(user=owner, question=question)
    # 1. the review cards (last grade, due), 2. the practised questions, 3. the bookmarks
    with django_assert_num_queries(3):
        marks = list_marks(owner, [question.pk for question in questions])
    assert len(marks) == 6 and all(mark.saved and mark.due for mark in marks.values())


def test_the_list_page_costs_the_same_queries_for_three_rows_or_twelve(owner_client, owner):
    def queries_for_page():
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get("/questions/").status_code == 200
        return len(queries)

    for _ in range(3):
        question = QuestionFactory()
        _graded(owner, question, Grade.SOLID, days_ago=5)
    few = queries_for_page()
    for _ in range(9):
        question = QuestionFactory()
        _graded(owner, question, Grade.SOLID, days_ago=5)
        Bookmark.objects.create(user=owner, question=question)
    assert queries_for_page() == few
