"""The word-overlap fallback: what share of a key point's content words a sentence uses.

No model and no numpy: the default install uses it. It only understands shared words, so "int8" never
matches "quantise"; the evaluation (docs/semantic.md) measures how often that is good enough.
"""

from bank.semantic.text import content_words


def overlap_score(key_point, sentence_words):
    words = content_words(key_point)
    if not words:
        return 0.0
    return len(words & sentence_words) / len(words)


def best_sentence(key_point, sentences, sentence_word_sets=None):
    """(score, index of the best sentence) for one key point against a list of sentences."""
    sets = sentence_word_sets or [content_words(sentence) for sentence in sentences]
    best = (0.0, None)
    for index, words in enumerate(sets):
        score = overlap_score(key_point, words)
        if score > best[0]:
            best = (score, index)
    return best
