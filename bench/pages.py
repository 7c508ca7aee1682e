"""Time the public pages against a bare view, with the query count of each, and print a table.

Usage: .venv/bin/python bench/pages.py [--questions N] [--repeat R]
Uses a throwaway SQLite database unless DATABASE_URL is set (then it creates and drops a test database
next to it). --questions adds N synthetic published questions on top of the bank, to see how pages scale.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import warnings  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PAGES = [
    ("bare view (/healthz)", "/healthz"),
    ("home", "/"),
    ("question list", "/questions/"),
    ("list: company + difficulty", "/questions/?company=netflix&difficulty=hard"),
    ("list: search", "/questions/?q=drift+monitoring"),
    ("question page", "/questions/drift-types-data-concept-label/"),
    ("API list", "/api/questions/?page_size=50"),
    ("API facets", "/api/facets/"),
]


def add_synthetic_questions(count):
    from bank.models import Question, Status, Topic

    topics = list(Topic.objects.all())
    Question.objects.bulk_create(
        Question(
            title=f"Synthetic question {index:06d} about drift and serving",
            slug=f"synthetic-{index:06d}",
            prompt="A synthetic prompt.",
            prompt_html="<p>A synthetic prompt.</p>",
            search_text="synthetic drift serving monitoring",
            topic=topics[index % len(topics)],
            status=Status.PUBLISHED,
        )
        for index in range(count)
    )


def measure(client, path, repeat):
    client.get(path)  # warm caches and connections
    timings = []
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: queries.append(sql) or execute(sql, params, many, context)
    ):
        client.get(path)
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=0, help="synthetic questions to add")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("loadbank", stdout=open(os.devnull, "w"))
        add_synthetic_questions(args.questions)
        client = Client()
        rows = [(name, *measure(client, path, args.repeat)) for name, path in PAGES]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    bare = rows[0][1]
    print(
        f"database: {connection.vendor}, extra questions: {args.questions}, requests per page: {args.repeat}"
    )
    print(f"{'page':28} | {'median ms':>9} | {'p95 ms':>7} | {'x bare':>6} | queries")
    print(f"{'-' * 28}-|-{'-' * 9}-|-{'-' * 7}-|-{'-' * 6}-|--------")
    for name, median, p95, queries in rows:
        print(f"{name:28} | {median:9.1f} | {p95:7.1f} | {median / bare:6.1f} | {queries}")


if __name__ == "__main__":
    main()
