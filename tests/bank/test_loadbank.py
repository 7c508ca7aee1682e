import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from bank.models import Choice, Company, Question, Role, SampleAnswer, Status, StudyPath, Topic

pytestmark = pytest.mark.django_db

TAXONOMY = """[[topics]]
slug = "serving-and-inference"
name = "Serving and inference"

[[roles]]
slug = "ml-engineer"
name = "ML engineer"

[[companies]]
slug = "netflix"
name = "Netflix"
"""

QUESTION = """+++
title = "Batch or online?"
topic = "serving-and-inference"
kind = "multiple-choice"
difficulty = "easy"
status = "published"
roles = ["ml-engineer"]
companies = ["netflix"]
tools = ["Redis"]
+++

# Prompt

Pick one.

# Why interviewers ask it

Basics.

# The trap

Always online.

# Key points

- Freshness decides.

# Sample answer

Batch unless freshness matters.

# Choices

## [x] Batch

Cheap.

## [ ] Online

Costly.
"""


@pytest.fixture
def bank_dir(tmp_path):
    (tmp_path / "questions").mkdir()
    (tmp_path / "paths").mkdir()
    (tmp_path / "taxonomy.toml").write_text(TAXONOMY)
    (tmp_path / "questions" / "batch-or-online.md").write_text(QUESTION)
    (tmp_path / "paths" / "start.md").write_text(
        '+++\ntitle = "Start"\naudience = "Everyone"\nposition = 1\nquestions = [\n  "batch-or-online",\n]\n+++\n\nBegin here.\n'
    )
    return tmp_path


def _load(folder, capsys):
    call_command("loadbank", "--dir", str(folder))
    return capsys.readouterr().out


def test_it_loads_every_item_and_reports_counts(bank_dir, capsys):
    out = _load(bank_dir, capsys)
    assert "questions: 1 created, 0 updated, 0 unchanged" in out
    assert "study paths: 1 created" in out
    question = Question.objects.get(slug="batch-or-online")
    assert question.status == Status.PUBLISHED
    assert [c.is_correct for c in question.choices.all()] == [True, False]
    assert question.answers.get().is_featured
    assert list(question.companies.values_list("slug", flat=True)) == ["netflix"]
    assert StudyPath.objects.get().steps.get().question == question


def test_a_second_run_changes_nothing(bank_dir, capsys):
    _load(bank_dir, capsys)
    before = Question.objects.get().updated_at
    out = _load(bank_dir, capsys)
    assert "questions: 0 created, 0 updated, 1 unchanged" in out
    assert "topics: 0 created, 0 updated, 1 unchanged" in out
    assert "study paths: 0 created, 0 updated, 1 unchanged" in out
    assert Question.objects.get().updated_at == before


def test_a_second_run_stores_a_fresh_rendering_where_the_pipeline_changed(bank_dir, capsys):
    _load(bank_dir, capsys)
    # As if the text had been saved by an older Markdown pipeline.
    Question.objects.update(prompt_html="<p>old rendering</p>")
    SampleAnswer.objects.update(body_html="<p>old rendering</p>")
    before = Question.objects.get().updated_at

    out = _load(bank_dir, capsys)

    assert "questions: 0 created, 0 updated, 1 unchanged" in out
    question = Question.objects.get()
    assert question.prompt_html == "<p>Pick one.</p>"
    assert question.answers.get().body_html not in {"", "<p>old rendering</p>"}
    assert question.updated_at == before
    assert question.history.count() == 1


def test_an_edited_file_updates_the_question_in_place(bank_dir, capsys):
    _load(bank_dir, capsys)
    choice_ids = list(Choice.objects.values_list("id", flat=True))
    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(path.read_text().replace("Pick one.", "Pick one, quickly."))
    out = _load(bank_dir, capsys)
    assert "questions: 0 created, 1 updated, 0 unchanged" in out
    assert Question.objects.get().prompt == "Pick one, quickly."
    assert list(Choice.objects.values_list("id", flat=True)) == choice_ids


def test_a_malformed_file_loads_nothing_and_names_the_file(bank_dir):
    (bank_dir / "questions" / "zz-broken.md").write_text(
        QUESTION.replace('difficulty = "easy"', 'difficulty = "brutal"')
    )
    with pytest.raises(CommandError) as error:
        call_command("loadbank", "--dir", str(bank_dir))
    assert "zz-broken.md" in str(error.value)
    assert "difficulty" in str(error.value)
    assert Question.objects.count() == 0
    assert Topic.objects.count() == 0


def test_an_unknown_company_is_reported_with_the_file(bank_dir):
    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(QUESTION.replace('companies = ["netflix"]', 'companies = ["initech"]'))
    with pytest.raises(CommandError, match="batch-or-online.md: unknown companies initech"):
        call_command("loadbank", "--dir", str(bank_dir))
    assert Company.objects.count() == 0


def test_a_diagram_that_is_not_in_the_folder_is_reported_with_the_file(bank_dir):
    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(
        QUESTION.replace(
            'tools = ["Redis"]', 'tools = ["Redis"]\ndiagram = "flow.svg"\ndiagram_alt = "The flow."'
        )
    )
    with pytest.raises(
        CommandError, match="batch-or-online.md: diagram 'flow.svg' is not in fixtures/diagrams/"
    ):
        call_command("loadbank", "--dir", str(bank_dir))
    (bank_dir / "diagrams").mkdir()
    (bank_dir / "diagrams" / "flow.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    call_command("loadbank", "--dir", str(bank_dir))
    assert Question.objects.get().diagram == "flow.svg"


def test_a_path_naming_a_missing_question_rolls_everything_back(bank_dir):
    (bank_dir / "paths" / "start.md").write_text(
        '+++\ntitle = "Start"\naudience = "Everyone"\nposition = 1\nquestions = [\n  "no-such-question",\n]\n+++\n\nBegin.\n'
    )
    with pytest.raises(CommandError, match="no-such-question"):
        call_command("loadbank", "--dir", str(bank_dir))
    assert Question.objects.count() == 0


def test_the_real_bank_loads_and_reloads_unchanged(tmp_path, capsys):
    shutil.copytree(settings.BANK_FIXTURES_DIR, tmp_path / "bank")
    first = _load(tmp_path / "bank", capsys)
    files = len(list((tmp_path / "bank" / "questions").glob("*.md")))
    assert f"questions: {files} created" in first
    second = _load(tmp_path / "bank", capsys)
    assert f"questions: 0 created, 0 updated, {files} unchanged" in second
    assert (
        Role.objects.exists()
        and SampleAnswer.objects.count() >= files - Question.objects.filter(kind="multiple-choice").count()
    )


def test_a_reviewer_and_a_company_source_are_loaded_from_the_files(bank_dir, capsys):
    (bank_dir / "taxonomy.toml").write_text(
        TAXONOMY + '\n[[companies]]\nslug = "acme"\nname = "Acme"\nsource = "reader"\n'
    )
    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(
        path.read_text().replace(
            'tools = ["Redis"]\n', 'tools = ["Redis"]\nreviewed = 2026-11-02\nreviewed_by = "Ana Lima"\n'
        )
    )
    _load(bank_dir, capsys)
    question = Question.objects.get()
    assert (str(question.reviewed_on), question.reviewed_by) == ("2026-11-02", "Ana Lima")
    assert dict(Company.objects.values_list("slug", "source")) == {"netflix": "bank", "acme": "reader"}


def test_a_bad_company_source_names_the_file_and_the_entry_and_loads_nothing(bank_dir):
    (bank_dir / "taxonomy.toml").write_text(
        TAXONOMY.replace('name = "Netflix"\n', 'name = "Netflix"\nsource = "rumour"\n')
    )
    with pytest.raises(CommandError) as error:
        call_command("loadbank", "--dir", str(bank_dir))
    assert "taxonomy.toml: companies item 1 (netflix): `source` is bank or reader, not 'rumour'" in str(
        error.value
    )
    assert Company.objects.count() == 0 and Question.objects.count() == 0


def test_a_reviewer_without_a_review_date_is_an_error_naming_the_file(bank_dir):
    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(
        path.read_text().replace('tools = ["Redis"]\n', 'tools = ["Redis"]\nreviewed_by = "Ana"\n')
    )
    with pytest.raises(CommandError, match=r"batch-or-online\.md: `reviewed_by` needs the `reviewed` date"):
        call_command("loadbank", "--dir", str(bank_dir))
    assert Question.objects.count() == 0


def _many_questions(bank_dir, count):
    for index in range(count):
        (bank_dir / "questions" / f"q-{index:03d}.md").write_text(
            QUESTION.replace("Batch or online?", f"Q {index}")
        )


def test_a_large_bank_draws_a_progress_bar_on_stderr_and_keeps_the_report_on_stdout(bank_dir, capsys):
    _many_questions(bank_dir, 120)
    call_command("loadbank", "--dir", str(bank_dir))
    out, err = capsys.readouterr()
    assert "questions: 121 created, 0 updated, 0 unchanged" in out
    assert "[##############################] 121/121 questions" in err
    assert "#" not in out


def test_a_small_bank_draws_no_progress_bar(bank_dir, capsys):
    call_command("loadbank", "--dir", str(bank_dir))
    assert "questions" not in capsys.readouterr().err


def test_loading_rebuilds_each_question_s_search_index_once_not_once_per_answer(
    bank_dir, capsys, monkeypatch
):
    import bank.search

    path = bank_dir / "questions" / "batch-or-online.md"
    path.write_text(
        path.read_text().replace(
            "# Choices",
            "# Another answer: Short\n\nShort one.\n\n# Another answer: Long\n\nLong one.\n\n# Choices",
        )
    )
    built = []
    real = bank.search.build_search_text
    monkeypatch.setattr(
        bank.search, "build_search_text", lambda question: built.append(question.slug) or real(question)
    )
    _load(bank_dir, capsys)
    assert built == ["batch-or-online"]
    question = Question.objects.get()
    assert question.answers.count() == 3
    assert "Long one." in question.search_text and "Short one." in question.search_text
