import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from bank.models import Kind
from practice.models import Attempt, Grade, ReviewCard
from practice.study.forms import sign_start
from tests.factories import ChoiceFactory, QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    question = QuestionFactory(slug="canary", key_points=["Shadow first", "Small slice", "Auto rollback"])
    SampleAnswerFactory(question=question, body="Shadow, then a **1%** canary.")
    return question


def _answer(client, question, text="My answer", token=None, **extra):
    data = {"answer": text, "token": str(token or uuid.uuid4()), "started": sign_start(), "done": "", **extra}
    return client.post(f"/practice/q/{question.slug}/", data)


def test_a_visitor_is_asked_to_sign_in_and_comes_back(client, question):
    response = client.get("/practice/q/canary/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/practice/q/canary/"
    body = client.get(response["Location"]).content.decode()
    assert 'name="next" value="/practice/q/canary/"' in body
    assert "/accounts/signup/?next=/practice/q/canary/" in body


def test_the_question_page_offers_practice(client, owner_client, question):
    assert 'href="/practice/q/canary/"' in owner_client.get("/questions/canary/").content.decode()


def test_the_practice_page_shows_the_prompt_a_box_and_a_timer(owner_client, question):
    body = owner_client.get("/practice/q/canary/").content.decode()
    assert "What do you check first?" in body
    assert 'name="answer"' in body and "data-timer" in body
    assert "Shadow, then a" not in body  # the sample answer waits until "I'm done"


def test_done_stores_the_attempt_and_shows_the_sample_beside_it(owner_client, owner, question):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        started = sign_start()
        traveller.shift(timedelta(seconds=95))
        response = owner_client.post(
            "/practice/q/canary/",
            {"answer": "Use a *canary*", "token": str(uuid.uuid4()), "started": started, "done": ""},
        )
    attempt = Attempt.objects.get(user=owner)
    assert response["Location"] == f"/practice/attempts/{attempt.pk}/"
    assert attempt.seconds_spent == 95
    body = owner_client.get(response["Location"]).content.decode()
    assert "Use a <em>canary</em>" in body and "Shadow, then a <strong>1%</strong> canary." in body
    assert "Tick the key points your answer covered" in body and "Nailed it" in body


def test_a_double_clicked_done_stores_one_attempt(owner_client, question):
    token = uuid.uuid4()
    first = _answer(owner_client, question, token=token)
    second = _answer(owner_client, question, token=token)
    assert first["Location"] == second["Location"]
    assert Attempt.objects.count() == 1


def test_preview_without_javascript_keeps_the_text(owner_client, question):
    response = owner_client.post(
        "/practice/q/canary/",
        {"answer": "**bold** idea", "token": str(uuid.uuid4()), "started": sign_start(), "preview": ""},
    )
    body = response.content.decode()
    assert "<strong>bold</strong> idea" in body and "**bold** idea</textarea>" in body
    assert not Attempt.objects.exists()


def test_the_live_preview_uses_the_sanitising_pipeline(owner_client):
    response = owner_client.post("/practice/preview/", {"answer": "<script>x</script>**hi**"})
    html = response.json()["html"]
    assert html == "<p>&lt;script&gt;x&lt;/script&gt;<strong>hi</strong></p>"


def test_grading_shows_the_score_next_to_the_grade(owner_client, owner, question):
    attempt_url = _answer(owner_client, question)["Location"]
    response = owner_client.post(attempt_url, {"covered": ["0", "2"], "grade": str(Grade.SOLID)})
    assert response.status_code == 302
    body = owner_client.get(attempt_url).content.decode()
    assert "Solid" in body and "2 of 3" in body and "67%" in body
    assert "comes back for review on" in body
    assert ReviewCard.objects.filter(user=owner, question=question).exists()


@pytest.mark.parametrize("data", [{}, {"grade": "9"}, {"grade": "x"}, {"grade": "3", "covered": ["7"]}])
def test_a_bad_grade_form_answers_400_with_a_message(owner_client, question, data):
    attempt_url = _answer(owner_client, question)["Location"]
    response = owner_client.post(attempt_url, data)
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode() or "errorlist" in response.content.decode()
    assert not ReviewCard.objects.exists()


def test_a_tampered_form_gets_a_clear_answer(owner_client, question):
    response = owner_client.post(
        "/practice/q/canary/", {"answer": "x", "token": "not-a-uuid", "started": "junk"}
    )
    assert response.status_code == 400
    too_long = _answer(owner_client, question, text="x" * 20_001)
    assert too_long.status_code == 400
    assert not Attempt.objects.exists()


def test_a_forged_start_time_counts_as_zero_seconds(owner_client, owner, question):
    owner_client.post(
        "/practice/q/canary/", {"answer": "x", "token": str(uuid.uuid4()), "started": "1:forged", "done": ""}
    )
    assert Attempt.objects.get(user=owner).seconds_spent == 0


def test_multiple_choice_is_graded_automatically_with_every_option_explained(owner_client, owner):
    question = QuestionFactory(slug="mc", kind=Kind.MULTIPLE_CHOICE, key_points=[])
    right = ChoiceFactory(question=question, text="Profile", is_correct=True, explanation="Measure first.")
    ChoiceFactory(question=question, text="Bigger GPU", explanation="Spends before knowing.")
    response = owner_client.post(
        "/practice/q/mc/",
        {"choice": str(right.pk), "token": str(uuid.uuid4()), "started": sign_start(), "done": ""},
    )
    body = owner_client.get(response["Location"]).content.decode()
    assert Attempt.objects.get(user=owner).grade == Grade.SOLID
    assert "Measure first." in body and "Spends before knowing." in body and "your pick" in body


def test_the_question_page_shows_the_readers_own_history(owner_client, other_user, question):
    _answer(owner_client, question, text="mine")
    Attempt.objects.create(
        user=other_user, question=question, token=uuid.uuid4(), answer="theirs", submitted_at=timezone.now()
    )
    response = owner_client.get("/questions/canary/")
    assert [a.answer for a in response.context["reader"].attempts] == ["mine"]
    body = response.content.decode()
    assert "Your attempts" in body and "<p>mine</p>" in body and "theirs" not in body


def test_the_signed_in_question_page_runs_a_fixed_number_of_queries(
    owner_client, owner, question, django_assert_num_queries
):
    for text in ["First", "Second", "Third"]:
        _answer(owner_client, question, text)
    # The question with its roles, companies, choices and answers is the same for every reader: cached
    # since the answers above looked it up (bank/caching.py). The reader's own parts are not:
    # 1 session, 2 user, 3 related questions, 4 the due count, 5 readers' reports of the last 6 months,
    # 6-7 the companies and roles of the "I was asked this" form, 8 the reader's attempts, 9 the
    # bookmark, 10 the note.
    with django_assert_num_queries(10):
        assert owner_client.get("/questions/canary/").status_code == 200


def test_the_attempt_page_runs_a_fixed_number_of_queries(
    owner_client, owner, question, django_assert_num_queries
):
    _answer(owner_client, question)
    attempt = Attempt.objects.get()
    owner_client.post(f"/practice/attempts/{attempt.pk}/", {"grade": "3", "covered": ["0"]})
    # 1 session, 2 user, 3 the attempt with its question and topic, 4 the featured answer,
    # 5 the options, 6 the review card, 7 the due count.
    with django_assert_num_queries(7):
        assert owner_client.get(f"/practice/attempts/{attempt.pk}/").status_code == 200


def test_the_reader_ticks_the_red_flags_they_fell_into_and_the_result_says_so(owner_client, question):
    question.red_flags = ["Skips the shadow phase.", "No rollback plan."]
    question.save()
    _answer(owner_client, question)
    attempt = Attempt.objects.get()
    page = owner_client.get(f"/practice/attempts/{attempt.pk}/").content.decode()
    assert "Tick the red flags your answer fell into" in page and "No rollback plan." in page
    owner_client.post(
        f"/practice/attempts/{attempt.pk}/", {"grade": "2", "covered": ["0"], "red_flags": ["1"]}
    )
    attempt.refresh_from_db()
    assert attempt.red_flags_ticked == [1] and attempt.red_flags_count == 1
    result = owner_client.get(f"/practice/attempts/{attempt.pk}/").content.decode()
    assert "1 red flag ticked" in result


def test_a_red_flag_that_is_not_on_the_question_is_refused(owner_client, question):
    _answer(owner_client, question)
    attempt = Attempt.objects.get()
    response = owner_client.post(f"/practice/attempts/{attempt.pk}/", {"grade": "3", "red_flags": ["7"]})
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert not attempt.is_graded


def test_calibration_counts_the_red_flags_per_self_grade(owner_client, owner, question):
    from practice.study import progress

    question.red_flags = ["One.", "Two.", "Three."]
    question.save()
    for grade, flags in [(4, ["0", "1"]), (4, []), (2, ["0", "1", "2"])]:
        _answer(owner_client, question)
        attempt = Attempt.objects.order_by("-id").first()
        owner_client.post(f"/practice/attempts/{attempt.pk}/", {"grade": str(grade), "red_flags": flags})
    rows = {label: flags for _, label, _, _, flags in progress.calibration(owner)}
    assert rows["Nailed it"] == 1.0 and rows["Partial"] == 3.0 and rows["Solid"] is None
    assert "Red flags ticked on average" in owner_client.get("/practice/").content.decode()
