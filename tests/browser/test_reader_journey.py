import re

import pytest
from playwright.sync_api import expect

from bank.models import Difficulty
from tests.factories import CompanyFactory, QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bank():
    serving = TopicFactory(name="Serving and inference", slug="serving-and-inference")
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    uber = CompanyFactory(name="Uber", slug="uber")
    target = QuestionFactory(
        title="Batch or real-time recommendations for 200M members?",
        topic=serving,
        difficulty=Difficulty.HARD,
        companies=[netflix],
    )
    SampleAnswerFactory(question=target, body="Precompute in **batch**, re-rank the top of the list online.")
    QuestionFactory(
        title="Netflix easy warm-up", topic=serving, difficulty=Difficulty.EASY, companies=[netflix]
    )
    QuestionFactory(
        title="Uber hard fraud latency", topic=serving, difficulty=Difficulty.HARD, companies=[uber]
    )
    return target


def test_a_new_reader_filters_opens_a_question_and_reveals_the_answer(desktop_page, bank):
    page = desktop_page
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Prepare for the production half")
    page.get_by_role("link", name="Browse all questions").click()
    expect(page.get_by_role("heading", name="3 questions")).to_be_visible()

    # The filters are one form of folded checkbox groups, applied with a button.
    filters = page.get_by_role("form", name="Filters")
    filters.get_by_text("Company", exact=True).click()
    filters.get_by_role("checkbox", name=re.compile(r"^Netflix")).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2 questions")).to_be_visible()
    filters.get_by_text("Difficulty", exact=True).click()
    filters.get_by_role("checkbox", name=re.compile(r"^Hard")).check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 question", exact=True)).to_be_visible()
    assert "company=netflix" in page.url and "difficulty=hard" in page.url

    page.get_by_role("link", name=bank.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(bank.title)
    answer = page.get_by_text("re-rank the top of the list online")
    spoilers = [
        page.get_by_text(bank.trap),
        page.get_by_text(bank.key_points[0]),
        page.get_by_text(bank.red_flags[0]),
    ]
    expect(page.get_by_text(bank.why_asked)).to_be_visible()
    for hidden in [answer, *spoilers]:
        expect(hidden).to_be_hidden()
    page.get_by_text("Reveal the answer").click()
    for shown in [answer, *spoilers]:
        expect(shown).to_be_visible()


def test_the_filtered_list_survives_a_shared_link(desktop_page, bank):
    desktop_page.goto("/questions/?company=netflix&difficulty=easy")
    expect(desktop_page.get_by_role("link", name="Netflix easy warm-up")).to_be_visible()
    expect(desktop_page.get_by_role("link", name=bank.title)).to_have_count(0)


def test_a_phone_reader_opens_the_folded_filters(phone_page, bank):
    page = phone_page
    page.goto("/questions/")
    filters = page.get_by_role("form", name="Filters")
    netflix = filters.get_by_role("checkbox", name=re.compile(r"^Netflix"))
    expect(netflix).to_be_hidden()
    page.get_by_text("Filters", exact=True).click()
    filters.get_by_text("Company", exact=True).click()
    netflix.check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2 questions")).to_be_visible()
    # Nothing sticks out sideways at 375 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_keyboard_users_can_skip_to_content_and_reveal_the_answer(desktop_page, bank):
    page = desktop_page
    page.goto(bank.get_absolute_url())
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("/")
    expect(page.locator("#site-search")).to_be_focused()
    page.locator("summary", has_text="Reveal the answer").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("re-rank the top of the list online")).to_be_visible()


def test_search_from_the_header(desktop_page, bank):
    page = desktop_page
    page.goto(bank.get_absolute_url())
    page.locator("#site-search").fill("fraud")
    page.locator("#site-search").press("Enter")
    expect(page.get_by_role("link", name="Uber hard fraud latency")).to_be_visible()
    expect(page.get_by_role("heading", name="1 question", exact=True)).to_be_visible()
