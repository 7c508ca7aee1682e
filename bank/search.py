"""Full-text search over title, prompt and answers.

PostgreSQL: a stored, weighted tsvector (title A, the rest B) with a GIN index, ranked with ts_rank.
SQLite: an FTS5 index over the title and the stored search text, ranked with bm25, title hits first
(bank/fts.py). On both, every word must appear.
"""

import contextvars
from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value

from bank import fts
from bank.rendering import html_to_text

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200


def is_postgresql():
    return connection.vendor == "postgresql"


def build_search_text(question):
    parts = [
        html_to_text(question.prompt_html),
        " ".join(question.tools or []),
        " ".join(question.key_points or []),
        html_to_text(question.why_asked_html),
    ]
    parts.extend(html_to_text(body) for body in question.answers.values_list("body_html", flat=True))
    return " ".join(part for part in parts if part)


# Inside `one_refresh_per_question()`: the questions waiting for their index, by primary key.
_pending = contextvars.ContextVar("pending_search_refresh", default=None)


@contextmanager
def one_refresh_per_question():
    """Defer index refreshes to the end of the block, then refresh each question once.

    Saving a question and each of its answers would otherwise rebuild its index every time;
    loadbank wraps a question and its answers in this. Nothing is refreshed if the block fails.
    """
    if _pending.get() is not None:  # already deferring: the outer block refreshes
        yield
        return
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for question in pending.values():
        refresh_search_index(question)


def refresh_search_index(question):
    """Recompute the stored search text (and tsvector on PostgreSQL) of one question."""
    pending = _pending.get()
    if pending is not None:
        pending[question.pk] = question
        return
    search_text = build_search_text(question)
    rows = type(question)._default_manager.filter(pk=question.pk)
    if is_postgresql():
        rows.update(
            search_text=search_text,
            search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector(Value(search_text), weight="B", config=SEARCH_CONFIG),
        )
    else:
        rows.update(search_text=search_text)
    question.search_text = search_text


def search_questions(queryset, text):
    """Filter `queryset` to questions matching `text`; on PostgreSQL, order by rank."""
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not text:
        return queryset
    if is_postgresql():
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "title", "id")
        )
    return fts.search(queryset, text)


def ranked_ids(queryset, text, limit=None):
    """The ids of `queryset`'s questions matching `text`, best first, on either database.

    The one ranked entry point: a caller fusing other rankings (semantic search) starts from this list.
    """
    ranked = search_questions(queryset, text).values_list("pk", flat=True)
    return list(ranked[:limit] if limit else ranked)
