import pytest

from bank.models import Kind, Status
from tests.factories import (
    ChoiceFactory,
    CompanyFactory,
    QuestionFactory,
    RoleFactory,
    SampleAnswerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_it_shows_every_part_of_a_question(client):
    question = QuestionFactory(
        title="Shadow or canary?",
        companies=[CompanyFactory(name="Netflix", slug="netflix")],
        roles=[RoleFactory(name="MLOps engineer", slug="mlops-engineer")],
        key_points=["Shadow traffic never reaches users."],
        follow_ups=[{"question": "What stops a canary?", "answer": "A guardrail breach that lasts."}],
        tools=["KServe"],
        links=[{"title": "KServe docs", "url": "https://kserve.github.io/website/"}],
    )
    SampleAnswerFactory(question=question, body="Shadow **first**.")
    body = client.get(question.get_absolute_url()).content.decode()
    for text in [
        "Shadow or canary?",
        "<strong>What do you check first?</strong>",
        "Netflix",
        "MLOps engineer",
        "Why interviewers ask it",
        "The trap to avoid",
        "Shadow traffic never reaches users.",
        "What stops a canary?",
        "KServe",
        'href="https://kserve.github.io/website/"',
    ]:
        assert text in body


def test_the_sample_answer_is_folded_until_the_reader_opens_it(client):
    answer = SampleAnswerFactory(body="Shadow **first**.")
    body = client.get(answer.question.get_absolute_url()).content.decode()
    folded = body.split('<details class="reveal" id="sample-answer">')[1].split("</details>")[0]
    assert "<summary>" in folded
    assert "Shadow <strong>first</strong>." in folded


def test_a_multiple_choice_question_lists_options_and_explains_each(client):
    question = QuestionFactory(kind=Kind.MULTIPLE_CHOICE)
    ChoiceFactory(question=question, text="Profile first", is_correct=True, explanation="Measure, then act.")
    ChoiceFactory(question=question, text="Buy a bigger GPU", explanation="Money before evidence.")
    body = client.get(question.get_absolute_url()).content.decode()
    assert "Profile first" in body and "Buy a bigger GPU" in body
    assert "Measure, then act." in body and "Money before evidence." in body


def test_a_draft_is_a_404_for_readers(client):
    question = QuestionFactory(status=Status.DRAFT)
    assert client.get(question.get_absolute_url()).status_code == 404


def test_staff_can_preview_a_draft(client, staff_user):
    question = QuestionFactory(status=Status.DRAFT)
    client.force_login(staff_user)
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>Draft</strong>: only staff can see this question" in response.content.decode()


def test_an_unknown_slug_is_a_404(client):
    assert client.get("/questions/no-such-thing/").status_code == 404


def test_it_links_related_questions_from_the_same_topic(client):
    topic = TopicFactory()
    question = QuestionFactory(topic=topic)
    sibling = QuestionFactory(topic=topic, title="A sibling")
    QuestionFactory(title="Elsewhere")
    QuestionFactory(topic=topic, title="A hidden sibling", status=Status.DRAFT)
    body = client.get(question.get_absolute_url()).content.decode()
    assert sibling.title in body
    assert "Elsewhere" not in body and "A hidden sibling" not in body


def test_it_offers_previous_and_next_within_the_list_the_reader_came_from(client):
    netflix = CompanyFactory(slug="netflix")
    first = QuestionFactory(title="A first", companies=[netflix])
    QuestionFactory(title="B not in list")
    second = QuestionFactory(title="C second", companies=[netflix])
    third = QuestionFactory(title="D third", companies=[netflix])
    response = client.get(f"{second.get_absolute_url()}?list=company%3Dnetflix&pos=2")
    assert response.context["previous"] == first
    assert response.context["following"] == third
    assert "?list=company%3Dnetflix&amp;pos=3" in response.content.decode()


def test_a_stale_or_broken_list_position_shows_no_neighbours(client):
    question = QuestionFactory(title="A")
    QuestionFactory(title="B")
    for query in ["list=&pos=7", "list=company%3Dnope&pos=1", "list=&pos=abc", "pos=-1&list="]:
        response = client.get(f"{question.get_absolute_url()}?{query}")
        assert response.status_code == 200
        assert response.context["previous"] is None and response.context["following"] is None


def test_it_reads_a_question_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    question = QuestionFactory(companies=[CompanyFactory()], roles=[RoleFactory()])
    SampleAnswerFactory(question=question)
    # 1 question with topic, 1 roles, 1 companies, 1 choices, 1 answers, 1 related questions,
    # 1 readers' reports of the last 6 months.
    with django_assert_num_queries(7):
        client.get(question.get_absolute_url())


def test_it_shows_the_rubric_sources_review_date_and_diagram_behind_the_reveal(client):
    import datetime

    question = QuestionFactory(
        thirty_second="Shadow to learn safely, then canary to learn for real.",
        red_flags=["Calls a shadow deploy a canary."],
        follow_ups=[{"question": "What stops a canary?", "answer": "A **sustained** guardrail breach."}],
        sources=["https://kserve.github.io/website/"],
        reviewed_on=datetime.date(2026, 11, 29),
        diagram="llm-ttft-itl-request-path.svg",
        diagram_alt="A streamed request: queue, prefill, then decode steps.",
    )
    body = client.get(question.get_absolute_url()).content.decode()
    before, revealed = body.split('<details class="reveal" id="sample-answer">')
    revealed = revealed.split("</details>\n\n")[0]
    for text in [
        "In 30 seconds",
        "Shadow to learn safely, then canary to learn for real.",
        "Red flags",
        "Calls a shadow deploy a canary.",
        "What stops a canary?",
        "A <strong>sustained</strong> guardrail breach.",
        "The trap to avoid",
        '<img src="/static/diagrams/llm-ttft-itl-request-path.svg" alt="A streamed request: queue, prefill,',
    ]:
        assert text in revealed, text
        assert text not in before, f"spoiler before the reveal: {text}"
    assert "Why interviewers ask it" in before
    assert "re-checked by a second reviewer on" in body and "29 November 2026" in body
    assert 'href="https://kserve.github.io/website/"' in body


def test_it_refuses_to_store_a_link_that_is_not_a_web_address():
    from django.core.exceptions import ValidationError

    question = QuestionFactory()
    for url in ["javascript:alert(1)", "data:text/html,x", " https://ok.example", "//evil.example"]:
        question.links = [{"title": "x", "url": url}]
        with pytest.raises(ValidationError):
            question.save()
        with pytest.raises(ValidationError):
            question.full_clean()
