"""bank/semantic with the real model (all-MiniLM-L6-v2 from the semantic extra), on small inputs.

Skipped, saying why, without the extra; in CI (`CI=true pytest -m semantic`) a missing model fails.
"""

import pytest
from django.urls import reverse

from bank.models import QuestionVector
from bank.selectors import related_questions
from bank.semantic import hints as hint_module
from bank.semantic.embedders import DIMENSIONS, get_embedder
from bank.semantic.hints import key_point_hints, score_key_points
from bank.semantic.similar import possible_duplicates
from tests.factories import QuestionFactory, TopicFactory

pytestmark = [pytest.mark.semantic, pytest.mark.django_db]

ANSWER = (
    "If the new model hurts conversions, I point the serving alias back at the previous version, which we "
    "keep warm, so rolling back takes seconds. Afterwards I add the failing case to the offline suite."
)


def test_it_loads_the_model_once_per_process():
    assert get_embedder() is get_embedder()
    assert get_embedder().encode(["one sentence"]).shape == (1, DIMENSIONS)


def test_it_hints_a_covered_key_point_said_in_other_words_and_not_an_uncovered_one():
    covered = "Rollback is an alias flip to a previous version kept warm."
    uncovered = "Size the online store from the number of entities and the vector size."
    hints = key_point_hints(ANSWER, [covered, uncovered])
    assert hints[0] is not None
    assert hints[0].sentence.startswith("If the new model hurts conversions")
    assert hints[1] is None


def test_its_threshold_separates_the_two_scores():
    (covered, _), (uncovered, _) = score_key_points(
        ANSWER,
        [
            "Rollback is an alias flip to a previous version kept warm.",
            "Size the online store from the number of entities and the vector size.",
        ],
    )
    assert covered >= hint_module.MODEL_THRESHOLD > uncovered


def test_it_stores_a_vector_when_a_question_is_saved_and_redoes_it_only_when_the_text_changes():
    question = QuestionFactory(title="How do you roll back a model?")
    stored = QuestionVector.objects.get(question=question)
    assert len(bytes(stored.vector)) == DIMENSIONS * 4
    question.difficulty = "hard"
    question.save()
    assert QuestionVector.objects.get(question=question).updated_at == stored.updated_at
    question.title = "How do you retire a model?"
    question.save()
    assert QuestionVector.objects.get(question=question).updated_at > stored.updated_at


def test_it_finds_a_near_duplicate_question_across_topics():
    question = QuestionFactory(
        title="How do you roll back a production model safely?", prompt="What should trigger a rollback?"
    )
    twin = QuestionFactory(
        title="Reverting a misbehaving deployed model: when and how?",
        prompt="Which signals start it, and how do you do it without risk?",
        topic=TopicFactory(),
    )
    QuestionFactory(title="Size the online feature store for 200 million users", prompt="Pick the TTLs.")
    QuestionFactory(title="Mixed precision: bf16 or fp16?", prompt="Why does fp16 need loss scaling?")
    assert related_questions(question)[0] == twin
    how, found = possible_duplicates(question)
    assert how == "meaning"
    assert found[0][0] == twin


def test_search_finds_a_paraphrase_that_shares_no_word_with_the_question(client):
    QuestionFactory(title="How do you roll back a production model safely?", prompt="What should trigger it?")
    QuestionFactory(title="Mixed precision: bf16 or fp16?", prompt="Why does fp16 need loss scaling?")
    page = client.get(reverse("question_list"), {"q": "revert a broken release quickly"}).content.decode()
    assert "How do you roll back a production model safely?" in page
    assert (
        page.index("roll back a production model") < page.index("Mixed precision")
        if "Mixed precision" in page
        else True
    )


def test_loadbank_computes_the_vectors_once(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    QuestionFactory()
    call_command("embedquestions", stdout=out)
    assert "0 computed" in out.getvalue()  # the factory's save already made it
    call_command("embedquestions", "--all", stdout=out)
    assert "1 computed" in out.getvalue()
