"""Every change to a question, answer or choice is kept (django-simple-history): who, when, what, shown
as a word diff in the admin, with a revert."""

import pytest

from bank.history import word_diff
from bank.models import Choice, SampleAnswer
from tests.bank.test_admin import _question_form
from tests.factories import ChoiceFactory, QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.com", "pw-boss-1"))
    return client


def test_word_diff_marks_removed_and_added_words_and_escapes_the_rest():
    html = word_diff("Use <b>PSI</b> weekly", "Use <b>PSI</b> daily")
    assert html == "Use &lt;b&gt;PSI&lt;/b&gt; <del>weekly</del><ins>daily</ins>"


def test_an_admin_edit_records_who_changed_the_question_and_its_answer(admin_client):
    answer = SampleAnswerFactory(body="Old answer.")
    question = answer.question
    data = _question_form(
        question,
        trap="A new trap.",
        **{
            "answers-TOTAL_FORMS": "1",
            "answers-INITIAL_FORMS": "1",
            "answers-0-id": str(answer.pk),
            "answers-0-question": str(question.pk),
            "answers-0-body": "New answer.",
        },
    )
    assert admin_client.post(f"/admin/bank/question/{question.pk}/change/", data).status_code == 302
    latest_question = question.history.first()
    assert latest_question.trap == "A new trap." and latest_question.history_user.username == "boss"
    latest_answer = SampleAnswer.history.filter(id=answer.pk).first()
    assert latest_answer.body == "New answer." and latest_answer.history_user.username == "boss"


def test_the_question_history_page_shows_a_word_diff_of_the_question_and_its_answers(admin_client):
    answer = SampleAnswerFactory(body="Canary to five percent.")
    question = answer.question
    question.trap = "Skipping the shadow stage."
    question.save()
    answer.body = "Canary to one percent."
    answer.save()
    body = admin_client.get(f"/admin/bank/question/{question.pk}/history/").content.decode()
    assert "<del>Talking</del><ins>Skipping</ins>" in body
    assert "Canary to <del>five</del><ins>one</ins> percent." in body
    assert f"/admin/bank/sampleanswer/{answer.pk}/history/" in body  # each answer version can be reverted


def test_reverting_an_answer_restores_the_old_text_and_records_the_revert(admin_client):
    answer = SampleAnswerFactory(body="The original, careful answer.")
    original = SampleAnswer.history.filter(id=answer.pk).get()
    answer.body = "A hasty rewrite."
    answer.save()
    page = admin_client.get(f"/admin/bank/sampleanswer/{answer.pk}/history/{original.history_id}/")
    assert page.status_code == 200 and "The original, careful answer." in page.content.decode()
    response = admin_client.post(
        f"/admin/bank/sampleanswer/{answer.pk}/history/{original.history_id}/",
        {
            "question": answer.question_id,
            "is_featured": "on",
            "title": "",
            "body": original.body,
            "position": "0",
            "_save": "Revert",
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.body == "The original, careful answer."
    assert answer.body_html == "<p>The original, careful answer.</p>"
    assert SampleAnswer.history.filter(id=answer.pk).count() == 3
    assert SampleAnswer.history.filter(id=answer.pk).first().history_user.username == "boss"


def test_a_choice_change_is_kept_too():
    choice = ChoiceFactory(text="Shadow first")
    choice.text = "Canary first"
    choice.save()
    assert list(Choice.history.filter(id=choice.pk).values_list("text", flat=True)) == [
        "Canary first",
        "Shadow first",
    ]


def test_the_history_pages_carry_no_inline_style_or_script(admin_client):
    question = QuestionFactory()
    question.trap = "Changed."
    question.save()
    body = admin_client.get(f"/admin/bank/question/{question.pk}/history/").content.decode()
    assert 'style="' not in body
    assert "<script>" not in body


def test_a_long_unchanged_text_is_cut_to_the_context_around_the_change():
    start, end = "Start. " + "a " * 200, " b" * 200 + " End."
    html = word_diff(start + "five percent" + end, start + "one percent" + end)
    assert "<del>five</del><ins>one</ins>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert "Start." not in html and "End." not in html
    assert len(html) < 300


def test_saving_only_an_answer_adds_no_empty_question_version(admin_client):
    answer = SampleAnswerFactory(body="Old.")
    question = answer.question
    data = _question_form(
        question,
        status=question.status,
        kind=question.kind,
        difficulty=question.difficulty,
        why_asked=question.why_asked,
        trap=question.trap,
        key_points="\n".join(question.key_points),
        follow_ups="## What would you alert on?\n\nError rate and input schema, first.",
        tools="\n".join(question.tools),
        links="MLflow docs | https://mlflow.org/docs/latest/",
        sources="https://mlflow.org/docs/latest/",
        thirty_second=question.thirty_second,
        red_flags="\n".join(question.red_flags),
        **{
            "answers-TOTAL_FORMS": "1",
            "answers-INITIAL_FORMS": "1",
            "answers-0-id": str(answer.pk),
            "answers-0-question": str(question.pk),
            "answers-0-body": "New.",
        },
    )
    before = question.history.count()
    assert admin_client.post(f"/admin/bank/question/{question.pk}/change/", data).status_code == 302
    assert question.history.count() == before
    assert SampleAnswer.history.filter(id=answer.pk).first().body == "New."
