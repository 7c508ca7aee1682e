from django.conf import settings
from django.core.management.base import BaseCommand

from bank.dumping import dump_bank


class Command(BaseCommand):
    help = "Write the question bank from the database to its text files (fixtures/), for review in git."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.BANK_FIXTURES_DIR), help="folder to write into")

    def handle(self, *args, **options):
        counts = dump_bank(options["dir"])
        self.stdout.write(
            f"files: {counts['written']} written, {counts['unchanged']} unchanged, {counts['removed']} removed"
        )
