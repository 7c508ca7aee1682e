from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bank.loading import BankLoadError, load_bank
from bank.semantic.embedders import get_embedder
from bank.semantic.vectors import refresh_vectors, vectors_deferred

# From this many questions on, the load draws a progress bar (on stderr, so the report stays clean).
PROGRESS_FROM = 100
BAR_WIDTH = 30


class ProgressBar:
    """`[#########.....]  120/187 questions`, redrawn in place; a step only when the bar moves."""

    def __init__(self, stream):
        self.stream = stream
        self.drawn = None

    def __call__(self, done, total):
        if total < PROGRESS_FROM:
            return
        filled = BAR_WIDTH * done // total
        if filled == self.drawn and done != total:
            return
        self.drawn = filled
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done:>{len(str(total))}}/{total} questions", ending="")
        if done == total:
            self.stream.write("")
        self.stream.flush()


class Command(BaseCommand):
    help = "Load the question bank from its text files (fixtures/). Safe to run again: unchanged items stay."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", default=str(settings.BANK_FIXTURES_DIR), help="folder holding taxonomy.toml"
        )

    def handle(self, *args, **options):
        try:
            with vectors_deferred():  # one batch at the end rather than one model call per question
                report = load_bank(options["dir"], progress=ProgressBar(self.stderr))
        except BankLoadError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        for line in report.lines():
            self.stdout.write(line)
        embedder = get_embedder()
        if embedder is not None:
            self.stdout.write(f"Question vectors ({embedder.name}): {refresh_vectors()} computed.")
