from django import template
from django.utils import timezone
from django.utils.html import format_html_join

from practice.study import selectors
from practice.study.forms import NoteForm
from practice.study.marks import list_marks

register = template.Library()


@register.filter
def duration(seconds):
    """1234 -> "20 min 34 s"; 45 -> "45 s"."""
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        return ""
    minutes, seconds = divmod(max(seconds, 0), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h {minutes} min"
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


@register.simple_tag
def chart_bars(bars, unit=""):
    """The <rect>s of a column chart (practice.study.charts), each titled "label: value". Written in one
    pass: as template nodes, the 90 bars of the activity chart were half of the dashboard's rendering."""
    return format_html_join(
        "",
        '<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}"><title>{}: {}{}</title></rect>',
        ((bar.x, bar.y, bar.width, bar.height, bar.label, bar.value, unit) for bar in bars),
    )


@register.filter
def came_due(due, today):
    """The review queue's "Due today" / "Due yesterday" / "Due 3 days ago", by the reader's local day.
    Days are what a queue needs; Django's timesince ("3 days, 4 hours") cost a third of the page."""
    days = (today - timezone.localtime(due).date()).days
    if days <= 0:
        return "Due today"
    if days == 1:
        return "Due yesterday"
    return f"Due {days:,} days ago"


@register.filter
def percent(share):
    """0.625 -> "63%"; None -> "–"."""
    if share is None:
        return "–"
    return f"{round(share * 100)}%"


@register.simple_tag(takes_context=True)
def reader_state(context, question):
    """What a question page shows the signed-in reader (attempts, bookmark, note), or None for a visitor.

    The bank's question page asks for it here, so the bank never imports practice:
    `{% reader_state question as reader %}`.
    """
    state = selectors.reader_state(context["request"].user, question)
    if state is not None:
        state.note_form = NoteForm(initial={"text": state.note.text if state.note else ""})
    return state


@register.filter
def hint_at(hints, index):
    """The key-point hint for key point `index` (a Hint or None), from an AnswerHints or None."""
    if hints is None:
        return None
    try:
        return hints.hints[int(index)]
    except (AttributeError, IndexError, TypeError, ValueError):
        return None


@register.simple_tag(takes_context=True)
def reader_marks(context, questions):
    """The signed-in reader's marks for a page of list rows: `{% reader_marks page.object_list as marks %}`."""
    return list_marks(context["request"].user, [question.pk for question in questions])


@register.filter
def mark_of(marks, question):
    """`marks|mark_of:question`: that row's ListMark, or None."""
    return marks.get(question.pk) if marks else None
