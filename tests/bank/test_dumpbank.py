"""dumpbank writes the bank back to fixtures/: loadbank then dumpbank changes no byte, and an edit in the
database becomes a diff in the files."""

import filecmp
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from bank.models import Question

pytestmark = pytest.mark.django_db
FIXTURES = Path(settings.BANK_FIXTURES_DIR)


def _quietly(*args, **options):
    call_command(*args, stdout=io.StringIO(), **options)


@pytest.fixture
def loaded():
    _quietly("loadbank")


def test_loadbank_then_dumpbank_reproduces_the_real_bank_byte_for_byte(loaded, tmp_path):
    _quietly("dumpbank", dir=str(tmp_path))
    for sub in ("questions", "paths", "diagrams"):
        ours = sorted(p.name for p in (FIXTURES / sub).iterdir())
        dumped = sorted(p.name for p in (tmp_path / sub).iterdir())
        assert dumped == ours, sub
        match, mismatch, errors = filecmp.cmpfiles(FIXTURES / sub, tmp_path / sub, ours, shallow=False)
        assert mismatch == [] and errors == [], mismatch[:5]
    assert (tmp_path / "taxonomy.toml").read_bytes() == (FIXTURES / "taxonomy.toml").read_bytes()


def test_an_edit_in_the_database_becomes_a_diff_in_the_files(loaded, tmp_path):
    _quietly("dumpbank", dir=str(tmp_path))
    question = Question.objects.get(slug="model-rollback-triggers")
    question.trap = "Saying **redeploy the old file** and stopping there."
    question.save()
    _quietly("dumpbank", dir=str(tmp_path))
    text = (tmp_path / "questions" / "model-rollback-triggers.md").read_text(encoding="utf-8")
    assert "# The trap\n\nSaying **redeploy the old file** and stopping there.\n\n# In 30 seconds" in text
    untouched = "feature-store-purpose.md"
    assert (tmp_path / "questions" / untouched).read_bytes() == (
        FIXTURES / "questions" / untouched
    ).read_bytes()


def test_a_deleted_question_loses_its_file(loaded, tmp_path):
    _quietly("dumpbank", dir=str(tmp_path))
    Question.objects.filter(slug="pickle-serialization-risks").delete()
    _quietly("dumpbank", dir=str(tmp_path))
    assert not (tmp_path / "questions" / "pickle-serialization-risks.md").exists()
    assert (tmp_path / "questions" / "feature-store-purpose.md").exists()
