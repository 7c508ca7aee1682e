"""Fill the database with a synthetic bank and readers for benchmarks: practice/benchdata.py.

    python manage.py generate_bench_data --questions 100000 --attempts 1000000 --users 2000

Refuses to write into a database holding questions or users it did not generate, unless --force.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from practice.benchdata import Generator, Sizes, real_content


def _count(value):
    value = int(value)
    if value < 0:
        raise ValueError(value)
    return value


class Command(BaseCommand):
    help = "Generate synthetic questions, readers, attempts, review cards and mocks for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=_count, default=1_000)
        parser.add_argument("--attempts", type=_count, default=10_000)
        parser.add_argument("--users", type=_count, default=100)
        parser.add_argument(
            "--heavy-attempts", type=_count, default=10_000, help="attempts of the one heavy reader"
        )
        parser.add_argument(
            "--force", action="store_true", help="write even though the database holds real content"
        )

    def handle(self, *args, questions, attempts, users, heavy_attempts, force, verbosity, **options):
        found = real_content()
        if found and not force:
            raise CommandError(
                f"This database holds real content ({found}); generated data would mix with it. "
                "Use an empty database, or pass --force."
            )
        if questions < 1 or users < 1:
            raise CommandError("Generate at least one question and one user.")
        started = time.monotonic()

        def progress(**kwargs):
            return tqdm(disable=verbosity < 1, file=self.stderr._out, **kwargs)

        Generator(Sizes(questions, attempts, users, heavy_attempts), progress).run()
        self.stdout.write(
            f"Generated {questions} questions, {attempts} attempts and {users} users "
            f"in {time.monotonic() - started:.0f} s."
        )
