"""The bank in fixtures/ meets the editorial rules a reader relies on (issue: the full bank)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from bank.bankfiles import parse_path, parse_question
from bank.rendering import html_to_text, render_markdown

FOLDER = Path(settings.BANK_FIXTURES_DIR)
QUESTIONS = [
    parse_question(path.stem, path.read_text(encoding="utf-8"))
    for path in sorted((FOLDER / "questions").glob("*.md"))
]
PATHS = [
    parse_path(path.stem, path.read_text(encoding="utf-8"))
    for path in sorted((FOLDER / "paths").glob("*.md"))
]
CORE_TOPICS = {
    "serving-and-inference",
    "ci-cd-for-ml",
    "feature-stores-and-data-pipelines",
    "versioning-and-experiment-tracking",
    "monitoring-and-drift",
    "infrastructure-scaling-and-cost",
}


def words(markdown):
    return len(re.findall(r"[A-Za-z0-9$%']+", html_to_text(render_markdown(markdown))))


def sentences(markdown):
    return len(re.findall(r"[.!?](?:\s|$)", html_to_text(render_markdown(markdown))))


def test_the_bank_is_big_enough_and_covers_the_core_topics():
    published = [q for q in QUESTIONS if q.status == "published"]
    assert len(published) >= 80
    per_topic = Counter(q.topic for q in published)
    assert all(per_topic[topic] >= 6 for topic in CORE_TOPICS), per_topic
    assert sum(q.kind == "multiple-choice" for q in published) >= 12


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slug)
def test_every_question_has_every_field(question):
    assert question.roles and question.tools
    assert 1 <= sentences(question.why_asked) <= 4, "why interviewers ask it: 2-3 sentences"
    assert 1 <= sentences(question.trap) <= 4, "the trap: 1-3 sentences"
    assert 4 <= len(question.key_points) <= 7
    assert 2 <= len(question.follow_ups) <= 4
    assert 1 <= len(question.links) <= 3
    assert question.answers, "a sample answer"
    low, high = (90, 260) if question.kind == "multiple-choice" else (170, 460)
    assert low <= words(question.answers[0].body) <= high


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if q.kind == "multiple-choice"], ids=lambda q: q.slug
)
def test_multiple_choice_questions_have_four_explained_options_and_one_answer(question):
    assert len(question.choices) == 4
    assert sum(choice.is_correct for choice in question.choices) == 1
    assert all(choice.explanation.strip() for choice in question.choices)


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "behavioural"], ids=lambda q: q.slug)
def test_behavioural_answers_follow_situation_task_action_result(question):
    answer = question.answers[0].body
    for part in ("Situation", "Task", "Action", "Result"):
        assert f"**{part}" in answer, part


def test_study_paths_cover_both_seed_readers_and_name_real_questions():
    slugs = {q.slug for q in QUESTIONS}
    names = {path.slug for path in PATHS}
    assert {"from-notebook-to-production", "ml-for-platform-engineers"} <= names
    for path in PATHS:
        assert set(path.questions) <= slugs, path.slug
        assert len(path.introduction.split()) >= 60
