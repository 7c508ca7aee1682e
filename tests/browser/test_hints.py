"""A reader sees a meaning-based hint on the grading page (needs the semantic extra)."""

import pytest

from tests.factories import QuestionFactory

pytestmark = [pytest.mark.semantic, pytest.mark.django_db(transaction=True)]


def test_a_reader_sees_which_key_point_their_answer_seems_to_cover(
    desktop_page, live_server, django_user_model
):
    from tests.conftest import PASSWORD

    question = QuestionFactory(
        key_points=[
            "Rollback is an alias flip to a previous version kept warm.",
            "Size the online store from the number of entities and the vector size.",
        ]
    )
    django_user_model.objects.create_user("ria", "ria@example.com", PASSWORD)
    page = desktop_page
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("ria@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/practice/q/{question.slug}/")
    page.get_by_label("Your answer").fill(
        "If the new model hurts conversions, I point the serving alias back at the previous version, "
        "which we keep warm, so rolling back takes seconds."
    )
    page.get_by_role("button", name="I'm done: show the sample answer").click()
    hints = page.locator(".check-option .hint")
    assert hints.count() == 1
    assert "Your answer seems to cover this" in hints.first.inner_text()
    assert "Meaning-based hints" in page.content()
    assert not page.get_by_label("Rollback is an alias flip to a previous version kept warm.").is_checked()
    page.screenshot(path="/tmp/semantic-hint.png", full_page=True)
