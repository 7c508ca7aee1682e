"""Key-point hints: which key points a reader's answer seems to cover, and the sentence that matched.

A key point's score is its best match over the answer's sentences: cosine similarity of the model's
vectors, or, without the model, the share of its content words a sentence uses. A hint is shown only
above a threshold chosen on the evaluation set (bench/semantic, docs/semantic.md) so that at least 85%
of hints are right. The reader still ticks what they believe; hints never tick anything.
"""

from dataclasses import dataclass
from functools import lru_cache

from bank.semantic import overlap
from bank.semantic.embedders import get_embedder
from bank.semantic.text import content_words, split_sentences

# Chosen by `make eval-semantic` (docs/semantic.md): the lowest score at which hints reach a precision
# of at least 0.85 on the labelled pairs, bank-built and hand-written alike.
MODEL_THRESHOLD = 0.46
# The word-overlap fallback: None when it cannot reach 0.85 precision, and then it shows no hints.
OVERLAP_THRESHOLD = 0.25
# A reader's answer is limited in length (practice.limits); past this many sentences the rest is ignored
# so that a hint stays under 100 ms.
MAX_SENTENCES = 80

MEANING = "meaning"
WORDS = "words"


@dataclass(frozen=True)
class Hint:
    index: int
    sentence: str
    score: float


def hint_mode():
    """ "meaning" with the model, "words" for the fallback when it is trusted, else None (no hints)."""
    if get_embedder() is not None:
        return MEANING
    return WORDS if OVERLAP_THRESHOLD is not None else None


@lru_cache(maxsize=1024)
def _key_point_vectors(key_points):
    return get_embedder().encode(key_points)


def score_key_points(answer, key_points):
    """[(score, best sentence or "")] per key point, by the model when installed, else by word overlap."""
    return _scores(answer, tuple(key_points), get_embedder() is not None)


# The grading page scores an answer when it shows it and again when the grade is posted: once is enough.
@lru_cache(maxsize=64)
def _scores(answer, key_points, with_model):
    sentences = split_sentences(answer, limit=MAX_SENTENCES)
    if not sentences or not key_points:
        return [(0.0, "") for _ in key_points]
    embedder = get_embedder() if with_model else None
    if embedder is None:
        sets = [content_words(sentence) for sentence in sentences]
        scored = [overlap.best_sentence(point, sentences, sets) for point in key_points]
        return [(score, sentences[index] if index is not None else "") for score, index in scored]
    similarities = _key_point_vectors(tuple(key_points)) @ embedder.encode(sentences).T
    best = similarities.argmax(axis=1)
    return [(float(similarities[row, column]), sentences[column]) for row, column in enumerate(best)]


def key_point_hints(answer, key_points):
    """A list as long as `key_points`: a Hint where the answer seems to cover that point, else None."""
    mode = hint_mode()
    if mode is None:
        return [None] * len(key_points)
    threshold = MODEL_THRESHOLD if mode == MEANING else OVERLAP_THRESHOLD
    return [
        Hint(index=index, sentence=sentence, score=score) if score >= threshold else None
        for index, (score, sentence) in enumerate(score_key_points(answer, key_points))
    ]
