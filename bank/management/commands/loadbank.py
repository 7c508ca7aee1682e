from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bank.loading import BankLoadError, load_bank


class Command(BaseCommand):
    help = "Load the question bank from its text files (fixtures/). Safe to run again: unchanged items stay."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", default=str(settings.BANK_FIXTURES_DIR), help="folder holding taxonomy.toml"
        )

    def handle(self, *args, **options):
        try:
            report = load_bank(options["dir"])
        except BankLoadError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        for line in report.lines():
            self.stdout.write(line)
