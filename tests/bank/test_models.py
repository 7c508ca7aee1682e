import pytest
from django.db import IntegrityError

from bank.models import Question, Status
from tests.factories import QuestionFactory, SampleAnswerFactory

pytestmark = pytest.mark.django_db


def test_it_stores_sanitised_html_when_saved():
    question = QuestionFactory(prompt="Hello **there** <script>alert(1)</script>", trap="A *trap*")
    question.refresh_from_db()
    assert question.prompt_html == "<p>Hello <strong>there</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert question.trap_html == "<p>A <em>trap</em></p>"


def test_published_excludes_drafts():
    published = QuestionFactory()
    QuestionFactory(status=Status.DRAFT)
    assert list(Question.objects.published()) == [published]


def test_it_allows_one_featured_answer_per_question():
    answer = SampleAnswerFactory(is_featured=True)
    SampleAnswerFactory(question=answer.question, is_featured=False)
    with pytest.raises(IntegrityError):
        SampleAnswerFactory(question=answer.question, is_featured=True)


def test_saving_an_answer_adds_its_words_to_the_search_text():
    answer = SampleAnswerFactory(body="Mention the **Triton** dynamic batcher.")
    answer.question.refresh_from_db()
    assert "Triton dynamic batcher" in answer.question.search_text
    answer.delete()
    question = Question.objects.get(pk=answer.question.pk)
    assert "Triton" not in question.search_text


def test_key_points_and_follow_ups_are_stored_as_inline_html():
    question = QuestionFactory(
        key_points=["Concept drift moves $P(y|X)$", "<img src=x onerror=alert(1)> stays text"],
        follow_ups=[{"question": "Why `ks_2samp`?", "answer": "It needs **no** binning."}],
    )
    question.refresh_from_db()
    assert question.key_points_html[0].startswith("Concept drift moves <math")
    assert question.key_points_html[1] == "&lt;img src=x onerror=alert(1)&gt; stays text"
    assert question.follow_ups_html == [
        {"question": "Why <code>ks_2samp</code>?", "answer": "<p>It needs <strong>no</strong> binning.</p>"}
    ]
