"""Write the bank from the database back to its text files (fixtures/), in the format loadbank reads.

An edit made in the admin becomes a reviewable diff in git. The output is canonical and stable:
`loadbank` then `dumpbank` leaves fixtures/ byte for byte as it was (tests/bank/test_dumpbank.py, and CI
on the real bank). Readers' practice data, their suggestions and their "I was asked this" reports are not content and never
go into the files; review dates, reviewers and where a company came from are content and do.
"""

import json
import shutil
from pathlib import Path

from django.conf import settings

from bank.bankfiles import PathDocument, render_path, render_question
from bank.loading import document_from_question
from bank.models import Company, CompanySource, Question, Role, StudyPath, Topic

TAXONOMY_HEADER = "# Topics, roles and companies. Topics appear on the home page in this order.\n"


def _toml(value):
    return json.dumps(value, ensure_ascii=False)


def render_taxonomy(topics, roles, companies):
    blocks = []
    for table, items, with_description in (
        ("topics", topics, True),
        ("roles", roles, True),
        ("companies", companies, False),
    ):
        for item in items:
            lines = [f"[[{table}]]", f"slug = {_toml(item.slug)}", f"name = {_toml(item.name)}"]
            if with_description and item.description:
                lines.append(f"description = {_toml(item.description)}")
            if table == "companies" and item.source != CompanySource.BANK:
                lines.append(f"source = {_toml(item.source)}")
            blocks.append("\n".join(lines) + "\n")
    return TAXONOMY_HEADER + "\n" + "\n".join(blocks)


def _write_if_changed(path, text):
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        return True
    return False


def dump_bank(directory):
    """Write every question, study path and the taxonomy; remove files of questions that are gone.

    Returns {"written": n, "unchanged": n, "removed": n} counted over files.
    """
    directory = Path(directory)
    counts = {"written": 0, "unchanged": 0, "removed": 0}
    for sub in ("questions", "paths", "diagrams"):
        (directory / sub).mkdir(parents=True, exist_ok=True)

    def write(path, text):
        counts["written" if _write_if_changed(path, text) else "unchanged"] += 1

    write(
        directory / "taxonomy.toml",
        render_taxonomy(
            Topic.objects.order_by("position", "pk"),
            Role.objects.order_by("pk"),
            Company.objects.order_by("pk"),
        ),
    )
    questions = (
        Question.objects.select_related("topic").prefetch_related("roles", "companies").order_by("slug")
    )
    wanted = set()
    for question in questions:
        wanted.add(f"{question.slug}.md")
        write(
            directory / "questions" / f"{question.slug}.md", render_question(document_from_question(question))
        )
        _copy_diagram(question.diagram, directory)
    for path in (directory / "questions").glob("*.md"):
        if path.name not in wanted:
            path.unlink()
            counts["removed"] += 1
    for path in StudyPath.objects.order_by("slug"):
        document = PathDocument(
            slug=path.slug,
            title=path.title,
            audience=path.audience,
            position=path.position,
            questions=list(path.steps.order_by("position").values_list("question__slug", flat=True)),
            introduction=path.introduction,
        )
        write(directory / "paths" / f"{path.slug}.md", render_path(document))
    return counts


def _copy_diagram(name, directory):
    """Diagrams are files, not rows: carry them along when dumping somewhere other than fixtures/."""
    if not name:
        return
    source = Path(settings.BANK_FIXTURES_DIR) / "diagrams" / name
    target = directory / "diagrams" / name
    if source.exists() and source.resolve() != target.resolve() and not target.exists():
        shutil.copyfile(source, target)
