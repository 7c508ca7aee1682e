"""What the eye checks, pinned: one header row at 1440 px signed in, `hidden` beats a display rule, the
focus ring and the Easy badge keep their contrast."""

import pytest
from playwright.sync_api import expect

from bank.models import Difficulty
from tests.conftest import PASSWORD
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)

CONTRAST = """([fore, back]) => {
  const rgb = (text) => text.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(rgb(fore)), lum(rgb(back))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.fixture
def reader_page(desktop_page, django_user_model):
    django_user_model.objects.create_user("lee@example.com", "lee@example.com", PASSWORD)
    QuestionFactory(title="An easy one", slug="easy-one", difficulty=Difficulty.EASY)
    page = desktop_page
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("lee@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page


def test_the_header_is_one_row_at_1440_px_signed_in(reader_page):
    page = reader_page
    for url in ["/", "/practice/", "/questions/easy-one/", "/mock/new/"]:
        page.goto(url)
        brand = page.locator(".brand").bounding_box()
        review = page.get_by_role("navigation", name="Main").get_by_role("link", name="Review").bounding_box()
        assert abs(brand["y"] - review["y"]) < 20, url
        if page.locator(".header-search").count():  # the home page has its own search, in the page
            search = page.locator(".header-search").bounding_box()
            assert search["y"] < brand["y"] + brand["height"], url


def test_hidden_beats_a_display_rule_and_contrast_holds(reader_page):
    page = reader_page
    page.goto("/practice/q/easy-one/")
    # JavaScript hides the Preview button (a live preview replaces it); a CSS display rule must not win.
    expect(page.locator("[data-preview-button]")).to_be_hidden()
    page.goto("/questions/easy-one/")
    badge = page.locator(".badge-easy").first
    colours = badge.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert page.evaluate(CONTRAST, colours) >= 4.5
    page.keyboard.press("Tab")  # the skip link, with the focus ring
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    paper = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.evaluate(CONTRAST, [ring, paper]) >= 3
