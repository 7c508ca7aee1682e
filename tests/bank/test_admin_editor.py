"""The question editor: a live preview by the site's own Markdown pipeline, filters, search, view on site."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from bank.models import Question
from bank.rendering import MAX_MARKDOWN_LENGTH
from tests.factories import CompanyFactory, QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db
PREVIEW = "/admin/bank/question/preview/"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-1"))
    return client


def test_the_preview_is_the_html_the_page_will_store(admin_client):
    text = "Use **PSI** with $\\alpha$, and <script>alert(1)</script> [x](javascript:alert(1))"
    html = admin_client.post(PREVIEW, {"mode": "markdown", "text": text}).json()["html"]
    question = QuestionFactory(prompt=text)
    assert html == question.prompt_html
    assert "<strong>PSI</strong>" in html and "<math" in html and "<script" not in html


def test_the_preview_renders_key_points_one_per_line_and_follow_ups(admin_client):
    lines = admin_client.post(PREVIEW, {"mode": "lines", "text": "First *one*\n\nSecond"}).json()["html"]
    assert lines == "<ul><li>First <em>one</em></li><li>Second</li></ul>"
    follow = admin_client.post(PREVIEW, {"mode": "follow-ups", "text": "## Why?\n\nBecause **so**."})
    assert follow.json()["html"] == "<h3>Why?</h3><p>Because <strong>so</strong>.</p>"


def test_the_preview_answers_bad_input_with_400_and_a_message(admin_client):
    too_long = admin_client.post(PREVIEW, {"mode": "markdown", "text": "x" * (MAX_MARKDOWN_LENGTH + 1)})
    assert too_long.status_code == 400 and "stops at 50,000 characters" in too_long.json()["error"]
    assert admin_client.post(PREVIEW, {"mode": "weird", "text": "x"}).status_code == 400
    broken = admin_client.post(PREVIEW, {"mode": "follow-ups", "text": "no heading"})
    assert broken.status_code == 400 and "## The question?" in broken.json()["error"]
    assert admin_client.get(PREVIEW).status_code == 405


def test_the_preview_is_for_staff_only(client, owner):
    assert client.post(PREVIEW, {"text": "x"}).status_code == 302  # to the admin log-in
    client.force_login(owner)
    assert client.post(PREVIEW, {"text": "x"}).status_code == 302


def test_the_change_page_loads_the_preview_script_and_marks_every_markdown_field(admin_client):
    answer = SampleAnswerFactory()
    body = admin_client.get(f"/admin/bank/question/{answer.question.pk}/change/").content.decode()
    assert "bank/admin/preview.js" in body
    for name in [
        "prompt",
        "why_asked",
        "trap",
        "thirty_second",
        "key_points",
        "follow_ups",
        "answers-0-body",
    ]:
        assert re.search(rf'name="{name}"[^>]*data-preview="|data-preview="[^"]+"[^>]*name="{name}"', body), (
            name
        )
    assert f'data-preview-url="{PREVIEW}"' in body


def test_the_preview_script_is_a_static_file_without_inline_code():
    script = Path(settings.BASE_DIR) / "static" / "bank" / "admin" / "preview.js"
    assert "data-preview" in script.read_text()
    for template in (Path(settings.BASE_DIR) / "templates" / "admin").rglob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and 'style="' not in text, template


def test_the_question_list_filters_by_company_topic_and_status_and_searches_answers(admin_client):
    netflix = CompanyFactory(name="Netflix", slug="netflix")
    serving = TopicFactory(name="Serving")
    QuestionFactory(title="Netflix canary", companies=[netflix], topic=serving)
    QuestionFactory(title="Other draft", status="draft")
    SampleAnswerFactory(question=QuestionFactory(title="Has a rare word"), body="Use a flamegraph first.")
    by_company = admin_client.get(f"/admin/bank/question/?companies__id__exact={netflix.pk}").content.decode()
    assert "Netflix canary" in by_company and "Other draft" not in by_company
    by_topic = admin_client.get(f"/admin/bank/question/?topic__id__exact={serving.pk}").content.decode()
    assert "Netflix canary" in by_topic and "Other draft" not in by_topic
    drafts = admin_client.get("/admin/bank/question/?status__exact=draft").content.decode()
    assert "Other draft" in drafts and "Netflix canary" not in drafts
    found = admin_client.get("/admin/bank/question/?q=flamegraph").content.decode()
    assert "Has a rare word" in found and "Netflix canary" not in found


def test_view_on_site_opens_a_draft_for_staff_with_a_banner(admin_client):
    question = QuestionFactory(status="draft")
    body = admin_client.get(f"/admin/bank/question/{question.pk}/change/").content.decode()
    link = re.search(r'href="(/admin/r/\d+/\d+/)" class="viewsitelink"', body).group(1)
    page = admin_client.get(link, follow=True)
    assert page.status_code == 200 and "<strong>Draft</strong>: only staff" in page.content.decode()
    admin_client.logout()
    assert admin_client.get(question.get_absolute_url()).status_code == 404  # a reader


def test_bulk_actions_exist_for_each_workflow_step(admin_client):
    QuestionFactory()
    body = admin_client.get("/admin/bank/question/").content.decode()
    for action in ["send_to_review", "publish", "unpublish", "mark_reviewed"]:
        assert f'value="{action}"' in body
    assert Question.objects.count() == 1
