from django.core.management.base import BaseCommand, CommandError

from bank.semantic.embedders import get_embedder
from bank.semantic.vectors import refresh_vectors


class Command(BaseCommand):
    help = "Compute the question vectors for similar questions and search by meaning (the semantic extra)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="recompute every vector, changed or not")

    def handle(self, *args, **options):
        embedder = get_embedder()
        if embedder is None:
            raise CommandError(
                'The semantic extra is not installed (pip install -e ".[semantic]"), or SEMANTIC_MODEL=off.'
            )
        if options["all"]:
            from bank.models import QuestionVector

            QuestionVector.objects.all().delete()
        self.stdout.write(f"Question vectors ({embedder.name}): {refresh_vectors()} computed.")
