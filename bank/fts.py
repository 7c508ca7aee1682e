"""SQLite's full-text search for the bank: an FTS5 index over title and search text, ranked with bm25.

The index is an external-content FTS5 table over bank_question (it stores only the index, not a second
copy of the text), built by migration 0006 and kept in sync by triggers on every INSERT, UPDATE and
DELETE of a question, whatever writes it: save(), a queryset update(), bulk_create or raw SQL. The
porter stemmer matches "monitored" to "monitoring", as PostgreSQL's english configuration does.
bm25() weighs a title hit TITLE_WEIGHT times a hit in the body, so title matches come first.
PostgreSQL keeps its own tsvector and GIN index (bank/search.py); nothing here runs there.
"""

import re

from django.db.models import F

TABLE = "bank_question_fts"
TITLE_WEIGHT = 10.0
TEXT_WEIGHT = 1.0
# Words as the unicode61 tokenizer sees them: runs of letters and digits.
WORD = re.compile(r"\w+", re.UNICODE)

CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, search_text, content='bank_question', content_rowid='id', tokenize='porter unicode61')",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON bank_question BEGIN
        INSERT INTO {TABLE}(rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON bank_question BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, title, search_text)
        VALUES ('delete', old.id, old.title, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF title, search_text ON bank_question BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, title, search_text)
        VALUES ('delete', old.id, old.title, old.search_text);
        INSERT INTO {TABLE}(rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
    END""",
    # Index what is already there.
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    # The hidden `rank` column: bm25 with a title hit worth TITLE_WEIGHT body hits (kept by FTS5).
    f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25({TITLE_WEIGHT}, {TEXT_WEIGHT})')",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def match_expression(text):
    """An FTS5 query in which every word must appear (as a word or a word's beginning); '' if no word.

    Each word is quoted, so nothing a reader types is read as FTS5 syntax (AND, NEAR, column:, ^...).
    """
    return " ".join(f'"{word}"*' for word in WORD.findall(text))


def search(queryset, text):
    """`queryset` narrowed to questions matching `text`, best bm25 first (lower is better), then by title.

    A join on the index (bank.models.QuestionSearch): FTS5 finds the matches and ranks them in one
    pass, then each is joined to its question by primary key.
    """
    match = match_expression(text)
    if not match:
        return queryset.none()
    return queryset.filter(fts__document=match).annotate(rank=F("fts__rank")).order_by("rank", "title", "id")
