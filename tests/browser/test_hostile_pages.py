"""Hostile text stored everywhere a reader or curator can type, then every page that shows it opened in
real Chromium: no dialog opens, no injected script runs, the Content-Security-Policy reports nothing."""

import uuid

import pytest

from practice.mocks import services as mock_services
from practice.study import services as study_services
from tests.conftest import PASSWORD
from tests.factories import QuestionFactory, SampleAnswerFactory
from tests.security.corpus import XSS

pytestmark = pytest.mark.django_db(transaction=True)
PAYLOAD = "\n\n".join(XSS)


@pytest.fixture
def hostile(django_user_model):
    reader = django_user_model.objects.create_user("reader", "reader@example.com", PASSWORD)
    question = QuestionFactory(
        slug="hostile",
        prompt=PAYLOAD[:5_000],
        why_asked=PAYLOAD[:2_000],
        trap=PAYLOAD[-2_000:],
        thirty_second=PAYLOAD[:1_500],
        key_points=XSS[:7],
        red_flags=XSS[7:11],
        follow_ups=[{"question": XSS[11], "answer": PAYLOAD[:2_000]}],
    )
    SampleAnswerFactory(question=question, body=PAYLOAD[:20_000])
    attempt = study_services.attempt_submit(
        user=reader, question=question, token=uuid.uuid4(), answer=PAYLOAD[:20_000]
    )
    study_services.note_save(user=reader, question=question, text=PAYLOAD[:5_000])
    study_services.bookmark_toggle(user=reader, question=question)
    mock = mock_services.mock_start(
        user=reader, title="Hostile", questions=[question], time_limit_seconds=600
    )
    mock_services.mock_save_answer(slot=mock.slots.get(), answer=PAYLOAD[:20_000], revision=1)
    mock_services.mock_finish(mock=mock)
    return {"attempt": attempt, "mock": mock}


def test_no_page_showing_hostile_text_runs_any_of_it(desktop_page, hostile):
    page = desktop_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("reader@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    for url in [
        "/questions/hostile/",
        f"/practice/attempts/{hostile['attempt'].pk}/",
        "/practice/saved/",
        "/practice/attempts/",
        f"/mock/{hostile['mock'].pk}/summary/",
        "/api/questions/hostile/",
    ]:
        page.goto(url)
        for summary in page.locator("details > summary").all():
            summary.click()
        page.wait_for_timeout(100)
        assert dialogs == [], (url, dialogs)
        assert page.evaluate("() => document.querySelectorAll('script:not([src])').length") == 0, url
        assert (
            page.evaluate(
                "() => document.querySelectorAll('iframe, object, embed, form[action^=\"https://evil\"]').length"
            )
            == 0
        ), url
    # page.js_errors (checked by the fixture) holds any CSP violation or uncaught script error.
