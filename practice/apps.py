from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice"

    def ready(self):
        # Readers' reports add a filter and a sort to the bank's question list (bank never imports practice).
        from practice.community import listing
        from practice.study import tallies

        listing.register()
        tallies.connect_signals()
