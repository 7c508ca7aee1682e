"""Search by meaning: reciprocal rank fusion of the full-text ranking and embedding similarity.

`hybrid_search()` takes the place of `bank.search.search_questions` in the one filter path
(bank/filters.py). It asks `search_questions` for the full-text ranking (PostgreSQL's ts_rank, or
SQLite's), ranks the questions by cosine similarity to the query as well, and orders by

    RRF(q) = sum over the two rankings of 1 / (RRF_K + rank of q)

so a question found by both comes first, and one that shares no word with the query (a paraphrase)
can still be found. Without the semantic extra it is full text alone, exactly as before.
"""

from functools import lru_cache

from django.db.models import Case, IntegerField, When

from bank.search import MAX_QUERY_LENGTH, search_questions
from bank.semantic.embedders import get_embedder
from bank.semantic.vectors import nearest

RRF_K = 60
# How many questions the meaning side contributes, and how close they must be to count at all (below
# this cosine, all-MiniLM-L6-v2 neighbours of a short query are mostly noise; docs/semantic.md).
MEANING_DEPTH = 10
MEANING_MIN_SCORE = 0.30


def rrf(*rankings, k=RRF_K):
    """Ids ordered by fused score, best first; ties keep the order of first appearance."""
    scores = {}
    for ranking in rankings:
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda pk: -scores[pk])


@lru_cache(maxsize=256)
def query_vector(text):
    return get_embedder().encode([text])[0]


def meaning_ranking(text, allowed):
    """Ids of the questions closest in meaning to `text`, among `allowed`, best first."""
    return [
        pk
        for pk, _ in nearest(
            query_vector(text), limit=MEANING_DEPTH, allowed=allowed, min_score=MEANING_MIN_SCORE
        )
    ]


def hybrid_search(queryset, text):
    """Like `search_questions`, with meaning fused in when the model is installed."""
    matched = search_questions(queryset, text)
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text or get_embedder() is None:
        return matched
    full_text = list(matched.values_list("pk", flat=True))
    meaning = meaning_ranking(text, set(queryset.values_list("pk", flat=True)))
    fused = rrf(full_text, meaning)
    if not fused:
        return queryset.none()
    order = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(fused)], output_field=IntegerField()
    )
    return queryset.filter(pk__in=fused).order_by(order, "title", "id")
