import re
from datetime import timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from bank.models import Kind
from practice.models import MockInterview, MockSlot
from tests.conftest import PASSWORD
from tests.factories import QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(desktop_page, django_user_model):
    django_user_model.objects.create_user("sam", "sam@example.com", PASSWORD)
    for index in range(2):
        question = QuestionFactory(title=f"Mock question {index}", kind=Kind.CONCEPT)
        SampleAnswerFactory(question=question, body=f"Sample answer number {index}.")
    page = desktop_page
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_a_timed_mock_keeps_every_saved_word_and_refuses_edits_after_the_deadline(signed_in):
    page = signed_in
    page.goto("/mock/new/")
    page.get_by_label("Number of questions").fill("2")
    page.get_by_label("Minutes").fill("2")
    page.get_by_label("Per question or in total").select_option("total")
    page.get_by_role("button", name="Start my mock").click()
    expect(page.get_by_text("question 1 of 2")).to_be_visible()
    expect(page.locator("#countdown")).to_have_text(re.compile(r"^[12]:\d\d$"))

    # Type, let autosave run, reload: the text is there, from the server.
    box = page.get_by_label("Your answer")
    box.fill("First thoughts on the question.")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved"), timeout=8000)
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("First thoughts on the question.")

    # Type and reload at once, before the autosave pause: nothing is lost either.
    page.get_by_label("Your answer").press("Control+End")
    page.get_by_label("Your answer").press_sequentially(" More.")
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("First thoughts on the question. More.")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved"), timeout=8000)

    # Move to question 2 and back with the buttons.
    page.get_by_role("button", name="Save and next →").click()
    expect(page.get_by_text("question 2 of 2")).to_be_visible()
    page.get_by_label("Your answer").fill("Second answer.")
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved"), timeout=8000)

    # The network drops while typing: the text waits in the browser and is saved when it returns.
    page.context.set_offline(True)
    page.get_by_label("Your answer").press("Control+End")
    page.get_by_label("Your answer").press_sequentially(" Offline part.")
    expect(page.locator("#save-status")).to_contain_text("Offline", timeout=8000)
    page.context.set_offline(False)
    expect(page.locator("#save-status")).to_have_text(re.compile(r"^Saved"), timeout=10000)
    assert MockSlot.objects.get(position=2).answer == "Second answer. Offline part."

    # Time runs out on the server: an edit is refused with a clear message, then the summary.
    mock = MockInterview.objects.get()
    with time_machine.travel(mock.deadline + timedelta(seconds=5), tick=True):
        page.get_by_label("Your answer").press("Control+End")
        page.get_by_label("Your answer").press_sequentially(" Too late.")
        expect(page.locator("#save-status")).to_contain_text("Time is up", timeout=8000)
        expect(page.get_by_label("Your answer")).not_to_be_editable()
        expect(page.get_by_role("heading", name="Custom mock: summary")).to_be_visible(timeout=8000)
        expect(page.get_by_text("First thoughts on the question. More.")).to_be_visible()
        expect(page.get_by_text("Second answer. Offline part.", exact=True)).to_be_visible()
    assert MockSlot.objects.get(position=2).answer == "Second answer. Offline part."
