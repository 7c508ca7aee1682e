"""Similar questions by meaning: neighbours of a question's stored vector, across topics.

Answers None when there is nothing to go on (no model, or no vector yet), so that callers fall back to
the topic list.
"""

from bank.models import Question
from bank.semantic.embedders import get_embedder
from bank.semantic.hints import MEANING, WORDS
from bank.semantic.text import content_words
from bank.semantic.vectors import nearest, vector_of


def similar_question_ids(question, *, limit):
    """Ids of the questions nearest in meaning to `question` (itself left out), best first, or None."""
    if get_embedder() is None or question.pk is None:
        return None
    vector = vector_of(question)
    if vector is None:
        return None
    return [pk for pk, _ in nearest(vector, limit=limit, exclude={question.pk})]


def possible_duplicates(question, *, limit=5):
    """("meaning" | "words", [(question, score)]): the questions, in any status, most like `question`.

    For curators writing or editing a question. By meaning with the model (title and prompt); without
    it, by the share of the title's words another title shares.
    """
    if question.pk is None:
        return None, []
    vector = vector_of(question) if get_embedder() is not None else None
    if vector is not None:
        found = nearest(vector, limit=limit, exclude={question.pk})
        by_pk = Question.objects.in_bulk([pk for pk, _ in found])
        return MEANING, [(by_pk[pk], score) for pk, score in found if pk in by_pk]
    words = content_words(question.title)
    scored = [
        (other, len(words & content_words(other.title)) / max(len(words), 1))
        for other in Question.objects.exclude(pk=question.pk).only("title", "slug", "status")
    ]
    scored = sorted((item for item in scored if item[1] > 0), key=lambda item: -item[1])
    return WORDS, scored[:limit]
