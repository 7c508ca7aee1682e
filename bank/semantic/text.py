"""Plain-text helpers shared by the model and the word-overlap fallback: sentences and content words."""

import re

# Markdown marks and LaTeX commands that carry no meaning for matching.
_MARKUP = re.compile(r"(\$\$?|\\[a-zA-Z]+|[*_`#>|~]|\[(?=[^\]]*\]\()|\]\([^)]*\))")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9(\"'])")
_LIST_ITEM = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

MIN_SENTENCE_WORDS = 3

STOP_WORDS = frozenset(
    """a about above after again against all also an and any are as at be because been before being
    below between both but by can could did do does doing down during each either else every few for
    from further had has have having how however i if in into is it its itself just less may me might
    more most much must my never no nor not now of off often on once one only or other our out over
    own per rather same shall should so some such than that the their them then there these they this
    those through to too under until up upon us very via was we were what when where whether which
    while who whom why will with within without would yet you your""".split()
)


def split_sentences(text, *, limit=None):
    """The sentences (and list items, and table rows) of a Markdown text, markup removed.

    Fragments under MIN_SENTENCE_WORDS words are dropped; `limit` caps how many are returned.
    """
    sentences = []
    for line in (text or "").splitlines():
        line = _LIST_ITEM.sub("", line)
        line = " ".join(_MARKUP.sub(" ", line).split())
        for part in _SENTENCE_END.split(line):
            part = part.strip(" -:;")
            if len(part.split()) >= MIN_SENTENCE_WORDS:
                sentences.append(part)
                if limit and len(sentences) >= limit:
                    return sentences
    return sentences


def stem(word):
    """A crude suffix stripper: enough for "rollback"/"rolled back", "retrain"/"retraining"."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text):
    """The stemmed words of `text` that carry meaning (stop words and one-letter words removed)."""
    return {
        stem(word) for word in _WORD.findall((text or "").lower()) if word not in STOP_WORDS and len(word) > 1
    }
