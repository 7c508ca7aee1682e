"""Reads. The HTML pages and the JSON API both list questions through `question_list`."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict

from bank.filters import FILTER_PARAMS, QuestionFilter
from bank.models import Difficulty, Kind, Question, SampleAnswer, Status, Topic

FACET_FIELDS = {
    # facet name: (label, value field, name field)
    "topic": ("Topic", "topic__slug", "topic__name"),
    "role": ("Role", "roles__slug", "roles__name"),
    "company": ("Company", "companies__slug", "companies__name"),
    "difficulty": ("Difficulty", "difficulty", None),
    "kind": ("Kind", "kind", None),
}
CHOICE_LABELS = {"difficulty": dict(Difficulty.choices), "kind": dict(Kind.choices)}
# Far beyond any real list; a larger `pos` is tampering and gets no previous / next.
MAX_LIST_POSITION = 10_000_000


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class QuestionList:
    params: QueryDict
    errors: dict[str, str] = field(default_factory=dict)
    page: Page | None = None
    facets: list[Facet] = field(default_factory=list)
    # Readable names of the active filters, e.g. {"company": "Netflix", "difficulty": "Hard"}.
    chosen: dict[str, str] = field(default_factory=dict)

    @property
    def is_valid(self):
        return not self.errors

    @property
    def search_text(self):
        return self.chosen.get("q", "")


def _positive_int(params, name, default, maximum=None):
    raw = params.get(name)
    if raw in (None, ""):
        return default, None
    try:
        value = int(raw)
    except ValueError:
        return default, f"{name} must be a whole number, not “{raw[:40]}”."
    if value < 1:
        return default, f"{name} must be 1 or more, not {value}."
    if maximum is not None and value > maximum:
        return default, f"{name} must be at most {maximum}, not {value}."
    return value, None


def _readable(cleaned_data):
    chosen = {}
    for name in FILTER_PARAMS:
        value = cleaned_data.get(name)
        if value:
            chosen[name] = CHOICE_LABELS[name][value] if name in CHOICE_LABELS else str(value)
    return chosen


def filtered_questions(params, chosen=None):
    """(queryset, errors): published questions matching the filters in `params`, in list order.

    Pass a dict as `chosen` to receive readable names of the active filters.
    """
    filterset = QuestionFilter(params, queryset=Question.objects.published())
    if not filterset.is_valid():
        errors = {name: " ".join(messages) for name, messages in filterset.errors.items()}
        return Question.objects.none(), errors
    if chosen is not None:
        chosen.update(_readable(filterset.form.cleaned_data))
    # Question.Meta orders by title; a search on PostgreSQL re-orders by rank (bank.search).
    return filterset.qs, {}


def facet_counts(params, name):
    """Counts per value of facet `name`, under every active filter but its own."""
    label, value_field, name_field = FACET_FIELDS[name]
    others = params.copy()
    others.pop(name, None)
    queryset, _ = filtered_questions(others)
    fields = [value_field] + ([name_field] if name_field else [])
    rows = (
        queryset.order_by()
        .filter(**{f"{value_field}__isnull": False})
        .values(*fields)
        .annotate(count=Count("id", distinct=True))
    )
    selected = params.get(name, "")
    labels = CHOICE_LABELS.get(name)
    options = [
        FacetOption(
            value=row[value_field],
            label=labels[row[value_field]] if labels else row[name_field],
            count=row["count"],
            selected=row[value_field] == selected,
        )
        for row in rows
    ]
    if labels:
        order = list(labels)
        options.sort(key=lambda option: order.index(option.value))
    else:
        options.sort(key=lambda option: (-option.count, option.label))
    return Facet(name=name, label=label, options=options)


def question_list(params, *, with_facets=True, default_page_size=None):
    """Filter, search and paginate published questions. Bad parameters come back in `.errors`."""
    result = QuestionList(params=params)
    page_size, error = _positive_int(
        params, "page_size", default_page_size or settings.QUESTIONS_PER_PAGE, settings.API_MAX_PAGE_SIZE
    )
    if error:
        result.errors["page_size"] = error
    page_number, error = _positive_int(params, "page", 1)
    if error:
        result.errors["page"] = error
    queryset, filter_errors = filtered_questions(params, chosen=result.chosen)
    result.errors.update(filter_errors)
    if result.errors:
        return result

    paginator = Paginator(queryset.for_cards(), page_size)
    if page_number > paginator.num_pages:
        result.errors["page"] = f"page {page_number} is past the last page ({paginator.num_pages})."
        return result
    result.page = paginator.page(page_number)
    if with_facets:
        result.facets = [facet_counts(params, name) for name in FACET_FIELDS]
    return result


def neighbours_in_list(params, position, question):
    """(previous, next) around `question`, found at 1-based `position` of the list `params` describes.

    One query. If the list has changed and the question is no longer at that position, no neighbours.
    """
    if not 1 <= position <= MAX_LIST_POSITION:
        return None, None
    queryset, errors = filtered_questions(params)
    if errors:
        return None, None
    start = max(position - 2, 0)
    window = list(queryset.only("title", "slug")[start : position + 1])
    index = position - 1 - start
    if len(window) <= index or window[index].pk != question.pk:
        return None, None
    previous = window[index - 1] if index >= 1 else None
    following = window[index + 1] if len(window) > index + 1 else None
    return previous, following


def get_question_for_reader(slug, user):
    """One question with everything its page shows. Drafts are visible to staff only."""
    from django.shortcuts import get_object_or_404

    queryset = Question.objects.select_related("topic").prefetch_related(
        "roles",
        "companies",
        "choices",
        Prefetch("answers", queryset=SampleAnswer.objects.order_by("-is_featured", "position", "id")),
    )
    if not (user.is_authenticated and user.is_staff):
        queryset = queryset.filter(status=Status.PUBLISHED)
    return get_object_or_404(queryset, slug=slug)


def related_questions(question, limit=5):
    return list(
        Question.objects.published()
        .filter(topic_id=question.topic_id)
        .exclude(pk=question.pk)
        .only("title", "slug", "difficulty", "kind")
        .order_by("title", "id")[:limit]
    )


def topics_with_counts():
    return Topic.objects.annotate(
        published_count=Count("questions", filter=Q(questions__status=Status.PUBLISHED))
    ).order_by("position", "name")
