"""The Django admin works under the site's Content-Security-Policy (no inline scripts allowed).

The page fixtures fail the test on any CSP violation the browser reports.
"""

import pytest
from playwright.sync_api import expect

from bank.models import Question
from tests.factories import CompanyFactory, QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_superuser("curator", "curator@example.com", "pw-curator-1")


def test_a_curator_logs_in_edits_a_question_and_saves_it(desktop_page, curator):
    question = QuestionFactory(title="How do you roll out a model?")
    SampleAnswerFactory(question=question)
    CompanyFactory(name="Netflix", slug="netflix")
    page = desktop_page

    page.goto("/admin/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("pw-curator-1")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.goto("/admin/bank/question/")
    page.get_by_role("link", name=question.title).click()
    expect(page.get_by_role("heading", name="Change question")).to_be_visible()
    # The two-box company picker is built by the admin's JavaScript: scripts ran under the policy.
    page.locator("#id_companies_from").select_option(label="Netflix")
    page.locator("#id_companies_add").click()
    expect(page.locator("#id_companies_to option")).to_have_text(["Netflix"])
    # "Add another" for an inline form is JavaScript too.
    answers = page.locator("#answers-group .inline-related:not(.empty-form)")
    page.get_by_role("button", name="Add another Sample answer").click()
    expect(answers).to_have_count(2)
    page.locator("#answers-group").get_by_role("button", name="Remove").click()
    expect(answers).to_have_count(1)
    page.locator("#id_title").fill("How do you roll out a model safely?")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    question.refresh_from_db()
    assert question.title == "How do you roll out a model safely?"
    assert list(question.companies.values_list("slug", flat=True)) == ["netflix"]
    assert Question.objects.count() == 1
