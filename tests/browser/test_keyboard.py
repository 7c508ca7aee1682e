"""Keyboard shortcuts (static/js/keys.js): / search, j/k, Space or Enter to reveal, 1-4 grades, ? help.
None fires while typing in a field or with a modifier key held."""

import pytest
from playwright.sync_api import expect

from bank.models import Difficulty
from practice.models import Attempt
from tests.conftest import PASSWORD
from tests.factories import AttemptFactory, QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def questions():
    made = []
    for index, title in enumerate(["Alpha drift", "Bravo canary", "Charlie shadow"]):
        question = QuestionFactory(title=title, difficulty=Difficulty.MEDIUM, key_points=["One", "Two"])
        SampleAnswerFactory(question=question, body=f"Sample answer {index}.")
        made.append(question)
    return made


def test_slash_focuses_search_but_not_while_typing_or_with_a_modifier(desktop_page, questions):
    page = desktop_page
    page.goto("/questions/")
    page.keyboard.press("Control+/")
    expect(page.locator("#list-search")).not_to_be_focused()
    page.keyboard.press("/")
    expect(page.locator("#list-search")).to_be_focused()
    page.keyboard.type("a/b")
    expect(page.locator("#list-search")).to_have_value("a/b")


def test_j_and_k_walk_the_list_then_the_questions(desktop_page, questions):
    page = desktop_page
    page.goto("/questions/")
    page.keyboard.press("j")
    expect(page.get_by_role("link", name="Alpha drift")).to_be_focused()
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.get_by_role("link", name="Charlie shadow")).to_be_focused()
    page.keyboard.press("k")
    expect(page.get_by_role("link", name="Bravo canary")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bravo canary")
    page.keyboard.press("j")
    expect(page.get_by_role("heading", level=1)).to_have_text("Charlie shadow")
    page.keyboard.press("k")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bravo canary")


@pytest.mark.parametrize("key", ["Space", "Enter"])
def test_space_or_enter_reveals_the_answer(desktop_page, questions, key):
    page = desktop_page
    page.goto(questions[0].get_absolute_url())
    expect(page.get_by_text("Sample answer 0.")).to_be_hidden()
    page.keyboard.press(key)
    expect(page.get_by_text("Sample answer 0.")).to_be_visible()
    expect(page.locator("details.reveal")).to_have_attribute("open", "")


def test_question_mark_shows_the_shortcuts_in_a_dialog(desktop_page, questions):
    page = desktop_page
    page.goto("/")
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.get_by_role("button", name="Keyboard shortcuts").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()


def test_one_to_four_pick_a_grade_but_not_while_typing(desktop_page, questions, django_user_model):
    user = django_user_model.objects.create_user("kim", "kim@example.com", PASSWORD)
    attempt = AttemptFactory(user=user, question=questions[0], answer="My answer")
    page = desktop_page
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("kim@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/practice/attempts/{attempt.pk}/")
    page.keyboard.press("3")
    expect(page.locator('input[name="grade"][value="3"]')).to_be_checked()
    page.keyboard.press("4")
    expect(page.locator('input[name="grade"][value="4"]')).to_be_checked()
    expect(page.locator('input[name="grade"][value="3"]')).not_to_be_checked()
    # Typing a digit in a text box types it; it does not grade.
    page.goto("/questions/")
    page.locator("#list-search").fill("")
    page.locator("#list-search").press("2")
    expect(page.locator("#list-search")).to_have_value("2")
    assert not Attempt.objects.filter(grade__isnull=False).exists()


def test_a_difficulty_filter_is_a_few_tab_presses_away(desktop_page, questions, capsys):
    page = desktop_page
    page.goto("/questions/")
    presses = 0
    while presses < 30 and not page.evaluate("document.activeElement.textContent.trim()").startswith(
        "Difficulty"
    ):
        page.keyboard.press("Tab")
        presses += 1
    with capsys.disabled():
        print(f"\nTab presses from the top of the list page to the Difficulty filter: {presses}")
    assert presses <= 15
    page.keyboard.press("Enter")  # open the group
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Medium")).to_be_focused()
