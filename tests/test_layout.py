"""The page frame every template shares: flash messages, sign-up's few fields, the shortcuts dialog."""

import re

import pytest

from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_flash_messages_are_a_status_region_of_paragraphs_not_a_list(owner_client):
    question = QuestionFactory(slug="canary")
    response = owner_client.post("/practice/q/canary/bookmark/", follow=True)
    html = response.content.decode()
    assert question.title in html
    assert '<div class="messages" role="status">' in html
    assert '<p class="message message-success">Saved to your list.</p>' in html
    assert '<ul class="messages"' not in html


def test_sign_up_asks_only_for_an_address_and_a_password(client):
    html = client.get("/accounts/signup/").content.decode()
    form = html.split('<form method="post"')[1].split("</form>")[0]
    visible = [
        name for kind, name in re.findall(r'<input type="(\w+)" name="(\w+)"', form) if kind != "hidden"
    ]
    assert sorted(visible) == ["email", "password"]


def test_every_page_offers_the_shortcuts_dialog_which_needs_javascript_to_open(client):
    html = client.get("/").content.decode()
    assert '<dialog id="shortcuts" class="shortcuts" aria-labelledby="shortcuts-heading">' in html
    # The footer button is hidden until keys.js shows it: without JavaScript nothing promises shortcuts.
    assert "data-shortcuts-open hidden>" in html
