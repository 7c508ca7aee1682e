"""Load the bank's text files (fixtures/) into the database: all of it, or nothing."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from bank.bankfiles import (
    AnswerDocument,
    BankFileError,
    ChoiceDocument,
    FollowUpDocument,
    QuestionDocument,
    parse_path,
    parse_question,
)
from bank.models import (
    Choice,
    Company,
    CompanySource,
    Question,
    Role,
    SampleAnswer,
    StudyPath,
    StudyPathStep,
    Topic,
)
from bank.search import one_refresh_per_question


class BankLoadError(Exception):
    """What is wrong, with the file (and item) it is in. Nothing was written."""


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind, outcome):
        tally = getattr(self, outcome)
        tally[kind] = tally.get(kind, 0) + 1

    def lines(self):
        kinds = ["topics", "roles", "companies", "questions", "study paths"]
        return [
            f"{kind}: {self.created.get(kind, 0)} created, {self.updated.get(kind, 0)} updated, "
            f"{self.unchanged.get(kind, 0)} unchanged"
            for kind in kinds
        ]


def document_from_question(question):
    """The text-file view of a question in the database (compare with a parsed file, or render it)."""
    answers = list(question.answers.order_by("-is_featured", "position", "id"))
    return QuestionDocument(
        slug=question.slug,
        title=question.title,
        topic=question.topic.slug,
        kind=question.kind,
        difficulty=question.difficulty,
        status=question.status,
        roles=sorted(role.slug for role in question.roles.all()),
        companies=sorted(company.slug for company in question.companies.all()),
        tools=list(question.tools),
        prompt=question.prompt,
        why_asked=question.why_asked,
        trap=question.trap,
        key_points=list(question.key_points),
        thirty_second=question.thirty_second,
        red_flags=list(question.red_flags),
        follow_ups=[
            FollowUpDocument(item["question"], item.get("answer", "")) for item in question.follow_ups
        ],
        links=[{"title": link["title"], "url": link["url"]} for link in question.links],
        sources=list(question.sources),
        reviewed=question.reviewed_on,
        reviewed_by=question.reviewed_by,
        diagram=question.diagram,
        diagram_alt=question.diagram_alt,
        answers=[
            AnswerDocument(answer.title if index else "", answer.body) for index, answer in enumerate(answers)
        ],
        choices=[
            ChoiceDocument(c.text, c.is_correct, c.explanation)
            for c in question.choices.order_by("position", "id")
        ],
    )


def _read_taxonomy(directory):
    path = directory / "taxonomy.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BankLoadError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise BankLoadError(f"{path}: not valid TOML: {error}") from error
    taxonomy = {}
    for kind in ("topics", "roles", "companies"):
        items = data.get(kind, [])
        seen = set()
        for number, item in enumerate(items, start=1):
            if not isinstance(item.get("slug"), str) or not isinstance(item.get("name"), str):
                raise BankLoadError(f"{path}: {kind} item {number} needs a `slug` and a `name`")
            if item["slug"] in seen:
                raise BankLoadError(f"{path}: {kind} item {number}: slug {item['slug']!r} appears twice")
            if kind == "companies" and item.get("source", CompanySource.BANK) not in CompanySource.values:
                raise BankLoadError(
                    f"{path}: companies item {number} ({item['slug']}): `source` is "
                    f"{' or '.join(CompanySource.values)}, not {item['source']!r}"
                )
            seen.add(item["slug"])
        taxonomy[kind] = items
    return taxonomy


def _read_documents(directory, parse):
    documents = []
    for path in sorted(directory.glob("*.md")):
        try:
            documents.append(parse(path.stem, path.read_text(encoding="utf-8")))
        except (BankFileError, UnicodeDecodeError) as error:
            raise BankLoadError(f"{path}: {error}") from error
    return documents


def _check_references(documents, taxonomy, directory):
    known = {kind: {item["slug"] for item in items} for kind, items in taxonomy.items()}
    for document in documents:
        where = directory / f"{document.slug}.md"
        if document.topic not in known["topics"]:
            raise BankLoadError(f"{where}: unknown topic {document.topic!r} (not in taxonomy.toml)")
        for kind, values in (("roles", document.roles), ("companies", document.companies)):
            missing = sorted(set(values) - known[kind])
            if missing:
                raise BankLoadError(f"{where}: unknown {kind} {', '.join(missing)} (not in taxonomy.toml)")
        if any(not answer.body.strip() for answer in document.answers):
            raise BankLoadError(f"{where}: a sample answer section is empty")
        if document.diagram and not (directory.parent / "diagrams" / document.diagram).is_file():
            raise BankLoadError(f"{where}: diagram {document.diagram!r} is not in fixtures/diagrams/")


def _upsert_simple(model, kind, items, report, extra=None):
    objects = {}
    for index, item in enumerate(items):
        values = {"name": item["name"], "description": item.get("description", "")}
        if extra:
            values.update(extra(index))
        obj = model.objects.filter(slug=item["slug"]).first()
        if obj is None:
            obj = model.objects.create(slug=item["slug"], **values)
            report.count(kind, "created")
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            report.count(kind, "updated")
        else:
            report.count(kind, "unchanged")
        objects[item["slug"]] = obj
    return objects


def _sync_rows(existing, wanted, update, create):
    """Update rows in place by position (keeping their ids), create extra ones, delete leftovers."""
    for index, item in enumerate(wanted):
        if index < len(existing):
            update(existing[index], index, item)
        else:
            create(index, item)
    for row in existing[len(wanted) :]:
        row.delete()


def _render_again_if_stale(question):
    """Store a fresh rendering where the Markdown pipeline has changed since the text was saved.

    The text is the same, so this writes only the stored HTML: no new history version, no new
    "updated" date, no search refresh.
    """
    for row in [question, *question.answers.all(), *question.choices.all()]:
        stored = {name: getattr(row, name) for name in row.RENDERED_FIELDS}
        row.render()
        fresh = {name: getattr(row, name) for name in row.RENDERED_FIELDS}
        if fresh != stored:
            type(row).objects.filter(pk=row.pk).update(**fresh)


def _apply_question(document, question, topics, roles, companies):
    question.title = document.title
    question.topic = topics[document.topic]
    question.kind = document.kind
    question.difficulty = document.difficulty
    question.status = document.status
    question.tools = document.tools
    question.prompt = document.prompt
    question.why_asked = document.why_asked
    question.trap = document.trap
    question.thirty_second = document.thirty_second
    question.key_points = document.key_points
    question.red_flags = document.red_flags
    question.follow_ups = [{"question": item.question, "answer": item.answer} for item in document.follow_ups]
    question.links = document.links
    question.sources = document.sources
    question.reviewed_on = document.reviewed
    question.reviewed_by = document.reviewed_by
    question.diagram, question.diagram_alt = document.diagram, document.diagram_alt
    question.save()
    question.roles.set([roles[slug] for slug in document.roles])
    question.companies.set([companies[slug] for slug in document.companies])

    def update_answer(answer, index, item):
        answer.title, answer.body, answer.position, answer.is_featured = (
            item.title,
            item.body,
            index,
            index == 0,
        )
        answer.save()

    def create_answer(index, item):
        SampleAnswer.objects.create(
            question=question, title=item.title, body=item.body, position=index, is_featured=index == 0
        )

    answers = list(question.answers.order_by("-is_featured", "position", "id"))
    for answer in answers:  # clear the featured flag first so the one-featured constraint holds throughout
        if answer.is_featured:
            SampleAnswer.objects.filter(pk=answer.pk).update(is_featured=False)
            answer.is_featured = False
    _sync_rows(answers, document.answers, update_answer, create_answer)

    def update_choice(choice, index, item):
        choice.text, choice.is_correct, choice.explanation, choice.position = (
            item.text,
            item.is_correct,
            item.explanation,
            index,
        )
        choice.save()

    def create_choice(index, item):
        Choice.objects.create(
            question=question,
            text=item.text,
            is_correct=item.is_correct,
            explanation=item.explanation,
            position=index,
        )

    _sync_rows(
        list(question.choices.order_by("position", "id")), document.choices, update_choice, create_choice
    )


def _load_paths(documents, directory, report):
    questions = {
        q.slug: q for q in Question.objects.filter(slug__in={s for d in documents for s in d.questions})
    }
    for document in documents:
        position = document.position
        missing = [slug for slug in document.questions if slug not in questions]
        if missing:
            raise BankLoadError(
                f"{directory / (document.slug + '.md')}: unknown question(s) {', '.join(missing)}"
            )
        path = StudyPath.objects.filter(slug=document.slug).first()
        current = None
        if path is not None:
            current = (
                path.title,
                path.audience,
                path.introduction,
                path.position,
                list(path.steps.order_by("position").values_list("question__slug", flat=True)),
            )
        wanted = (document.title, document.audience, document.introduction, position, document.questions)
        if current == wanted:
            report.count("study paths", "unchanged")
            continue
        report.count("study paths", "created" if path is None else "updated")
        path = path or StudyPath(slug=document.slug)
        path.title, path.audience, path.introduction, path.position = wanted[:4]
        path.save()
        path.steps.all().delete()
        StudyPathStep.objects.bulk_create(
            StudyPathStep(path=path, question=questions[slug], position=index)
            for index, slug in enumerate(document.questions, start=1)
        )


def load_bank(directory, progress=None):
    """Read every file first; if all are well formed, write them in one transaction.

    `progress(done, total)` is called after each question, if given (the command draws a bar).
    Each question's search index is rebuilt once, after its answers are in.
    """
    directory = Path(directory)
    taxonomy = _read_taxonomy(directory)
    documents = _read_documents(directory / "questions", parse_question)
    _check_references(documents, taxonomy, directory / "questions")
    paths = _read_documents(directory / "paths", parse_path) if (directory / "paths").is_dir() else []

    report = LoadReport()
    with transaction.atomic():
        topics = _upsert_simple(Topic, "topics", taxonomy["topics"], report, extra=lambda i: {"position": i})
        roles = _upsert_simple(Role, "roles", taxonomy["roles"], report)
        companies = _upsert_simple(
            Company,
            "companies",
            taxonomy["companies"],
            report,
            extra=lambda i: {"source": taxonomy["companies"][i].get("source", CompanySource.BANK)},
        )
        existing = {
            q.slug: q
            for q in Question.objects.filter(slug__in=[d.slug for d in documents])
            .select_related("topic")
            .prefetch_related("roles", "companies")
        }
        for done, document in enumerate(documents, start=1):
            question = existing.get(document.slug)
            if question is not None and document_from_question(question) == document:
                report.count("questions", "unchanged")
                _render_again_if_stale(question)
            else:
                report.count("questions", "created" if question is None else "updated")
                with one_refresh_per_question():
                    _apply_question(
                        document, question or Question(slug=document.slug), topics, roles, companies
                    )
            if progress:
                progress(done, len(documents))
        _load_paths(paths, directory / "paths", report)
    return report
