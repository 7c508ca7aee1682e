"""History of questions, answers and choices (django-simple-history), as readable word diffs."""

import difflib
import json
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from bank.models import Choice, SampleAnswer

TOKEN = re.compile(r"\s+|[^\s]+")
# Unchanged text longer than this around a change is cut to this much on each side, with "…" between.
CONTEXT = 80


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(
            json.dumps(item, ensure_ascii=False) if isinstance(item, dict) else str(item) for item in value
        )
    return str(value)


def _context(text, first, last):
    """Unchanged text beside a change, shortened to CONTEXT characters on the side(s) touching it."""
    keep_head, keep_tail = not first, not last  # after a change keep its start; before one, its end
    if (first and last) or len(text) <= CONTEXT * (keep_head + keep_tail) + 20:
        return escape(text)
    head = escape(text[:CONTEXT]) + " …" if keep_head else "…"
    return head + (" " + escape(text[-CONTEXT:]) if keep_tail else "")


def word_diff(old, new):
    """HTML of `new` against `old`: removed words in <del>, added words in <ins>, the unchanged text
    around them (long stretches shortened to CONTEXT characters each side)."""
    before, after = TOKEN.findall(_as_text(old)), TOKEN.findall(_as_text(new))
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            parts.append(_context("".join(before[i1:i2]), index == 0, index == len(opcodes) - 1))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


@dataclass
class FieldChange:
    label: str
    diff: str


@dataclass
class HistoryEntry:
    record: object
    subject: str
    changes: list[FieldChange] = field(default_factory=list)
    revert_url: str = ""


def readable_changes(record, previous):
    """What changed from `previous` to `record`, field by field, as word diffs."""
    if previous is None:
        return []
    delta = record.diff_against(previous)
    model = record.instance_type
    changes = []
    for change in delta.changes:
        try:
            label = str(model._meta.get_field(change.field).verbose_name)
        except Exception:  # a field no longer on the model
            label = change.field
        changes.append(FieldChange(label[:1].upper() + label[1:], word_diff(change.old, change.new)))
    return changes


def _entries(records, subject, url_name, id_field):
    """Entries for one object's records, newest first, each with its changes from the one before."""
    entries = []
    records = list(records)
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        entries.append(
            HistoryEntry(
                record=record,
                subject=subject(record),
                changes=readable_changes(record, previous),
                revert_url=reverse(url_name, args=[getattr(record, id_field), record.history_id]),
            )
        )
    return entries


def answers_and_choices_history(question):
    """Every recorded change to the question's answers and choices, newest first."""
    entries = []
    for model, subject, url_name in (
        (
            SampleAnswer,
            lambda r: f"Answer: {r.title or ('featured' if r.is_featured else 'another answer')}",
            "admin:bank_sampleanswer_simple_history",
        ),
        (Choice, lambda r: f"Choice: {r.text[:60]}", "admin:bank_choice_simple_history"),
    ):
        records = model.history.filter(question_id=question.pk).select_related("history_user")
        by_object = {}
        for record in records.order_by("-history_date", "-history_id"):
            by_object.setdefault(record.id, []).append(record)
        for object_records in by_object.values():
            entries.extend(_entries(object_records, subject, url_name, "id"))
    entries.sort(key=lambda entry: entry.record.history_date, reverse=True)
    return entries


def latest_change(answer, since):
    """The newest recorded change to `answer` made after `since`, or None."""
    return (
        SampleAnswer.history.filter(id=answer.pk, history_date__gt=since, history_type="~")
        .order_by("-history_date", "-history_id")
        .first()
    )


def change_url(record):
    """Where the admin shows a recorded answer version (and offers to revert to it)."""
    return reverse("admin:bank_sampleanswer_simple_history", args=[record.id, record.history_id])
