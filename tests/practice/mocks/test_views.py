from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from bank.models import Kind
from practice.mocks import selectors as mock_selectors
from practice.mocks import services as mocks
from practice.models import MockInterview, MockSlot, ReviewCard
from tests.factories import QuestionFactory, SampleAnswerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    drift = TopicFactory(slug="monitoring-and-drift", name="Monitoring and drift")
    for index in range(5):
        question = QuestionFactory(
            title=f"Concept {index}", kind=Kind.CONCEPT, topic=drift, key_points=["a", "b"]
        )
        SampleAnswerFactory(question=question, body=f"Sample {index}")
    QuestionFactory(title="Design it", kind=Kind.SYSTEM_DESIGN, topic=drift)
    return drift


@pytest.fixture
def running(owner, bank):
    questions = list(mock_selectors.candidate_questions(owner, kinds=[Kind.CONCEPT])[:2])
    return mocks.mock_start(user=owner, title="Two", questions=questions, time_limit_seconds=120)


def test_a_preset_loop_starts_with_its_shape(owner_client, bank):
    response = owner_client.post("/mock/new/", {"preset": "concepts"})
    mock = MockInterview.objects.get()
    assert response["Location"] == f"/mock/{mock.pk}/q/1/"
    assert mock.slots.count() == 4 and mock.time_limit_seconds == 20 * 60
    assert set(mock.slots.values_list("question__kind", flat=True)) == {Kind.CONCEPT}


def test_a_custom_mock_uses_minutes_per_question(owner_client, bank):
    owner_client.post(
        "/mock/new/",
        {"topics": ["monitoring-and-drift"], "count": "3", "timing": "per_question", "minutes": "7"},
    )
    assert MockInterview.objects.get().time_limit_seconds == 3 * 7 * 60


def test_asking_for_more_than_exists_says_so_and_offers_what_exists(owner_client, bank):
    response = owner_client.post(
        "/mock/new/", {"difficulties": ["medium"], "count": "9", "timing": "total", "minutes": "30"}
    )
    body = response.content.decode()
    assert "Only <strong>6</strong> questions match" in body and "Start with 6" in body
    assert not MockInterview.objects.exists()
    owner_client.post(
        "/mock/new/",
        {"difficulties": ["medium"], "count": "9", "timing": "total", "minutes": "30", "accept_fewer": "on"},
    )
    assert MockInterview.objects.get().slots.count() == 6


def test_no_matching_questions_gets_a_clear_message(owner_client, bank):
    response = owner_client.post(
        "/mock/new/",
        {"difficulties": ["hard"], "count": "2", "timing": "total", "minutes": "10"},
        follow=True,
    )
    assert "No questions match that choice yet." in response.content.decode()


def test_bad_setup_values_are_explained(owner_client, bank):
    response = owner_client.post("/mock/new/", {"count": "50", "timing": "total", "minutes": "-3"})
    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 10." in response.content.decode()


def test_the_question_page_shows_the_servers_time_left(owner_client, running):
    response = owner_client.get(f"/mock/{running.pk}/q/1/")
    assert response.status_code == 200
    assert 0 < response.context["seconds_left"] <= 120
    assert 'data-seconds-left="' in response.content.decode()


def test_without_javascript_next_saves_the_text(owner_client, running):
    response = owner_client.post(f"/mock/{running.pk}/q/1/", {"answer": "typed", "revision": "1", "next": ""})
    assert response["Location"] == f"/mock/{running.pk}/q/2/"
    assert MockSlot.objects.get(mock=running, position=1).answer == "typed"


def test_autosave_keeps_the_newest_text(owner_client, running):
    url = f"/mock/{running.pk}/q/1/save/"
    assert owner_client.post(url, {"answer": "newest", "revision": "200"}).json()["stored"] is True
    late = owner_client.post(url, {"answer": "stale", "revision": "100"}).json()
    assert late["stored"] is False and late["revision"] == 200
    assert MockSlot.objects.get(mock=running, position=1).answer == "newest"


def test_autosave_rejects_malformed_input_with_400(owner_client, running):
    response = owner_client.post(f"/mock/{running.pk}/q/1/save/", {"answer": "x", "revision": "soon"})
    assert (
        response.status_code == 400
        and response.json()["error"] == "revision: Enter a whole number. Nothing was stored."
    )


def test_after_the_deadline_edits_are_refused_with_a_clear_message(owner_client, running):
    owner_client.post(f"/mock/{running.pk}/q/1/save/", {"answer": "in time", "revision": "1"})
    with time_machine.travel(running.deadline + timedelta(seconds=1), tick=False):
        late = owner_client.post(
            f"/mock/{running.pk}/q/1/save/",
            {"answer": "late", "revision": "999999999", "deadline": "2099-01-01"},
        )
        assert late.status_code == 409 and "Time is up" in late.json()["error"]
        form = owner_client.post(
            f"/mock/{running.pk}/q/1/", {"answer": "late", "revision": "5", "next": ""}, follow=True
        )
    assert "Time was up at" in form.content.decode()
    assert MockSlot.objects.get(mock=running, position=1).answer == "in time"
    assert MockSlot.objects.get(mock=running, position=1).attempt.answer == "in time"


def test_coming_back_after_the_deadline_shows_the_summary(owner_client, running):
    with time_machine.travel(running.deadline + timedelta(hours=5), tick=False):
        response = owner_client.get(f"/mock/{running.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/mock/{running.pk}/summary/"


def test_coming_back_while_running_resumes_where_the_reader_was(owner_client, running):
    owner_client.post(f"/mock/{running.pk}/q/1/", {"answer": "", "revision": "1", "go": "2"})
    assert owner_client.get(f"/mock/{running.pk}/")["Location"] == f"/mock/{running.pk}/q/2/"


def test_finishing_twice_is_harmless_and_the_summary_grades_into_the_review_queue(
    owner_client, owner, running
):
    owner_client.post(f"/mock/{running.pk}/q/1/save/", {"answer": "my words", "revision": "3"})
    first = owner_client.post(f"/mock/{running.pk}/finish/")
    second = owner_client.post(f"/mock/{running.pk}/finish/")
    assert first["Location"] == second["Location"] == f"/mock/{running.pk}/summary/"
    summary = owner_client.get(first["Location"]).content.decode()
    assert "my words" in summary and "Sample" in summary and "Save grade for question 1" in summary
    owner_client.post(f"/mock/{running.pk}/grade/1/", {"grade": "2", "covered": ["1"]})
    slot = MockSlot.objects.get(mock=running, position=1)
    assert slot.attempt.grade == 2 and slot.attempt.covered_key_points == [1]
    assert ReviewCard.objects.filter(user=owner, question=slot.question).exists()
    assert "Score by topic" in owner_client.get(first["Location"]).content.decode()


def test_the_past_mocks_list_shows_scores(owner_client, running):
    owner_client.post(f"/mock/{running.pk}/finish/")
    owner_client.post(f"/mock/{running.pk}/grade/1/", {"grade": "4"})
    body = owner_client.get("/mock/").content.decode()
    assert "4.0 / 4" in body and "(1 graded)" in body


def test_the_summary_of_a_running_mock_sends_the_reader_back(owner_client, running):
    assert owner_client.get(f"/mock/{running.pk}/summary/")["Location"] == f"/mock/{running.pk}/q/1/"


@pytest.mark.parametrize(
    "path",
    ["/mock/{id}/", "/mock/{id}/q/1/", "/mock/{id}/summary/"],
)
def test_another_readers_mock_is_a_404(client, other_user, running, path):
    client.force_login(other_user)
    assert client.get(path.format(id=running.pk)).status_code == 404


@pytest.mark.parametrize(
    "path", ["/mock/{id}/q/1/", "/mock/{id}/q/1/save/", "/mock/{id}/finish/", "/mock/{id}/grade/1/"]
)
def test_another_reader_cannot_write_to_a_mock(client, other_user, running, path):
    client.force_login(other_user)
    assert (
        client.post(
            path.format(id=running.pk), {"answer": "hijack", "revision": "99", "grade": "4"}
        ).status_code
        == 404
    )
    assert not MockSlot.objects.filter(answer="hijack").exists()


@pytest.mark.parametrize(
    "path", ["/mock/", "/mock/new/", "/mock/{id}/", "/mock/{id}/q/1/", "/mock/{id}/summary/"]
)
def test_a_visitor_is_sent_to_log_in(client, running, path):
    assert client.get(path.format(id=running.pk))["Location"].startswith("/accounts/login/?next=")


def test_an_unknown_question_position_is_a_404(owner_client, running):
    assert owner_client.get(f"/mock/{running.pk}/q/9/").status_code == 404


def test_the_close_expired_command(running, capsys):
    from django.core.management import call_command

    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        call_command("close_expired_mocks")
    assert "Closed 1 expired mock interview(s)." in capsys.readouterr().out
    assert MockInterview.objects.get().finished_at is not None


def test_the_list_closes_the_readers_own_expired_mocks_only(owner_client, other_user, running, bank):
    theirs = mocks.mock_start(
        user=other_user, title="Theirs", questions=[running.slots.first().question], time_limit_seconds=120
    )
    with time_machine.travel(running.deadline + timedelta(minutes=1), tick=False):
        assert "Finished" in owner_client.get("/mock/").content.decode()
    running.refresh_from_db()
    theirs.refresh_from_db()
    assert running.finished_at == running.deadline
    assert theirs.finished_at is None


def _save(client, mock, position, **extra):
    """The question form's POST: the text, a revision and the button pressed."""
    data = {"answer": f"answer {position}", "revision": "10", **extra}
    return client.post(f"/mock/{mock.pk}/q/{position}/", data)


def test_finish_on_the_question_form_saves_the_text_then_asks_before_closing_the_mock(owner_client, running):
    response = _save(owner_client, running, 1, finish="")
    running.refresh_from_db()
    assert response["Location"] == f"/mock/{running.pk}/finish/"
    assert running.finished_at is None
    assert MockSlot.objects.get(mock=running, position=1).answer == "answer 1"
    # The confirmation works without JavaScript: a page saying what is answered, and a POST to finish.
    page = owner_client.get(response["Location"]).content.decode()
    assert "Finish the mock now?" in page and "1 of 2" in page
    assert f'<form method="post" action="/mock/{running.pk}/finish/"' in page
    running.refresh_from_db()
    assert running.finished_at is None
    assert owner_client.post(f"/mock/{running.pk}/finish/")["Location"] == f"/mock/{running.pk}/summary/"
    running.refresh_from_db()
    assert running.finished_at is not None
    assert MockSlot.objects.get(mock=running, position=1).attempt.answer == "answer 1"


def test_a_running_mock_is_in_focus_mode_with_one_way_out(owner_client, running):
    page = owner_client.get(f"/mock/{running.pk}/q/1/").content.decode()
    assert 'aria-label="Main"' not in page and "site-search" not in page and "Log out" not in page
    assert '<a href="/mock/">Leave <span class="muted">(your answers are saved' in page


def test_a_technical_mock_never_draws_a_behavioural_question_unless_asked(owner_client, bank):
    for index in range(6):
        QuestionFactory(title=f"Tell me about a time {index}", kind=Kind.BEHAVIOURAL, topic=bank)
    owner_client.post("/mock/new/", {"count": "10", "timing": "total", "minutes": "60", "accept_fewer": "on"})
    mock = MockInterview.objects.get()
    kinds = set(mock.slots.values_list("question__kind", flat=True))
    assert Kind.BEHAVIOURAL not in kinds and kinds == {Kind.CONCEPT, Kind.SYSTEM_DESIGN}
    assert mock.slots.count() == 6
    mock.delete()
    owner_client.post(
        "/mock/new/",
        {
            "count": "10",
            "timing": "total",
            "minutes": "60",
            "accept_fewer": "on",
            "include_behavioural": "on",
        },
    )
    assert Kind.BEHAVIOURAL in set(MockInterview.objects.get().slots.values_list("question__kind", flat=True))


def test_the_setup_form_has_one_time_limit_control(owner_client, bank):
    page = owner_client.get("/mock/new/").content.decode()
    assert "<legend>Time limit</legend>" in page
    assert '<option value="per_question" selected>per question</option>' in page


def test_previous_goes_back_one_question_and_saves_first(owner_client, running):
    response = _save(owner_client, running, 2, previous="")
    assert response["Location"] == f"/mock/{running.pk}/q/1/"
    assert MockSlot.objects.get(mock=running, position=2).answer == "answer 2"


def test_going_to_a_numbered_question_saves_first_and_moves_the_clock(owner_client, running):
    with time_machine.travel(running.started_at + timedelta(seconds=30), tick=False):
        response = _save(owner_client, running, 1, go="2")
    running.refresh_from_db()
    assert response["Location"] == f"/mock/{running.pk}/q/2/"
    assert running.current_position == 2
    assert MockSlot.objects.get(mock=running, position=1).seconds_used == 30


@pytest.mark.parametrize("go", ["3", "0", "²", "9" * 5000, "x"])
def test_going_to_a_question_that_does_not_exist_stays_put(owner_client, running, go):
    assert _save(owner_client, running, 1, go=go)["Location"] == f"/mock/{running.pk}/q/1/"


def test_looking_at_a_question_charges_no_time_and_writes_nothing(owner_client, running):
    with time_machine.travel(running.started_at + timedelta(seconds=40), tick=False):
        assert owner_client.get(f"/mock/{running.pk}/q/2/").status_code == 200
    running.refresh_from_db()
    assert running.current_position == 1
    assert set(running.slots.values_list("seconds_used", flat=True)) == {0}


def test_autosave_sets_and_clears_the_flag_only_when_the_flag_is_sent(owner_client, running):
    url = f"/mock/{running.pk}/q/1/save/"
    owner_client.post(url, {"answer": "a", "revision": "1", "flag_sent": "1", "flagged": "on"})
    assert MockSlot.objects.get(mock=running, position=1).flagged is True
    owner_client.post(url, {"answer": "ab", "revision": "2"})
    assert MockSlot.objects.get(mock=running, position=1).flagged is True, "no flag sent: unchanged"
    owner_client.post(url, {"answer": "abc", "revision": "3", "flag_sent": "1"})
    assert MockSlot.objects.get(mock=running, position=1).flagged is False


def test_a_custom_mock_draws_only_from_the_chosen_role_and_company(owner_client, bank):
    from tests.factories import CompanyFactory, RoleFactory

    netflix, platform = CompanyFactory(slug="netflix"), RoleFactory(slug="platform-engineer")
    tagged = QuestionFactory(title="Tagged", kind=Kind.SCENARIO, companies=[netflix], roles=[platform])
    QuestionFactory(title="Netflix only", kind=Kind.SCENARIO, companies=[netflix])
    QuestionFactory(title="Platform only", kind=Kind.SCENARIO, roles=[platform])
    owner_client.post(
        "/mock/new/",
        {
            "role": "platform-engineer",
            "company": "netflix",
            "count": "1",
            "timing": "total",
            "minutes": "10",
        },
    )
    assert list(MockInterview.objects.get().slots.values_list("question", flat=True)) == [tagged.pk]


def test_a_running_mock_question_page_runs_a_fixed_number_of_queries(
    owner_client, running, django_assert_num_queries
):
    # 1 session, 2 user, 3 the mock, 4 the slot with its question and topic, 5 the slots for the
    # question bar, 6 the due count in the navigation.
    with django_assert_num_queries(6):
        assert owner_client.get(f"/mock/{running.pk}/q/1/").status_code == 200
