"""`generate_bench_data` fills an empty database with a synthetic bank and readers, and refuses a real one."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from bank.models import Question, SampleAnswer
from bank.selectors import question_list
from practice.benchdata import HEAVY_USERNAME
from practice.mocks.models import MockInterview, MockSlot
from practice.study.models import Attempt, ReviewCard
from practice.study.progress import topic_stats
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def generate(*extra):
    out = StringIO()
    call_command(
        "generate_bench_data", "--questions", "40", "--attempts", "300", "--users", "5",
        "--heavy-attempts", "120", "--verbosity", "0", *extra, stdout=out,
    )  # fmt: skip
    return out.getvalue()


def test_it_fills_the_bank_and_the_readers_with_the_sizes_asked():
    assert "Generated 40 questions, 300 attempts and 5 users" in generate()
    assert Question.objects.published().count() == 40
    assert SampleAnswer.objects.count() == 40
    assert Attempt.objects.count() == 300
    assert get_user_model().objects.count() == 5
    question = Question.objects.prefetch_related("companies", "roles").first()
    assert len(question.companies.all()) == 2 and len(question.roles.all()) == 2
    assert "<ol>" in question.featured_answer.body_html or "<ul>" in question.featured_answer.body_html
    assert ReviewCard.objects.exists() and MockSlot.objects.exists()


def test_it_gives_one_reader_the_heavy_history():
    generate()
    heavy = get_user_model().objects.get(username=HEAVY_USERNAME)
    assert Attempt.objects.filter(user=heavy).count() == 120
    assert MockInterview.objects.filter(user=heavy).count() == 100
    assert ReviewCard.objects.filter(user=heavy).count() == 40  # every question, fewer than the cap
    # Bulk inserts skip attempt_grade: the dashboard's tallies are counted after them.
    assert sum(topic.attempts for topic in topic_stats(heavy)) == 120


def test_its_questions_are_found_by_search():
    generate()
    result = question_list({"q": "canary"}, with_facets=False)
    assert result.page.paginator.count > 0


def test_it_refuses_a_database_with_real_content_unless_forced():
    QuestionFactory(slug="a-real-question")
    with pytest.raises(CommandError, match="real content"):
        generate()
    assert not Attempt.objects.exists()
    generate("--force")
    assert Question.objects.count() == 41


def test_it_replaces_its_own_earlier_run():
    generate()
    generate()
    assert Question.objects.count() == 40 and Attempt.objects.count() == 300
