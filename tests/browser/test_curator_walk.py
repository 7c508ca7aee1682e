"""A curator's walk, in Chromium: a reader suggests a fix and reports where they were asked; a curator
previews, edits, accepts the suggestion, approves the report and publishes; the reader sees the outcome;
the page shows the new text, the review date and the report count; the history shows the diff and a
revert brings the old text back.

The admin is served under the site's strict Content-Security-Policy (no inline script or style) whatever
the settings say, so the preview script is proved to work under it; the page fixture fails on any
violation. Set SCREENSHOT_DIR to keep screenshots of each step.
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.dateformat import format as date_format
from playwright.sync_api import expect

from bank.models import Status
from tests.browser.conftest import _page
from tests.conftest import PASSWORD
from tests.factories import CompanyFactory, QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db(transaction=True)
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
OLD = "Canary to 5% of traffic, then watch the error rate."
NEW = "Canary to **1%** of traffic first, then 5%, watching the error rate and p99."


def _strict_admin(route):
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers={**headers, "content-security-policy": STRICT_POLICY})


def _shot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def walk(django_user_model):
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    question = QuestionFactory(title="How do you roll out a new model?", slug="roll-out", reviewed_on=None)
    SampleAnswerFactory(question=question, body=OLD)
    reader = django_user_model.objects.create_user("rita", "rita@example.com", PASSWORD)
    curator = django_user_model.objects.create_user(
        "cora", "cora@example.com", "pw-cora-12345", is_staff=True, first_name="Cora", last_name="Reyes"
    )
    # Transactional tests empty the tables between tests, the migration's group with them: make it again.
    import importlib

    from django.apps import apps

    importlib.import_module("practice.migrations.0005_curator_group").create_curator_group(apps, None)
    curator.groups.add(Group.objects.get(name="curator"))
    return question, netflix, reader, curator


@pytest.fixture
def curator_page(chromium, live_server):
    context, page = _page(chromium, live_server, 1440, 900)
    context.route(re.compile(r".*/admin/.*"), _strict_admin)
    yield page
    assert page.js_errors == [], page.js_errors
    context.close()


def _log_in(page, path, label, username, password):
    page.goto(path)
    page.get_by_label(label).fill(username)
    page.get_by_label("Password").fill(password)
    page.locator("form [type=submit]").last.click()


def test_a_curators_walk_from_a_readers_suggestion_to_a_revert(desktop_page, curator_page, walk):
    question, netflix, reader, curator = walk
    page, admin = desktop_page, curator_page

    # The reader suggests a fix under the sample answer and reports where they were asked.
    _log_in(page, "/accounts/login/", "Email", "rita@example.com", PASSWORD)
    page.goto("/questions/roll-out/")
    page.get_by_text("Reveal the answer").click()
    page.get_by_text("Suggest an improvement to this answer").click()
    page.get_by_label("What kind of improvement?").select_option("outdated")
    page.get_by_label("Your suggestion").fill("Start at **1%**: 5% is a lot of users if it breaks.")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_text("a curator will read your suggestion")).to_be_visible()
    page.get_by_text("I was asked this").click()
    page.get_by_label("Company", exact=True).select_option("netflix")
    page.get_by_label("The round").select_option("system-design")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_text("your report counts once a curator has checked it")).to_be_visible()
    expect(page.get_by_text("Reported asked at")).to_have_count(0)

    # The curator opens the suggestion, goes to the answer, previews and edits it.
    _log_in(admin, "/admin/login/", "Username", "cora", "pw-cora-12345")
    response = admin.goto("/admin/practice/suggestion/?state__exact=open")
    assert response.headers["content-security-policy"] == STRICT_POLICY
    admin.get_by_role("link", name=question.title).first.click()
    expect(admin.locator(".moderation-text strong")).to_have_text("1%")
    admin.get_by_role("link", name="Edit the answer").click()
    expect(admin.get_by_role("heading", name="Change question")).to_be_visible()
    admin.locator("#id_status").select_option("in-review")
    body = admin.locator("#id_answers-0-body")
    body.fill(NEW)
    preview = admin.locator('.md-preview[data-preview-for="answers-0-body"]')
    expect(preview.locator("strong")).to_have_text("1%")  # the site's own pipeline, live
    _shot(admin, "01-editor-with-preview")
    admin.locator("#id_mark_reviewed").check()
    admin.locator("input[name=_save]").click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")

    # Accept the suggestion (it links to the change), approve the report, publish the question.
    admin.goto("/admin/practice/suggestion/?state__exact=open")
    admin.get_by_role("link", name=question.title).first.click()
    admin.get_by_label("Accept").check()
    admin.locator("input[name=_save]").click()
    admin.goto("/admin/practice/suggestion/")
    admin.get_by_role("link", name=question.title).first.click()
    expect(admin.get_by_role("link", name="The answer as changed")).to_be_visible()
    admin.goto("/admin/practice/askedreport/?state__exact=pending")
    admin.locator("input[name=_selected_action]").first.check()
    admin.locator("select[name=action]").select_option("approve")
    admin.get_by_role("button", name="Go").click()
    expect(admin.locator(".messagelist")).to_contain_text("Approved 1 report")
    admin.goto("/admin/bank/question/?status__exact=in-review")
    _shot(admin, "02-question-list-in-review")
    admin.locator("input[name=_selected_action]").first.check()
    admin.locator("select[name=action]").select_option("publish")
    admin.get_by_role("button", name="Go").click()
    expect(admin.locator(".messagelist")).to_contain_text("Published 1 question")
    question.refresh_from_db()
    assert question.status == Status.PUBLISHED

    # The reader sees the outcome, the new text, the review date and the report count.
    page.goto("/practice/")
    expect(page.locator(".contributions")).to_contain_text("Accepted")
    expect(page.locator(".contributions")).to_contain_text("Approved: it counts on the question page")
    page.goto("/questions/roll-out/")
    expect(page.get_by_text("Reported asked at Netflix · 1 time in the last 6 months")).to_be_visible()
    page.get_by_text("Reveal the answer").click()
    expect(page.locator(".answer").first).to_contain_text("Canary to 1% of traffic first")
    today = date_format(timezone.localdate(), "j F Y")
    expect(page.locator(".reviewed-line")).to_contain_text(f"Reviewed on {today} by Cora Reyes.")
    _shot(page, "03-question-page-after")

    # The history shows the diff; a revert brings the old text back.
    admin.goto(f"/admin/bank/question/{question.pk}/history/")
    diff = admin.locator("#related-history .word-diff").first
    expect(diff.locator("del").first).to_be_visible()
    expect(diff).to_contain_text("**1%**")
    _shot(admin, "04-history-with-diff")
    admin.locator("#related-history a", has_text="View or revert to this").last.click()
    expect(admin.locator("#id_body")).to_have_value(OLD)
    admin.locator("input[value=Revert]").first.click()
    expect(admin.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto("/questions/roll-out/")
    page.get_by_text("Reveal the answer").click()
    expect(page.locator(".answer").first).to_contain_text(OLD)
