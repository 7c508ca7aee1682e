"""Build the bank half of the key-point evaluation set: bench/semantic/bank_pairs.jsonl.

Each row pairs one question's sample answer (its sentences) with one key point, labelled covered or not:
- covered: a key point of the same question (the sample answers are written to cover their own points);
- not covered: a key point of a neighbouring question in the same topic (mostly not covered, although
  neighbours share ideas now and then: this half of the set has some label noise, the hand-written half
  in partial_answers.toml has none).
Up to PER_QUESTION of each per question, drawn with a fixed seed, so the file is the same on every run.

    .venv/bin/python bench/semantic/build_pairs.py
"""

import json
import os
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

PER_QUESTION = 3
SEED = 14
OUT = Path(__file__).with_name("bank_pairs.jsonl")


def bank_documents():
    """{slug: document} for every question file that has a sample answer and key points."""
    import django

    django.setup()
    from bank.bankfiles import parse_question

    documents = {}
    for path in sorted((ROOT / "fixtures" / "questions").glob("*.md")):
        document = parse_question(path.stem, path.read_text(encoding="utf-8"))
        if document.answers and len(document.key_points) >= 2:
            documents[path.stem] = document
    return documents


def build(documents):
    rng = random.Random(SEED)
    by_topic = defaultdict(list)
    for slug, document in documents.items():
        by_topic[document.topic].append(slug)
    rows = []
    for slug, document in documents.items():
        siblings = sorted(by_topic[document.topic])
        if len(siblings) < 2:
            continue
        neighbour = siblings[(siblings.index(slug) + 1) % len(siblings)]
        own = rng.sample(range(len(document.key_points)), min(PER_QUESTION, len(document.key_points)))
        other_points = documents[neighbour].key_points
        other = rng.sample(range(len(other_points)), min(PER_QUESTION, len(other_points)))
        for index in sorted(own):
            rows.append({"answer_of": slug, "point_of": slug, "index": index, "covered": True})
        for index in sorted(other):
            rows.append({"answer_of": slug, "point_of": neighbour, "index": index, "covered": False})
    return rows


if __name__ == "__main__":
    pairs = build(bank_documents())
    OUT.write_text("".join(json.dumps(row) + "\n" for row in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs ({sum(row['covered'] for row in pairs)} covered) written to {OUT.name}")
