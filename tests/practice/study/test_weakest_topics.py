"""The dashboard's "Where to work next" leaves out a topic where every answer was nailed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practice.study.models import Grade
from practice.study.services import attempt_grade
from tests.factories import AttemptFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _graded(user, topic, grade):
    when = timezone.now() - timedelta(days=2)
    attempt = AttemptFactory(user=user, question=QuestionFactory(topic=topic), submitted_at=when)
    attempt_grade(attempt=attempt, grade=grade, covered_key_points=[], now=when)


def test_where_to_work_next_skips_a_topic_graded_four(owner_client, owner):
    _graded(owner, TopicFactory(name="Nailed topic", slug="nailed"), Grade.NAILED)
    _graded(owner, TopicFactory(name="Shaky topic", slug="shaky"), Grade.PARTIAL)
    response = owner_client.get("/practice/")
    assert [item.name for item in response.context["weakest"]] == ["Shaky topic"]
    weak = response.content.decode().split('id="weak-heading"')[1].split("</section>")[0]
    assert "Shaky topic" in weak and "Nailed topic" not in weak
