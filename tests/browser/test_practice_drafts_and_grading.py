"""The practise page's draft survives a reload and another device; the grading page keeps the key-point
checklist in view beside the answers at 1440 px and in reading order at 375 px."""

import pytest
from playwright.sync_api import expect

from practice.models import Draft
from tests.conftest import PASSWORD
from tests.factories import QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db(transaction=True)
LONG_SAMPLE = "\n\n".join(
    f"Paragraph {n} of a long sample answer about rollouts and rollbacks." for n in range(60)
)


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("sam", "sam@example.com", PASSWORD)


@pytest.fixture
def question():
    question = QuestionFactory(
        title="Roll out a new fraud model",
        slug="roll-out-fraud",
        key_points=["Shadow first", "Canary a small slice", "Automatic rollback"],
    )
    SampleAnswerFactory(question=question, body=LONG_SAMPLE)
    return question


def _log_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_draft_survives_a_reload_and_another_device_and_goes_once_submitted(
    chromium, live_server, desktop_page, reader, question
):
    page = desktop_page
    _log_in(page)
    page.goto("/practice/q/roll-out-fraud/")
    box = page.get_by_label("Your answer")
    box.press_sequentially("Shadow the new model for a week, ")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")
    box.press_sequentially("then canary 1%.")
    page.reload()  # mid-answer: the last words were typed after the last confirmed save
    expect(page.get_by_label("Your answer")).to_have_value("Shadow the new model for a week, then canary 1%.")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")  # and the server has it now
    assert Draft.objects.get().text == "Shadow the new model for a week, then canary 1%."

    # Another device (a fresh browser context, signed in anew) finds the same draft.
    other = chromium.new_context(base_url=live_server.url, viewport={"width": 375, "height": 812})
    phone = other.new_page()
    _log_in(phone)
    phone.goto("/practice/q/roll-out-fraud/")
    expect(phone.get_by_label("Your answer")).to_have_value(
        "Shadow the new model for a week, then canary 1%."
    )
    expect(phone.locator("#draft-status")).to_contain_text("is back in the box")
    other.close()

    page.get_by_role("button", name="I'm done: show the sample answer").click()
    expect(page.get_by_role("heading", name="Sample answer")).to_be_visible()
    assert Draft.objects.get().text == ""
    page.goto("/practice/q/roll-out-fraud/")
    expect(page.get_by_label("Your answer")).to_have_value("")


def _grading_page(page, question):
    _log_in(page)
    page.goto("/practice/q/roll-out-fraud/")
    page.get_by_label("Your answer").fill("Shadow, canary, rollback.")
    # The in-memory SQLite of the test server locks a table per writer: let the draft save land first.
    expect(page.locator("#draft-status")).to_contain_text("Draft saved")
    page.get_by_role("button", name="I'm done: show the sample answer").click()
    expect(page.get_by_label("Shadow first")).to_be_visible()


def test_the_checklist_stays_beside_the_answers_while_the_sample_scrolls_at_1440(
    desktop_page, reader, question
):
    page = desktop_page
    _grading_page(page, question)
    page.get_by_text("Paragraph 45 of a long sample").scroll_into_view_if_needed()
    # Deep in the sample answer, the checklist and the reader's own answer are still on screen, to its sides.
    checkbox = page.get_by_label("Canary a small slice")
    expect(checkbox).to_be_in_viewport()
    expect(page.get_by_text("Shadow, canary, rollback.", exact=True)).to_be_in_viewport()
    sample = page.get_by_text("Paragraph 45 of a long sample").bounding_box()
    assert checkbox.bounding_box()["x"] > sample["x"] + sample["width"]
    checkbox.check()
    page.get_by_label("Solid: A good answer with small gaps.").check()
    page.get_by_role("button", name="Save my grade").click()
    expect(page.get_by_role("heading", name="Your result")).to_be_visible()


def test_the_grading_page_reads_in_order_at_375(phone_page, reader, question):
    page = phone_page
    _grading_page(page, question)
    yours = page.get_by_role("heading", name="Your answer").bounding_box()
    sample = page.get_by_role("heading", name="Sample answer").bounding_box()
    checklist = page.get_by_label("Shadow first").bounding_box()
    assert yours["y"] < sample["y"] < checklist["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_long_key_point_and_a_wide_formula_keep_the_checklist_on_the_page_at_1440(desktop_page, reader):
    long_point = "Watch the error budget of every region during the canary " * 3
    formula = "Size per arm: $$n = \\frac{(z_{0.975} + z_{0.8})^2 [p_1 (1 - p_1) + p_2 (1 - p_2)]}{(p_2 - p_1)^2} \\cdot 1234567$$"
    QuestionFactory(slug="roll-out-fraud", key_points=["Shadow first", long_point.strip(), formula])
    page = desktop_page
    _grading_page(page, None)
    # Each box sits on the first line of its own text, not alone on a line above it.
    box = page.get_by_label(long_point.strip()).bounding_box()
    text = page.get_by_text(long_point.strip(), exact=True).bounding_box()
    assert text["x"] > box["x"] + box["width"] and abs(text["y"] - box["y"]) < box["height"]
    # The formula scrolls inside its line; the column stays inside the page.
    side = page.locator(".grading-side").bounding_box()
    assert side["x"] + side["width"] <= page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
