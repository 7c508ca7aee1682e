from django.apps import AppConfig
from django.db.models.signals import post_save


class BankConfig(AppConfig):
    name = "bank"
    verbose_name = "Question bank"

    def ready(self):
        from bank.caching import connect_signals
        from bank.models import Question
        from bank.semantic.vectors import on_question_saved

        connect_signals()
        # A question's vector follows its text (bank/semantic); a no-op without the semantic extra.
        post_save.connect(on_question_saved, sender=Question, dispatch_uid="bank-question-vector")
