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


PUBLISHED = [q for q in QUESTIONS if q.status == "published"]
CHOICE_QUESTIONS = [q for q in QUESTIONS if q.kind == "multiple-choice"]
DIAGRAMS = FOLDER / "diagrams"


def test_the_bank_is_big_enough_and_covers_the_core_topics():
    assert len(PUBLISHED) >= 180
    per_topic = Counter(q.topic for q in PUBLISHED)
    assert all(per_topic[topic] >= 6 for topic in CORE_TOPICS), per_topic
    assert sum(q.kind == "multiple-choice" for q in PUBLISHED) >= 12


def test_it_is_deep_where_2026_interviews_are_heavy():
    per_topic = Counter(q.topic for q in PUBLISHED)
    per_kind = Counter(q.kind for q in PUBLISHED)
    assert per_topic["llmops"] >= 25, per_topic
    assert per_topic["security-and-governance"] >= 12, per_topic
    assert per_topic["data-quality-and-contracts"] >= 10, per_topic
    assert per_topic["gpu-and-training-infrastructure"] >= 10, per_topic
    assert per_topic["experimentation"] >= 10, per_topic
    assert per_kind["system-design"] >= 20, per_kind
    assert per_kind["behavioural"] >= 12, per_kind


def test_multiple_choice_cannot_be_passed_by_picking_the_longest_option():
    longest_is_right = [
        q.slug
        for q in CHOICE_QUESTIONS
        if max(len(c.text) for c in q.choices) == len(next(c.text for c in q.choices if c.is_correct))
    ]
    assert len(longest_is_right) <= 0.35 * len(CHOICE_QUESTIONS), longest_is_right


def test_at_least_fifteen_questions_carry_a_diagram():
    assert sum(bool(q.diagram) for q in QUESTIONS) >= 15


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slug)
def test_every_question_has_every_field(question):
    assert question.roles and question.tools
    assert 1 <= sentences(question.why_asked) <= 4, "why interviewers ask it: 2-3 sentences"
    assert 1 <= sentences(question.trap) <= 4, "the trap: 1-3 sentences"
    assert 4 <= len(question.key_points) <= 7
    assert 1 <= len(question.links) <= 3
    assert question.answers, "a sample answer"
    low, high = (90, 260) if question.kind == "multiple-choice" else (170, 460)
    assert low <= words(question.answers[0].body) <= high


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slug)
def test_every_question_carries_the_rubric(question):
    assert 35 <= words(question.thirty_second) <= 90, "in 30 seconds: 35-90 words"
    assert 2 <= len(question.red_flags) <= 4
    assert 2 <= len(question.follow_ups) <= 4
    for item in question.follow_ups:
        assert item.question.endswith("?"), item.question
        assert 2 <= sentences(item.answer) <= 5, f"answer to {item.question!r}: 2-4 sentences"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slug)
def test_every_question_was_reviewed_and_names_its_sources(question):
    assert question.reviewed is not None, "reviewed = <date>, set by a second person"
    assert question.sources and all(url.startswith("https://") for url in question.sources)


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.diagram], ids=lambda q: q.slug)
def test_a_diagram_is_our_own_inert_svg_with_a_text_alternative(question):
    svg = (DIAGRAMS / question.diagram).read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<svg", "<?xml")) and "</svg>" in svg
    assert not re.search(r"<script|<foreignObject|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*[\"'](?!#)", svg, re.I)
    assert len(question.diagram_alt.split()) >= 6


def test_every_diagram_file_is_used():
    used = {q.diagram for q in QUESTIONS if q.diagram}
    assert {path.name for path in DIAGRAMS.glob("*.svg")} == used


@pytest.mark.parametrize("question", CHOICE_QUESTIONS, ids=lambda q: q.slug)
def test_multiple_choice_questions_have_four_explained_options_and_one_answer(question):
    assert len(question.choices) == 4
    assert sum(choice.is_correct for choice in question.choices) == 1
    assert all(choice.explanation.strip() for choice in question.choices)
    for choice in question.choices:
        if not choice.is_correct:
            assert choice.explanation.startswith("**Misconception:**"), choice.text


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "behavioural"], ids=lambda q: q.slug)
def test_behavioural_answers_follow_situation_task_action_result(question):
    answer = question.answers[0].body
    for part in ("Situation", "Task", "Action", "Result", "Bridge"):
        assert f"**{part}" in answer, part


def test_study_paths_cover_both_seed_readers_and_name_real_questions():
    slugs = {q.slug for q in QUESTIONS}
    names = {path.slug for path in PATHS}
    assert {"from-notebook-to-production", "ml-for-platform-engineers"} <= names
    for path in PATHS:
        assert set(path.questions) <= slugs, path.slug
        assert len(path.introduction.split()) >= 60


# LaTeX that a reader would see as source text if a formula were not converted to MathML.
RAW_LATEX = re.compile(
    r"\\(?:times|frac|tfrac|approx|text|cdot|sqrt|lambda|rho|sigma|mu|div)\b|\{,\}|[\^_]\{"
)


def _markdown_texts(question):
    yield question.prompt
    yield question.why_asked
    yield question.trap
    yield question.thirty_second
    yield from question.key_points
    yield from question.red_flags
    for follow_up in question.follow_ups:
        yield follow_up.question
        yield follow_up.answer
    for answer in question.answers:
        yield answer.body
    for choice in question.choices:
        yield choice.explanation


@pytest.mark.parametrize("question", [q for q in QUESTIONS if "$" in str(q)], ids=lambda q: q.slug)
def test_every_formula_is_shown_as_mathematics_never_as_latex_source(question):
    shown = [
        html_to_text(render_markdown(text))
        for text in _markdown_texts(question)
        if "\\" in text or "{" in text
    ]

    assert [RAW_LATEX.findall(text) for text in shown if RAW_LATEX.search(text)] == []
