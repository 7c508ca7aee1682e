from pathlib import Path

import pytest
from django.conf import settings

from bank.bankfiles import BankFileError, parse_path, parse_question, render_path, render_question

QUESTION = """+++
title = "Shadow or canary?"
topic = "serving-and-inference"
kind = "concept"
difficulty = "medium"
status = "published"
roles = ["ml-engineer", "mlops-engineer"]
companies = ["netflix"]
tools = ["KServe", "Istio"]
sources = ["https://kserve.github.io/website/"]
reviewed = 2026-11-29
diagram = "shadow-then-canary.svg"
diagram_alt = "Traffic goes to the shadow copy first, then 1% to the canary."
+++

# Prompt

When do you **shadow** a model and when do you canary it?

# Why interviewers ask it

It separates people who have shipped models from people who have trained them.

# The trap

Treating the two as the same thing.

# In 30 seconds

Shadow to learn without risk, then canary to learn with a little.

# Key points

- Shadow traffic never reaches users.
- A canary takes a small share of real traffic.

# Red flags

- Calls a shadow deploy a canary.

# Follow-ups

## What metric would stop a canary?

A guardrail such as error rate, breached for a sustained window.

## And without labels?

Output health: empty or constant scores.

# Learn more

- [KServe canary rollout](https://kserve.github.io/website/)

# Sample answer

Shadow first, then canary.

```bash
# this line is code, not a section
kubectl get isvc
```

# Another answer: The short version

Shadow for safety, canary for truth.
"""


def test_it_round_trips_a_canonical_file_byte_for_byte():
    document = parse_question("shadow-or-canary", QUESTION)
    assert render_question(document) == QUESTION


def test_it_reads_every_field():
    document = parse_question("shadow-or-canary", QUESTION)
    assert document.title == "Shadow or canary?"
    assert document.roles == ["ml-engineer", "mlops-engineer"]
    assert document.key_points == [
        "Shadow traffic never reaches users.",
        "A canary takes a small share of real traffic.",
    ]
    assert document.links == [{"title": "KServe canary rollout", "url": "https://kserve.github.io/website/"}]
    assert [answer.title for answer in document.answers] == ["", "The short version"]
    assert "# this line is code" in document.answers[0].body
    assert document.thirty_second.startswith("Shadow to learn")
    assert document.red_flags == ["Calls a shadow deploy a canary."]
    assert [(item.question, item.answer) for item in document.follow_ups] == [
        (
            "What metric would stop a canary?",
            "A guardrail such as error rate, breached for a sustained window.",
        ),
        ("And without labels?", "Output health: empty or constant scores."),
    ]
    assert document.sources == ["https://kserve.github.io/website/"]
    assert document.reviewed.isoformat() == "2026-11-29"
    assert document.diagram == "shadow-then-canary.svg"


def test_it_reads_multiple_choice_options():
    text = QUESTION.replace('kind = "concept"', 'kind = "multiple-choice"') + (
        "\n# Choices\n\n## [ ] Always canary\n\nToo risky.\n\n## [x] Shadow, then canary\n\nSafe first.\n"
    )
    document = parse_question("q", text)
    assert [(c.text, c.is_correct) for c in document.choices] == [
        ("Always canary", False),
        ("Shadow, then canary", True),
    ]
    assert render_question(document) == text


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace("+++\n", "", 1), "must start with"),
        (lambda t: t.replace('kind = "concept"', 'kind = "essay"'), "`kind` must be one of"),
        (lambda t: t.replace('title = "Shadow or canary?"\n', ""), "`title` is missing"),
        (lambda t: t.replace("# The trap\n", "# The Trap\n"), "unknown section"),
        (lambda t: t.replace("# Key points\n\n- Shadow", "# Key points\n\n* Shadow"), "must start with `- `"),
        (lambda t: t.replace("(https://kserve.github.io/website/)", "(kserve)"), "write each link"),
        (
            lambda t: t.replace('tools = ["KServe", "Istio"]', 'tools = ["KServe", "Istio"]\nauthor = "me"'),
            "unknown front",
        ),
        (lambda t: t.replace('difficulty = "medium"', "difficulty = medium"), "not valid TOML"),
        (lambda t: t.replace("## What metric", "- What metric"), "open each follow-up"),
        (lambda t: t.replace("reviewed = 2026-11-29", 'reviewed = "yesterday"'), "`reviewed` is a date"),
        (lambda t: t.replace('sources = ["https://kserve', 'sources = ["ftp://kserve'), "web addresses"),
        (lambda t: t.replace('diagram = "shadow-then-canary.svg"\n', ""), "go together"),
        (lambda t: t.replace("shadow-then-canary.svg", "../../etc/passwd"), "names an .svg file"),
        (lambda t: t + "\n# Choices\n\n## [x] A\n", "only multiple-choice"),
    ],
)
def test_it_explains_what_is_wrong_with_a_malformed_file(change, message):
    with pytest.raises(BankFileError, match=message):
        parse_question("q", change(QUESTION))


def test_a_multiple_choice_question_needs_exactly_one_right_option():
    text = (
        QUESTION.replace('kind = "concept"', 'kind = "multiple-choice"')
        + "\n# Choices\n\n## [x] A\n\n## [x] B\n"
    )
    with pytest.raises(BankFileError, match="exactly one"):
        parse_question("q", text)


def test_it_round_trips_a_study_path():
    text = '+++\ntitle = "Start here"\naudience = "New readers"\nposition = 1\nquestions = [\n  "a",\n  "b",\n]\n+++\n\nHello.\n'
    assert render_path(parse_path("start-here", text)) == text


def test_every_file_in_fixtures_is_in_canonical_form():
    """So the database can write the bank back to fixtures/ byte for byte."""
    folder = Path(settings.BANK_FIXTURES_DIR)
    questions = sorted((folder / "questions").glob("*.md"))
    assert questions, "fixtures/questions is empty"
    for path in questions:
        text = path.read_text(encoding="utf-8")
        assert render_question(parse_question(path.stem, text)) == text, f"{path} is not in canonical form"
    for path in sorted((folder / "paths").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert render_path(parse_path(path.stem, text)) == text, f"{path} is not in canonical form"
