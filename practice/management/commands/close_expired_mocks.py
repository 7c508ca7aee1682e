from django.core.management.base import BaseCommand

from practice.mocks.services import close_expired


class Command(BaseCommand):
    help = "Finish mock interviews whose deadline has passed, keeping the answers saved before it. Run from cron."

    def handle(self, *args, **options):
        closed = close_expired()
        self.stdout.write(f"Closed {closed} expired mock interview(s).")
