"""`manage.py backup` and `manage.py restore`: a backup restored into an empty database loses nothing.

On SQLite always; on PostgreSQL in the PostgreSQL pass (DATABASE_URL=postgres://...), restoring into a
scratch database named after the test database, created empty and dropped afterwards.
"""

import datetime
import stat
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend
from django.utils import timezone

from config.backup import backup, restore
from practice.mocks import services as mock_services
from practice.models import Attempt, Bookmark, MockInterview, MockSlot, Note, Quiz, ReaderProfile, ReviewCard
from practice.study import services as study_services
from tests.factories import ChoiceFactory, QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)
READERS_TABLES = [
    get_user_model(),
    Attempt,
    ReviewCard,
    Note,
    Bookmark,
    ReaderProfile,
    Quiz,
    MockInterview,
    MockSlot,
]


@pytest.fixture
def readers_data(owner, other_user):
    """Months of practice in miniature: graded attempts, review cards, notes, bookmarks, a quiz, mocks."""
    questions = [QuestionFactory() for _ in range(3)]
    right = ChoiceFactory(is_correct=True)
    for reader in (owner, other_user):
        for question in questions[:2]:
            attempt = study_services.attempt_submit(
                user=reader,
                question=question,
                token=study_services.new_token(),
                answer="Canary, then **measure**.",
            )
            study_services.attempt_grade(attempt=attempt, grade=3, covered_key_points=[0])
        study_services.note_save(user=reader, question=questions[0], text="Say *rollback* first. Ünïcode ✓")
        study_services.bookmark_toggle(user=reader, question=questions[2])
        study_services.interview_date_set(user=reader, interview_date=datetime.date(2031, 5, 17))
        quiz, _ = study_services.quiz_start(user=reader)
        study_services.quiz_answer(
            user=reader, quiz=quiz, question=right.question, token=study_services.new_token(), choice=right
        )
        mock = mock_services.mock_start(
            user=reader, title="Loop 1", questions=questions, time_limit_seconds=1800, preset="platform"
        )
        slot = mock.slots.get(position=1)
        mock_services.mock_save_answer(slot=slot, answer="Half-typed answer, autosaved", revision=7)
    finished = mock_services.mock_start(
        user=owner, title="Loop 0", questions=questions[:1], time_limit_seconds=600, now=timezone.now()
    )
    mock_services.mock_finish(mock=finished)


def _snapshot(alias):
    """Every row of every table, in primary-key order.

    Unmanaged models are left out: SQLite's search index (bank.QuestionSearch) is derived from the
    questions, and its hidden columns read outside a search hold per-cursor values, not data.
    """
    return {
        model._meta.label: list(model.objects.using(alias).order_by("pk").values_list())
        for model in apps.get_models()
        if model._meta.managed
    }


@contextmanager
def _empty_database(tmp_path):
    """An empty database of the same engine as the tests' one, reachable as connections['restored']."""
    settings_dict = dict(connection.settings_dict)
    scratch = None
    if connection.vendor == "postgresql":
        scratch = f"{settings_dict['NAME']}_restore"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
            cursor.execute(f'CREATE DATABASE "{scratch}" TEMPLATE template0')
        settings_dict["NAME"] = scratch
    else:
        settings_dict["NAME"] = str(tmp_path / "empty.sqlite3")
    # Registered beside the test database for the ORM (.using("restored")), not in settings: the test
    # runner allows such a connection.
    connections["restored"] = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "restored")
    try:
        yield connections["restored"]
    finally:
        connections["restored"].close()
        del connections["restored"]
        if scratch:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')


def test_a_backup_restored_into_an_empty_database_loses_nothing(readers_data, tmp_path):
    before = _snapshot("default")
    for model in READERS_TABLES:
        assert before[model._meta.label], f"the test should hold some {model._meta.verbose_name_plural}"

    path = backup(connection, tmp_path / "site.backup")
    with _empty_database(tmp_path) as empty:
        assert empty.introspection.table_names() == []
        restore(empty, path)
        after = _snapshot("restored")

    assert after == before


def test_the_commands_bring_back_what_was_deleted_after_the_backup(readers_data, owner, tmp_path):
    output = tmp_path / "backups" / "site.backup"
    call_command("backup", output=str(output))
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    before = _snapshot("default")

    owner.delete()  # the owner's attempts, cards, notes and mocks go with the account
    assert not Attempt.objects.filter(user__username="owner").exists()
    call_command("restore", str(output), interactive=False)

    assert _snapshot("default") == before


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(readers_data, tmp_path):
    before = _snapshot("default")
    wrong = tmp_path / "notes.txt"
    wrong.write_text("not a database")
    with pytest.raises(CommandError, match="cannot be restored"):
        call_command("restore", str(wrong), interactive=False)
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing.dump"), interactive=False)
    assert _snapshot("default") == before


def test_restore_asks_before_replacing_the_database(readers_data, tmp_path, monkeypatch):
    path = backup(connection, tmp_path / "site.backup")
    Note.objects.all().delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(path))
    assert not Note.objects.exists()
