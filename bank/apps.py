from django.apps import AppConfig


class BankConfig(AppConfig):
    name = "bank"
    verbose_name = "Question bank"

    def ready(self):
        from bank.caching import connect_signals

        connect_signals()
