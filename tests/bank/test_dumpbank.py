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


def test_review_marks_and_reader_companies_are_content_and_go_into_the_files(loaded, tmp_path):
    import datetime

    from bank.models import Company, CompanySource

    question = Question.objects.get(slug="model-rollback-triggers")
    question.reviewed_on, question.reviewed_by = datetime.date(2026, 12, 1), "Ana Lima"
    question.save()
    Company.objects.create(name="Acme Robotics", slug="acme-robotics", source=CompanySource.READER)
    _quietly("dumpbank", dir=str(tmp_path))
    text = (tmp_path / "questions" / "model-rollback-triggers.md").read_text(encoding="utf-8")
    assert 'reviewed = 2026-12-01\nreviewed_by = "Ana Lima"\n' in text
    taxonomy = (tmp_path / "taxonomy.toml").read_text(encoding="utf-8")
    assert '[[companies]]\nslug = "acme-robotics"\nname = "Acme Robotics"\nsource = "reader"\n' in taxonomy
    # And back: what was dumped loads and dumps again byte for byte.
    _quietly("loadbank", dir=str(tmp_path))
    again = tmp_path / "again"
    _quietly("dumpbank", dir=str(again))
    assert (again / "taxonomy.toml").read_bytes() == (tmp_path / "taxonomy.toml").read_bytes()
    assert (again / "questions" / "model-rollback-triggers.md").read_text(encoding="utf-8") == text


def test_readers_suggestions_and_reports_stay_out_of_the_files(loaded, tmp_path):
    from tests.factories import AskedReportFactory, SuggestionFactory

    question = Question.objects.get(slug="model-rollback-triggers")
    SuggestionFactory(answer=question.answers.first(), text="SECRET-SUGGESTION-TEXT")
    AskedReportFactory(question=question, company=None, new_company="Secretive Startup", state="pending")
    _quietly("dumpbank", dir=str(tmp_path))
    everything = "".join(
        p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.suffix in {".md", ".toml"}
    )
    assert "SECRET-SUGGESTION-TEXT" not in everything and "Secretive Startup" not in everything
    assert (tmp_path / "taxonomy.toml").read_bytes() == (FIXTURES / "taxonomy.toml").read_bytes()
