"""Every hostile input goes through every surface a reader or curator types into: never a 500, and what
is stored renders inert wherever it is shown."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from bank.models import Question
from practice.mocks import services as mock_services
from practice.models import Attempt, MockInterview, Note
from practice.study.forms import sign_start
from tests.factories import QuestionFactory, SampleAnswerFactory
from tests.security.corpus import ALL, inert_problems

pytestmark = pytest.mark.django_db
CASES = pytest.mark.parametrize("text", ALL, ids=lambda text: repr(text[:30]))


@pytest.fixture
def question():
    question = QuestionFactory(slug="target", key_points=["One.", "Two."])
    SampleAnswerFactory(question=question)
    return question


@CASES
def test_the_live_preview(owner_client, text):
    response = owner_client.post("/practice/preview/", {"answer": text})
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert inert_problems(response.json()["html"]) == []


@CASES
def test_a_practice_answer_and_its_grading_page(owner_client, question, text):
    data = {"answer": text, "token": str(uuid.uuid4()), "started": sign_start()}
    response = owner_client.post("/practice/q/target/", data)
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        attempt = Attempt.objects.get()
        page = owner_client.get(f"/practice/attempts/{attempt.pk}/")
        assert page.status_code == 200 and inert_problems(attempt.answer_html) == []
        assert owner_client.get("/questions/target/").status_code == 200


@CASES
def test_a_private_note(owner_client, question, text):
    response = owner_client.post("/practice/q/target/note/", {"text": text})
    assert response.status_code == 302
    assert owner_client.get("/questions/target/").status_code == 200
    assert owner_client.get("/practice/saved/").status_code == 200
    assert Note.objects.count() <= 1


@CASES
def test_a_mock_answer_saved_then_finished_and_summarised(owner_client, owner, question, text):
    mock = mock_services.mock_start(user=owner, title="M", questions=[question], time_limit_seconds=600)
    response = owner_client.post(f"/mock/{mock.pk}/q/1/save/", {"answer": text, "revision": "5"})
    assert response.status_code in (200, 400)
    assert owner_client.post(f"/mock/{mock.pk}/finish/").status_code == 302
    summary = owner_client.get(f"/mock/{mock.pk}/summary/")
    assert summary.status_code == 200
    slot = mock.slots.get()
    assert inert_problems(slot.attempt.answer_html) == []


@CASES
def test_a_curator_saving_question_fields(client, staff_user, question, text):
    """Staff fields (the admin saves through the same model save) render inert on the page."""
    question.prompt, question.trap, question.thirty_second = text[:5_000], text[:2_000], text[:1_500]
    question.key_points = [text[:300]]
    question.red_flags = [text[:300]]
    question.follow_ups = [{"question": text[:200].strip() or "?", "answer": text[:2_000]}]
    question.save()
    stored = Question.objects.get(pk=question.pk)
    for html in [stored.prompt_html, stored.trap_html, stored.thirty_second_html, *stored.key_points_html]:
        assert inert_problems(html) == []
    assert client.get("/questions/target/").status_code == 200


def test_a_mock_whose_text_once_broke_the_renderer_still_finishes_and_closes_on_schedule(owner, question):
    """'- ' * 500 raised RecursionError in the old renderer: the mock could never be finished, and
    close_expired_mocks aborted for every reader. Now it renders; and a failing mock never blocks others."""
    mocks = [
        mock_services.mock_start(user=owner, title=f"M{n}", questions=[question], time_limit_seconds=60)
        for n in range(3)
    ]
    for mock in mocks:
        mock_services.mock_save_answer(slot=mock.slots.get(), answer="- " * 500 + "1. " * 800, revision=1)
    later = timezone.now() + timedelta(minutes=5)
    assert mock_services.close_expired(now=later) == 3
    assert MockInterview.objects.filter(finished_at__isnull=True).count() == 0


def test_close_expired_mocks_closes_every_other_mock_when_one_fails(owner, question, monkeypatch, caplog):
    mocks = [
        mock_services.mock_start(user=owner, title=f"M{n}", questions=[question], time_limit_seconds=60)
        for n in range(3)
    ]
    real_finish = mock_services.mock_finish

    def finish_but_fail_on_the_second(*, mock, now=None):
        if mock.pk == mocks[1].pk:
            raise RuntimeError("disk full")
        return real_finish(mock=mock, now=now)

    monkeypatch.setattr(mock_services, "mock_finish", finish_but_fail_on_the_second)
    assert mock_services.close_expired(now=timezone.now() + timedelta(minutes=5)) == 2
    assert set(MockInterview.objects.filter(finished_at__isnull=True).values_list("pk", flat=True)) == {
        mocks[1].pk
    }
    assert f"Could not close expired mock {mocks[1].pk}" in caplog.text
