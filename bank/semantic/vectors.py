"""Question vectors: computed at loadbank and on save (never per request), searched with numpy.

Each question's title and prompt become one unit-length float32 vector, stored as bytes in
QuestionVector. `nearest()` keeps the matrix of all vectors in process memory and reloads it only when
a vector changed (one small query per call: the count and the latest change).
"""

import contextvars
import hashlib
import threading
from contextlib import contextmanager

from django.db.models import Count, Max

from bank.models import Question, QuestionVector
from bank.rendering import html_to_text
from bank.semantic.embedders import get_embedder

_deferred = contextvars.ContextVar("vectors_deferred", default=False)
_matrix = {"key": None, "ids": [], "matrix": None}
_matrix_lock = threading.Lock()


def question_text(question):
    return f"{question.title}\n{html_to_text(question.prompt_html)}".strip()


def _hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


@contextmanager
def vectors_deferred():
    """Inside this block saving a question computes no vector; loadbank refreshes them all after."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def refresh_vectors(questions=None):
    """(Re)compute the vectors of `questions` (default: all) whose text changed. Returns how many.

    Does nothing, and returns 0, when the model is not installed.
    """
    embedder = get_embedder()
    if embedder is None:
        return 0
    questions = list(Question.objects.all() if questions is None else questions)
    stored = {
        row["question_id"]: (row["model"], row["text_hash"])
        for row in QuestionVector.objects.filter(question__in=[q.pk for q in questions]).values(
            "question_id", "model", "text_hash"
        )
    }
    texts = {q.pk: question_text(q) for q in questions}
    stale = [q for q in questions if stored.get(q.pk) != (embedder.name, _hash(texts[q.pk]))]
    if not stale:
        return 0
    vectors = embedder.encode([texts[q.pk] for q in stale])
    for question, vector in zip(stale, vectors, strict=True):
        QuestionVector.objects.update_or_create(
            question_id=question.pk,
            defaults={
                "model": embedder.name,
                "text_hash": _hash(texts[question.pk]),
                "vector": vector.astype("float32").tobytes(),
            },
        )
    return len(stale)


def on_question_saved(sender, instance, raw=False, **kwargs):
    """post_save of Question (wired in BankConfig.ready): keep its vector in step with its text."""
    if raw or _deferred.get():
        return
    refresh_vectors([instance])


def _all_vectors(model_name):
    """(ids, matrix) of every stored vector made by `model_name`, cached until a vector changes."""
    import numpy as np

    rows = QuestionVector.objects.filter(model=model_name)
    key = tuple(rows.aggregate(n=Count("pk"), latest=Max("updated_at")).values())
    with _matrix_lock:
        if _matrix["key"] != key:
            pairs = list(rows.values_list("question_id", "vector"))
            _matrix["ids"] = [pk for pk, _ in pairs]
            _matrix["matrix"] = (
                np.stack([np.frombuffer(bytes(blob), dtype=np.float32) for _, blob in pairs])
                if pairs
                else np.zeros((0, 1), dtype=np.float32)
            )
            _matrix["key"] = key
        return _matrix["ids"], _matrix["matrix"]


def nearest(vector, *, limit, allowed=None, exclude=(), min_score=None):
    """[(question id, cosine)] of the `limit` stored vectors closest to `vector`, best first.

    `allowed` (a set of ids) restricts the candidates; `exclude` drops some; `min_score` cuts weak ones.
    """
    embedder = get_embedder()
    if embedder is None:
        return []
    ids, matrix = _all_vectors(embedder.name)
    if not ids:
        return []
    scores = matrix @ vector
    ranked = []
    for row in scores.argsort()[::-1]:
        pk, score = ids[row], float(scores[row])
        if min_score is not None and score < min_score:
            break
        if pk in exclude or (allowed is not None and pk not in allowed):
            continue
        ranked.append((pk, score))
        if len(ranked) >= limit:
            break
    return ranked


def vector_of(question):
    """The stored vector of one question, or None."""
    import numpy as np

    blob = QuestionVector.objects.filter(question=question).values_list("vector", flat=True).first()
    return None if blob is None else np.frombuffer(bytes(blob), dtype=np.float32)
