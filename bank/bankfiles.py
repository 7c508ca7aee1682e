"""The bank's text format (see fixtures/README.md): parse a file into a document, render it back.

`render_question(parse_question(text)) == text` for any file in canonical form, so the files in
fixtures/ and what the database holds can be compared and written back byte for byte.
"""

import datetime
import json
import re
import tomllib
from dataclasses import dataclass, field

from bank.models import Difficulty, Kind, Status

FRONT_MATTER = "+++"
SECTION_PROMPT = "Prompt"
SECTION_WHY = "Why interviewers ask it"
SECTION_TRAP = "The trap"
SECTION_THIRTY_SECONDS = "In 30 seconds"
SECTION_KEY_POINTS = "Key points"
SECTION_RED_FLAGS = "Red flags"
SECTION_FOLLOW_UPS = "Follow-ups"
SECTION_LINKS = "Learn more"
SECTION_ANSWER = "Sample answer"
ANOTHER_ANSWER = "Another answer: "
SECTION_CHOICES = "Choices"
SECTION_ORDER = [
    SECTION_PROMPT,
    SECTION_WHY,
    SECTION_TRAP,
    SECTION_THIRTY_SECONDS,
    SECTION_KEY_POINTS,
    SECTION_RED_FLAGS,
    SECTION_FOLLOW_UPS,
    SECTION_LINKS,
    SECTION_ANSWER,
    SECTION_CHOICES,
]
REQUIRED_SECTIONS = [SECTION_PROMPT, SECTION_WHY, SECTION_TRAP, SECTION_KEY_POINTS]
QUESTION_KEYS = [
    "title",
    "topic",
    "kind",
    "difficulty",
    "status",
    "roles",
    "companies",
    "tools",
    "sources",
    "reviewed",
    "reviewed_by",
    "diagram",
    "diagram_alt",
]
PATH_KEYS = ["title", "audience", "position", "questions"]
LINK_ITEM = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>https?://[^\s)]+)\)$")
CHOICE_HEADING = re.compile(r"^## \[(?P<mark>[ xX])\] (?P<text>.+)$")
FOLLOW_UP_HEADING = re.compile(r"^## (?P<question>.+)$")
SOURCE_URL = re.compile(r"^https?://\S+$")
DIAGRAM_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.svg$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


class BankFileError(ValueError):
    """A malformed bank file. The message names what is wrong; the loader adds the file."""


@dataclass
class AnswerDocument:
    title: str
    body: str


@dataclass
class ChoiceDocument:
    text: str
    is_correct: bool
    explanation: str


@dataclass
class FollowUpDocument:
    question: str
    answer: str


@dataclass
class QuestionDocument:
    slug: str
    title: str
    topic: str
    kind: str
    difficulty: str
    status: str
    roles: list[str]
    companies: list[str]
    tools: list[str]
    prompt: str
    why_asked: str
    trap: str
    key_points: list[str]
    thirty_second: str = ""
    red_flags: list[str] = field(default_factory=list)
    follow_ups: list[FollowUpDocument] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    answers: list[AnswerDocument] = field(default_factory=list)
    choices: list[ChoiceDocument] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    reviewed: datetime.date | None = None
    reviewed_by: str = ""
    diagram: str = ""
    diagram_alt: str = ""


@dataclass
class PathDocument:
    slug: str
    title: str
    audience: str
    position: int
    questions: list[str]
    introduction: str


# Parsing ---------------------------------------------------------------------------------------------


def split_front_matter(text):
    """(front matter dict, body) of a `+++` delimited file."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise BankFileError("the file must start with a `+++` line opening the front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER)
    except StopIteration:
        raise BankFileError("the front matter is never closed with a `+++` line") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        raise BankFileError(f"the front matter is not valid TOML: {error}") from error
    return meta, "\n".join(lines[end + 1 :])


def split_sections(body):
    """[(heading, text)] for each level-one heading outside fenced code."""
    sections = []
    fence = None
    for line in body.split("\n"):
        match = FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        if fence is None and line.startswith("# "):
            sections.append([line[2:].strip(), []])
        elif sections:
            sections[-1][1].append(line)
        elif line.strip():
            raise BankFileError(f"text before the first `# ` section heading: {line.strip()[:60]!r}")
    return [(heading, "\n".join(lines).strip("\n")) for heading, lines in sections]


def _list_items(text, section):
    items = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith((" ", "\t")):
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            raise BankFileError(
                f"section `# {section}`: every item must start with `- `, not {line.strip()[:60]!r}"
            )
    return items


def _links(text):
    links = []
    for item in _list_items(text, SECTION_LINKS):
        match = LINK_ITEM.match(item)
        if not match:
            raise BankFileError(
                f"section `# {SECTION_LINKS}`: write each link as `- [Title](https://…)`, not {item[:80]!r}"
            )
        links.append({"title": match.group("title").strip(), "url": match.group("url")})
    return links


def _choices(text):
    choices = []
    for line in text.split("\n"):
        match = CHOICE_HEADING.match(line)
        if match:
            choices.append([match.group("text").strip(), match.group("mark") != " ", []])
        elif choices:
            choices[-1][2].append(line)
        elif line.strip():
            raise BankFileError(f"section `# {SECTION_CHOICES}`: start each option with `## [x]` or `## [ ]`")
    return [ChoiceDocument(text, correct, "\n".join(lines).strip("\n")) for text, correct, lines in choices]


def parse_follow_ups(text):
    """`## The question?` then its answer, for each follow-up."""
    follow_ups = []
    fence = None
    for line in text.split("\n"):
        if FENCE.match(line):
            fence = None if fence else line
        match = FOLLOW_UP_HEADING.match(line) if fence is None else None
        if match:
            follow_ups.append([match.group("question").strip(), []])
        elif follow_ups:
            follow_ups[-1][1].append(line)
        elif line.strip():
            raise BankFileError(
                f"section `# {SECTION_FOLLOW_UPS}`: open each follow-up with `## The question?`, "
                f"not {line.strip()[:60]!r}"
            )
    return [FollowUpDocument(question, "\n".join(lines).strip("\n")) for question, lines in follow_ups]


def _sources(meta):
    sources = _string_list(meta, "sources")
    for url in sources:
        if not SOURCE_URL.match(url):
            raise BankFileError(f"`sources` holds web addresses (https://…), not {url[:80]!r}")
    return sources


def _reviewed(meta):
    value = meta.get("reviewed")
    if value is None:
        return None
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise BankFileError("`reviewed` is a date written bare, like `reviewed = 2026-11-29`")
    return value


def _reviewed_by(meta, reviewed):
    value = meta.get("reviewed_by", "")
    if not isinstance(value, str) or len(value) > 100:
        raise BankFileError("`reviewed_by` names the reviewer in at most 100 characters")
    if value and reviewed is None:
        raise BankFileError("`reviewed_by` needs the `reviewed` date it belongs to")
    return value.strip()


def _diagram(meta):
    name, alt = meta.get("diagram", ""), meta.get("diagram_alt", "")
    if bool(name) != bool(alt):
        raise BankFileError("`diagram` and `diagram_alt` go together: a picture needs its text alternative")
    if name and (not isinstance(name, str) or not DIAGRAM_NAME.match(name)):
        raise BankFileError(
            f"`diagram` names an .svg file in fixtures/diagrams/, like `rag-flow.svg`, not {name!r}"
        )
    if alt and not isinstance(alt, str):
        raise BankFileError("`diagram_alt` must be text")
    return name, alt


def _string_list(meta, key):
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise BankFileError(f"`{key}` must be a list of non-empty strings")
    return value


def _string(meta, key):
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BankFileError(f"`{key}` is missing or empty")
    return value


def _choice_value(meta, key, choices):
    value = _string(meta, key)
    if value not in choices:
        raise BankFileError(f"`{key}` must be one of {', '.join(choices)}, not {value!r}")
    return value


def parse_question(slug, text):
    meta, body = split_front_matter(text)
    unknown = sorted(set(meta) - set(QUESTION_KEYS))
    if unknown:
        raise BankFileError(f"unknown front matter key(s): {', '.join(unknown)}")
    document = QuestionDocument(
        slug=slug,
        title=_string(meta, "title"),
        topic=_string(meta, "topic"),
        kind=_choice_value(meta, "kind", Kind.values),
        difficulty=_choice_value(meta, "difficulty", Difficulty.values),
        status=_choice_value(meta, "status", Status.values),
        roles=sorted(_string_list(meta, "roles")),
        companies=sorted(_string_list(meta, "companies")),
        tools=_string_list(meta, "tools"),
        prompt="",
        why_asked="",
        trap="",
        key_points=[],
        sources=_sources(meta),
        reviewed=_reviewed(meta),
    )
    document.reviewed_by = _reviewed_by(meta, document.reviewed)
    document.diagram, document.diagram_alt = _diagram(meta)
    seen = []
    for heading, content in split_sections(body):
        if heading.startswith(ANOTHER_ANSWER):
            if SECTION_ANSWER not in seen:
                raise BankFileError(f"`# {heading}` must come after `# {SECTION_ANSWER}`")
            document.answers.append(AnswerDocument(heading[len(ANOTHER_ANSWER) :].strip(), content))
            continue
        if heading not in SECTION_ORDER:
            raise BankFileError(f"unknown section `# {heading}`; sections are: {', '.join(SECTION_ORDER)}")
        if heading in seen:
            raise BankFileError(f"section `# {heading}` appears twice")
        if seen and SECTION_ORDER.index(heading) < SECTION_ORDER.index(seen[-1]):
            raise BankFileError(f"section `# {heading}` must come before `# {seen[-1]}`")
        seen.append(heading)
        if heading == SECTION_PROMPT:
            document.prompt = content
        elif heading == SECTION_WHY:
            document.why_asked = content
        elif heading == SECTION_TRAP:
            document.trap = content
        elif heading == SECTION_THIRTY_SECONDS:
            document.thirty_second = content
        elif heading == SECTION_KEY_POINTS:
            document.key_points = _list_items(content, heading)
        elif heading == SECTION_RED_FLAGS:
            document.red_flags = _list_items(content, heading)
        elif heading == SECTION_FOLLOW_UPS:
            document.follow_ups = parse_follow_ups(content)
        elif heading == SECTION_LINKS:
            document.links = _links(content)
        elif heading == SECTION_ANSWER:
            document.answers.insert(0, AnswerDocument("", content))
        elif heading == SECTION_CHOICES:
            document.choices = _choices(content)
    for heading in REQUIRED_SECTIONS:
        if heading not in seen:
            raise BankFileError(f"section `# {heading}` is missing")
    if not document.prompt.strip():
        raise BankFileError(f"section `# {SECTION_PROMPT}` is empty")
    if document.kind == Kind.MULTIPLE_CHOICE:
        if len(document.choices) < 2 or sum(choice.is_correct for choice in document.choices) != 1:
            raise BankFileError("a multiple-choice question needs at least two options and exactly one `[x]`")
    elif document.choices:
        raise BankFileError(f"only multiple-choice questions have a `# {SECTION_CHOICES}` section")
    return document


def parse_path(slug, text):
    meta, body = split_front_matter(text)
    unknown = sorted(set(meta) - set(PATH_KEYS))
    if unknown:
        raise BankFileError(f"unknown front matter key(s): {', '.join(unknown)}")
    questions = _string_list(meta, "questions")
    if not questions:
        raise BankFileError("`questions` lists no question")
    if len(set(questions)) != len(questions):
        raise BankFileError("`questions` lists a question twice")
    position = meta.get("position")
    if not isinstance(position, int) or isinstance(position, bool) or position < 1:
        raise BankFileError("`position` (where the path appears in the list, 1 first) must be a whole number")
    return PathDocument(
        slug, _string(meta, "title"), _string(meta, "audience"), position, questions, body.strip("\n")
    )


# Rendering -------------------------------------------------------------------------------------------


def _toml_string(value):
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def _toml_list(values):
    return "[" + ", ".join(_toml_string(value) for value in values) + "]"


def render_follow_ups(follow_ups):
    return "\n\n".join(
        f"## {item.question}\n\n{item.answer}" if item.answer else f"## {item.question}"
        for item in follow_ups
    )


def render_question(document):
    lines = [
        FRONT_MATTER,
        f"title = {_toml_string(document.title)}",
        f"topic = {_toml_string(document.topic)}",
        f"kind = {_toml_string(document.kind)}",
        f"difficulty = {_toml_string(document.difficulty)}",
        f"status = {_toml_string(document.status)}",
        f"roles = {_toml_list(sorted(document.roles))}",
        f"companies = {_toml_list(sorted(document.companies))}",
        f"tools = {_toml_list(document.tools)}",
    ]
    if document.sources:
        lines.append(f"sources = {_toml_list(document.sources)}")
    if document.reviewed:
        lines.append(f"reviewed = {document.reviewed.isoformat()}")
    if document.reviewed_by:
        lines.append(f"reviewed_by = {_toml_string(document.reviewed_by)}")
    if document.diagram:
        lines.append(f"diagram = {_toml_string(document.diagram)}")
        lines.append(f"diagram_alt = {_toml_string(document.diagram_alt)}")
    lines.append(FRONT_MATTER)
    blocks = [
        (SECTION_PROMPT, document.prompt),
        (SECTION_WHY, document.why_asked),
        (SECTION_TRAP, document.trap),
    ]
    if document.thirty_second:
        blocks.append((SECTION_THIRTY_SECONDS, document.thirty_second))
    blocks.append((SECTION_KEY_POINTS, "\n".join(f"- {item}" for item in document.key_points)))
    if document.red_flags:
        blocks.append((SECTION_RED_FLAGS, "\n".join(f"- {item}" for item in document.red_flags)))
    if document.follow_ups:
        blocks.append((SECTION_FOLLOW_UPS, render_follow_ups(document.follow_ups)))
    if document.links:
        blocks.append(
            (SECTION_LINKS, "\n".join(f"- [{link['title']}]({link['url']})" for link in document.links))
        )
    for index, answer in enumerate(document.answers):
        heading = SECTION_ANSWER if index == 0 else f"{ANOTHER_ANSWER}{answer.title}"
        blocks.append((heading, answer.body))
    if document.choices:
        options = []
        for choice in document.choices:
            option = f"## [{'x' if choice.is_correct else ' '}] {choice.text}"
            options.append(f"{option}\n\n{choice.explanation}" if choice.explanation else option)
        blocks.append((SECTION_CHOICES, "\n\n".join(options)))
    text = "\n".join(lines) + "\n"
    for heading, content in blocks:
        text += f"\n# {heading}\n"
        if content:
            text += f"\n{content}\n"
    return text


def render_path(document):
    questions = "".join(f"  {_toml_string(slug)},\n" for slug in document.questions)
    return (
        f"{FRONT_MATTER}\n"
        f"title = {_toml_string(document.title)}\n"
        f"audience = {_toml_string(document.audience)}\n"
        f"position = {document.position}\n"
        f"questions = [\n{questions}]\n"
        f"{FRONT_MATTER}\n\n"
        f"{document.introduction}\n"
    )
