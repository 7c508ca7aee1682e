from django.core.management.base import BaseCommand

from practice.study.models import GradeTally
from practice.study.tallies import recount


class Command(BaseCommand):
    help = (
        "Rebuild every reader's grade tallies (the dashboard's topic table and calibration) from their "
        "graded attempts. Never needed in normal running: grading, moving and deleting questions keep them."
    )

    def handle(self, *args, **options):
        recount()
        self.stdout.write(f"Recounted: {GradeTally.objects.count()} tally row(s).")
