"""axe-core (the npm package pinned in package.json) in Chromium on every page of the journey, at 375 and
1440 px: zero critical and zero serious violations. Prints a count per page.

axe is injected with Playwright's add_script_tag(path=...), which inserts an inline <script> with the
file's text; the site's Content-Security-Policy (script-src 'self') rightly blocks that, so this test
alone opens its browser context with bypass_csp=True. Every other browser test keeps the CSP on.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from bank.models import Kind
from practice.mocks import selectors as mock_selectors
from practice.mocks import services as mock_services
from practice.study import services as study_services
from practice.study.models import Bookmark, Grade
from tests.factories import AttemptFactory, ChoiceFactory, QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"critical", "serious"}
RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}"""


@pytest.fixture
def axe_path():
    if not AXE.exists():
        message = f"axe-core is missing at {AXE}; run `make install` (npm ci)."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " CI must run the accessibility test.")
        pytest.skip(message)
    return str(AXE)


@pytest.fixture
def journey(django_user_model):
    """A bank and a reader with something on every page: attempts graded and not, a due card, a saved
    question, a quiz, a running mock and a finished one."""
    topic = TopicFactory(name="Serving and inference", slug="serving")
    questions = []
    for index, kind in enumerate([Kind.CONCEPT, Kind.SCENARIO, Kind.SYSTEM_DESIGN, Kind.CONCEPT]):
        question = QuestionFactory(
            title=f"Question {index}: shadow or canary?",
            slug=f"question-{index}",
            kind=kind,
            topic=topic,
            key_points=["Shadow traffic never reaches users", "Canary a small slice", "Roll back"],
        )
        SampleAnswerFactory(
            question=question, body="Shadow first, then a **1%** canary.\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        )
        questions.append(question)
    choice_question = QuestionFactory(
        title="Pick one", slug="pick-one", kind=Kind.MULTIPLE_CHOICE, topic=topic
    )
    ChoiceFactory(question=choice_question, text="Right", is_correct=True)
    ChoiceFactory(question=choice_question, text="Wrong")

    user = django_user_model.objects.create_user("ada@example.com", "ada@example.com", "pw-a-long-one-42")
    long_ago = timezone.now() - timedelta(days=40)
    graded = AttemptFactory(user=user, question=questions[0], submitted_at=long_ago)
    study_services.attempt_grade(attempt=graded, grade=Grade.PARTIAL, covered_key_points=[0], now=long_ago)
    ungraded = AttemptFactory(user=user, question=questions[1])
    Bookmark.objects.create(user=user, question=questions[2])
    quiz, _ = study_services.quiz_start(user=user)
    picked = list(mock_selectors.candidate_questions(user)[:2])
    running = mock_services.mock_start(
        user=user, title="Custom mock", questions=picked, time_limit_seconds=1800
    )
    done = mock_services.mock_start(
        user=user, title="Concepts round", questions=picked, time_limit_seconds=600
    )
    mock_services.mock_finish(mock=done)

    client = Client()
    client.force_login(user)
    return {
        "session": client.cookies["sessionid"].value,
        "visitor": [
            ("home", "/"),
            ("list", "/questions/"),
            ("question", "/questions/question-0/"),
            ("question, all open", "/questions/question-0/"),
            ("search", "/questions/?q=canary"),
            ("sign-up", "/accounts/signup/"),
            ("log-in", "/accounts/login/"),
            ("404", "/no-such-page/"),
        ],
        "reader": [
            ("list (signed in)", "/questions/?sort=difficulty&difficulty=medium"),
            ("question (signed in)", "/questions/question-0/"),
            ("dashboard", "/practice/"),
            ("dashboard, all open", "/practice/"),
            ("practise", "/practice/q/question-3/"),
            ("grading", f"/practice/attempts/{ungraded.pk}/"),
            ("graded attempt", f"/practice/attempts/{graded.pk}/"),
            ("review queue", "/practice/review/"),
            ("quiz", f"/practice/quiz/{quiz.pk}/"),
            ("mock setup", "/mock/new/"),
            ("running mock", f"/mock/{running.pk}/q/1/"),
            ("finish mock?", f"/mock/{running.pk}/finish/"),
            ("mock summary", f"/mock/{done.pk}/summary/"),
            ("mock summary, all open", f"/mock/{done.pk}/summary/"),
            ("mock list", "/mock/"),
            ("settings and export", "/practice/settings/"),
            ("saved", "/practice/saved/"),
            ("my attempts", "/practice/attempts/"),
            ("delete account", "/accounts/delete/"),
            ("404 (signed in)", "/no-such-page/"),
        ],
    }


def _walk(chromium, live_server, axe_path, width, pages, session=None):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}, bypass_csp=True
    )
    if session:
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    found = {}
    try:
        for name, url in pages:
            page.goto(url)
            if name.endswith("all open"):  # what the reveal and "Show the numbers" fold away, checked too
                page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
            page.add_script_tag(path=axe_path)
            found[name] = page.evaluate(RUN_AXE)
    finally:
        context.close()
    return found


@pytest.mark.parametrize("width", [375, 1440])
def test_no_page_of_the_journey_has_a_critical_or_serious_violation(
    chromium, live_server, axe_path, journey, width, capsys
):
    found = _walk(chromium, live_server, axe_path, width, journey["visitor"])
    found.update(_walk(chromium, live_server, axe_path, width, journey["reader"], session=journey["session"]))

    with capsys.disabled():
        print(f"\naxe-core at {width} px: critical / serious / moderate+minor violations per page")
        for name, violations in found.items():
            counts = {level: sum(1 for v in violations if v["impact"] == level) for level in BLOCKING}
            rest = sum(1 for v in violations if v["impact"] not in BLOCKING)
            print(f"  {name:<24} {counts['critical']:>3} {counts['serious']:>3} {rest:>3}")
    blocking = {
        name: [
            f"{v['impact']} {v['id']} ({v['help']}) at {v['targets']}"
            for v in violations
            if v["impact"] in BLOCKING
        ]
        for name, violations in found.items()
    }
    assert {name: items for name, items in blocking.items() if items} == {}
