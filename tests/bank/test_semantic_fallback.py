"""bank/semantic without the model: the word-overlap fallback, the topic list, full text alone."""

import pytest
from django.urls import reverse

from bank.selectors import related_questions
from bank.semantic import hints as hint_module
from bank.semantic.embedders import get_embedder
from bank.semantic.search import rrf
from bank.semantic.similar import possible_duplicates
from bank.semantic.text import content_words, split_sentences
from tests.factories import QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_it_uses_no_model_by_default_in_tests():
    assert get_embedder() is None


def test_it_splits_markdown_answers_into_sentences_without_markup():
    text = "- **Roll back** by moving the alias.\n- Keep the old version warm. Then watch it.\n\nok"
    assert split_sentences(text) == [
        "Roll back by moving the alias.",
        "Keep the old version warm.",
        "Then watch it.",
    ]


def test_it_matches_word_forms_but_not_stop_words():
    assert content_words("Retraining the models") == content_words("retrain model")
    assert "the" not in content_words("the model")


def test_it_shows_no_hints_when_the_fallback_cannot_reach_the_precision_bar(monkeypatch):
    monkeypatch.setattr(hint_module, "OVERLAP_THRESHOLD", None)
    assert hint_module.hint_mode() is None
    assert hint_module.key_point_hints("Measure before changing anything.", ["Measure first."]) == [None]


def test_it_flags_a_key_point_by_word_overlap_when_the_fallback_is_trusted(monkeypatch):
    monkeypatch.setattr(hint_module, "OVERLAP_THRESHOLD", 0.6)
    hints = hint_module.key_point_hints(
        "I would check the latency budget. Then I would roll back the model alias.",
        ["Roll back by moving the model alias.", "Tag alerts with the deploy."],
    )
    assert hints[0].sentence == "Then I would roll back the model alias."
    assert hints[1] is None


def test_it_lists_related_questions_from_the_topic_without_the_model():
    topic = TopicFactory()
    question = QuestionFactory(topic=topic, title="A")
    same_topic = QuestionFactory(topic=topic, title="B")
    QuestionFactory(title="C")  # another topic
    assert related_questions(question) == [same_topic]


def test_it_searches_full_text_alone_without_the_model(client):
    QuestionFactory(title="How do you roll back a model?", slug="rollback")
    response = client.get(reverse("question_list"), {"q": "revert a broken release"})
    assert response.status_code == 200
    assert "How do you roll back a model?" not in response.content.decode()
    assert (
        "How do you roll back a model?"
        in client.get(reverse("question_list"), {"q": "roll back"}).content.decode()
    )


def test_it_fuses_rankings_so_a_question_found_by_both_comes_first():
    assert rrf([1, 2, 3], [3, 4]) == [3, 1, 2, 4]


def test_it_lists_possible_duplicates_by_title_words_without_the_model():
    question = QuestionFactory(title="Roll back a model safely")
    near = QuestionFactory(title="How to roll back a model")
    QuestionFactory(title="Size the feature store")
    how, found = possible_duplicates(question)
    assert how == "words"
    assert [other for other, _ in found] == [near]


def test_staff_see_possible_duplicates_when_editing_a_question(admin_client):
    question = QuestionFactory(title="Roll back a model safely")
    near = QuestionFactory(title="How to roll back a model", status="draft")
    page = admin_client.get(reverse("admin:bank_question_change", args=[question.pk])).content.decode()
    assert "Possible duplicates" in page
    assert reverse("admin:bank_question_change", args=[near.pk]) in page
    assert "sharing the most title words" in page
