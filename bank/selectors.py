"""Reads. The HTML pages and the JSON API both list questions through `question_list`."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bank.caching import cached, params_key
from bank.filters import FILTER_PARAMS, QuestionFilter
from bank.models import Company, Difficulty, Kind, Question, StudyPath, Topic, published_filter
from bank.paging import page_of
from bank.semantic.similar import similar_question_ids

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
# Cached in place of None for a slug with no published question (None reads as a cache miss).
NOT_FOUND = "not-found"


# Registries: other parts of the site add list sorts and filters here without the bank importing them
# (practice.community registers "asked in the last 6 months" and "most reported" from its AppConfig).
@dataclass(frozen=True)
class ListSort:
    name: str
    label: str
    # apply(queryset, params) -> the queryset in this order
    apply: Callable


@dataclass(frozen=True)
class ListRefinement:
    name: str
    label: str
    choices: dict  # value -> readable label
    # apply(queryset, values, params) -> the queryset narrowed to any of `values`
    apply: Callable
    # Bank filters this one takes over while it is active: they are validated as usual, then left to
    # `apply` (with `asked`, `company` means "reported asked at", not "tagged by the bank").
    replaces: tuple = ()


DEFAULT_SORT = "title"
SORTS = {DEFAULT_SORT: ListSort(DEFAULT_SORT, "Title", lambda queryset, params: queryset)}
LIST_FILTERS = {}
DIFFICULTY_ORDER = Case(
    *(When(difficulty=value, then=Value(rank)) for rank, value in enumerate(Difficulty.values)),
    output_field=IntegerField(),
)


def register_sort(name, label, apply):
    SORTS[name] = ListSort(name, label, apply)


def register_list_filter(name, label, choices, apply, replaces=()):
    LIST_FILTERS[name] = ListRefinement(name, label, dict(choices), apply, tuple(replaces))


# The bank's own sorts beside the title: easy first, and the newest questions first.
register_sort(
    "difficulty", "Difficulty", lambda queryset, params: queryset.order_by(DIFFICULTY_ORDER, "title", "id")
)
register_sort("newest", "Newest", lambda queryset, params: queryset.order_by("-created_at", "title", "id"))


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return [value for value in params.getlist(name) if value]
    value = params.get(name)
    return [item for item in (value if isinstance(value, list | tuple) else [value]) if item]


def _refine(queryset, params, chosen, errors):
    """Apply the registered filters and the sort named in `params`; bad values go into `errors`."""
    if not hasattr(params, "getlist"):
        params = filter_params(**params)
    for refinement in LIST_FILTERS.values():
        values = _getlist(params, refinement.name)
        if not values:
            continue
        unknown = [value for value in values if value not in refinement.choices]
        if unknown:
            errors[refinement.name] = (
                f"{refinement.name} must be one of {', '.join(refinement.choices)}, not “{unknown[0][:40]}”."
            )
            continue
        queryset = refinement.apply(queryset, values, params)
        if chosen is not None:
            chosen[refinement.name] = ", ".join(refinement.choices[value] for value in values)
    sort = params.get("sort") or DEFAULT_SORT
    if sort not in SORTS:
        errors["sort"] = f"sort must be one of {', '.join(SORTS)}, not “{sort[:40]}”."
    elif sort != DEFAULT_SORT:
        queryset = SORTS[sort].apply(queryset, params)
    return queryset


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

    @property
    def chosen_count(self):
        return sum(option.selected for option in self.options)


@dataclass
class QuestionList:
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
    """A whole number parameter, strictly: ASCII digits only, at most nine of them.

    int() alone takes " 5", "+5", "1_000" and Arabic-Indic digits; none of those is a page number.
    """
    raw = params.get(name)
    if raw in (None, ""):
        return default, None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9):
        return default, f"{name} must be a whole number, not “{raw[:40]}”."
    value = int(raw)
    if value < 1:
        return default, f"{name} must be 1 or more, not {value}."
    if maximum is not None and value > maximum:
        return default, f"{name} must be at most {maximum}, not {value}."
    return value, None


def _readable(cleaned_data):
    chosen = {}
    for name in FILTER_PARAMS:
        value = cleaned_data.get(name)
        if not value:
            continue
        if name == "q":
            chosen[name] = value
        else:
            labels = CHOICE_LABELS.get(name)
            chosen[name] = ", ".join(labels[item] if labels else str(item) for item in value)
    return chosen


def filter_params(**values):
    """The bank's filters as a QueryDict, from Python: a string or a list of strings per filter.

    `filter_params(kind=["concept", "scenario"], company="netflix")` is what the query string
    `?kind=concept&kind=scenario&company=netflix` gives a list page.
    """
    params = QueryDict(mutable=True)
    for name, value in values.items():
        items = list(value) if isinstance(value, list | tuple) else [value]
        params.setlist(name, [item for item in items if item])
    return params


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
    queryset = filterset.qs
    replaced = {
        name
        for refinement in LIST_FILTERS.values()
        if _getlist(params, refinement.name)
        for name in refinement.replaces
        if _getlist(params, name)
    }
    if replaced:  # already validated above; filter again without what a refinement takes over
        rest = params.copy() if hasattr(params, "copy") else dict(params)
        for name in replaced:
            rest.pop(name, None)
        queryset = QuestionFilter(rest, queryset=Question.objects.published()).qs
    # Question.Meta orders by title; a search on PostgreSQL re-orders by rank (bank.search); a registered
    # sort (`sort=`) orders last.
    errors = {}
    queryset = _refine(queryset, params, chosen, errors)
    if errors:
        return Question.objects.none(), errors
    return queryset, {}


def facet_counts(params, name):
    """Counts per value of facet `name`, under every active filter but its own (cached: bank/caching.py)."""
    return cached(
        f"facet:{name}", params_key(params, drop=("page", "page_size")), lambda: _facet_counts(params, name)
    )


def _facet_counts(params, name):
    label, value_field, name_field = FACET_FIELDS[name]
    others = params.copy()
    others.pop(name, None)
    others.pop("sort", None)
    queryset, _ = filtered_questions(others)
    fields = [value_field] + ([name_field] if name_field else [])
    rows = (
        queryset.order_by()
        .filter(**{f"{value_field}__isnull": False})
        .values(*fields)
        # COUNT(*), not COUNT(DISTINCT id): the filters narrow by subquery (bank.filters), so the only
        # join is the facet's own tag table and a question is one row per value. Without the DISTINCT,
        # PostgreSQL counts from the (status, topic/difficulty/kind) indexes instead of sorting the rows.
        .annotate(count=Count("*"))
    )
    selected = set(params.getlist(name))
    labels = CHOICE_LABELS.get(name)
    options = [
        FacetOption(
            value=row[value_field],
            label=labels[row[value_field]] if labels else row[name_field],
            count=row["count"],
            selected=row[value_field] in selected,
        )
        for row in rows
    ]
    if labels:
        order = list(labels)
        options.sort(key=lambda option: order.index(option.value))
    else:
        options.sort(key=lambda option: (-option.count, option.label))
    return Facet(name=name, label=label, options=options)


def refinement_facet(params, refinement):
    """A registered filter as a facet: each value counted under every other active filter.

    Cached under the bank version and today's date (a registered filter may count by date windows);
    whoever registers one bumps the version when its data changes (bank/caching.py).
    """
    key = params_key(params, drop=("page", "page_size"))
    name = f"refine:{refinement.name}:{timezone.localdate().isoformat()}"
    return cached(name, key, lambda: _refinement_facet(params, refinement))


def _refinement_facet(params, refinement):
    others = params.copy()
    others.pop(refinement.name, None)
    others.pop("sort", None)
    base = others.copy()
    for name in refinement.replaces:  # each option turns the refinement on, which takes these over
        base.pop(name, None)
    queryset, _ = filtered_questions(base)
    selected = set(params.getlist(refinement.name))
    # One query for every option: a conditional count per value.
    counts = queryset.order_by().aggregate(
        **{
            f"option_{index}": Count(
                "pk", filter=Q(pk__in=refinement.apply(Question.objects.all(), [value], others).values("pk"))
            )
            for index, value in enumerate(refinement.choices)
        }
    )
    options = [
        FacetOption(value=value, label=label, count=counts[f"option_{index}"], selected=value in selected)
        for index, (value, label) in enumerate(refinement.choices.items())
    ]
    return Facet(name=refinement.name, label=refinement.label, options=options)


def sort_options(params):
    """[(name, label, selected)] for the list's sort links. During a search the default order is the
    search's relevance (best match first), so its link says so."""
    current = params.get("sort") or DEFAULT_SORT
    searching = bool(str(params.get("q") or "").strip())
    return [
        (
            sort.name,
            "Relevance" if searching and sort.name == DEFAULT_SORT else sort.label,
            sort.name == current,
        )
        for sort in SORTS.values()
    ]


def question_list(params, *, with_facets=True, default_page_size=None):
    """Filter, search and paginate published questions. Bad parameters come back in `.errors`."""
    result = QuestionList()
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

    page, paginator = page_of(queryset, params, page_number, page_size)
    if page is None:
        result.errors["page"] = f"page {page_number} is past the last page ({paginator.num_pages})."
        return result
    result.page = page
    if with_facets:
        result.facets = [facet_counts(params, name) for name in FACET_FIELDS]
        result.facets += [refinement_facet(params, item) for item in LIST_FILTERS.values()]
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


def _question_details(queryset):
    """Everything a question page or the API shows, fetched up front. Answers come featured first."""
    return queryset.select_related("topic").prefetch_related("roles", "companies", "choices", "answers")


def get_question_for_reader(slug, user):
    """One question with everything its page shows, or 404. Drafts are visible to staff only."""
    if user.is_authenticated and user.is_staff:  # drafts too: never from the shared cache
        return get_object_or_404(_question_details(Question.objects.all()), slug=slug)
    return get_published_question(slug)


def get_published_question(slug):
    """One published question with everything its page shows, or 404."""
    question = find_published_question(slug)
    if question is None:
        raise Http404("No published question with that slug.")
    return question


def find_published_question(slug):
    """One published question with everything the API shows, or None (cached under the bank version)."""
    found = cached(
        "question",
        slug,
        lambda: _question_details(Question.objects.published()).filter(slug=slug).first() or NOT_FOUND,
    )
    return None if found == NOT_FOUND else found


def related_questions(question, limit=5):
    """Questions like this one: neighbours in meaning across topics (bank/semantic), else the topic's."""
    return similar_or_topic_questions(question, limit)[1]


def similar_or_topic_questions(question, limit=5):
    """(True, neighbours in meaning across topics) with the model, else (False, the topic's questions).

    Cached under the bank version: a saved question bumps it and gets its new vector in the same save.
    """
    return cached("related", f"{question.pk}:{limit}", lambda: _similar_or_topic_questions(question, limit))


def _similar_or_topic_questions(question, limit):
    ids = similar_question_ids(question, limit=limit * 3)
    if ids:
        found = {
            q.pk: q
            for q in Question.objects.published()
            .filter(pk__in=ids)
            .only("title", "slug", "difficulty", "kind")
        }
        return True, [found[pk] for pk in ids if pk in found][:limit]
    return False, list(
        Question.objects.published()
        .filter(topic_id=question.topic_id)
        .exclude(pk=question.pk)
        .only("title", "slug", "difficulty", "kind")
        .order_by("title", "id")[:limit]
    )


def _with_published_count(model):
    # An aggregate drops Meta.ordering (GROUP BY), so the order is spelled out again.
    return model.objects.annotate(
        published_count=Count("questions", filter=published_filter("questions__"))
    ).order_by(*model._meta.ordering)


def topics_with_counts():
    return _with_published_count(Topic)


def taxonomy_with_counts(model):
    """Every topic, role or company with its number of published questions, in its own order."""
    return _with_published_count(model)


def companies_for_home(limit=12):
    """The companies with the most published questions, for the home page."""
    return (
        _with_published_count(Company)
        .filter(published_count__gt=0)
        .order_by("-published_count", "name")[:limit]
    )


def home_listing():
    """What the home page lists: study paths, topics with counts, the busiest companies (cached)."""

    def compute():
        topics = list(topics_with_counts())
        return {
            "paths": list(study_paths_with_counts()),
            "topics": topics,
            "total_questions": sum(topic.published_count for topic in topics),
            "companies": list(companies_for_home()),
        }

    return cached("home", "all", compute)


def get_taxonomy_item(model, slug):
    """One topic, role or company by slug, or 404."""
    return get_object_or_404(model, slug=slug)


def study_paths_with_counts():
    return StudyPath.objects.annotate(
        step_count=Count("steps", filter=published_filter("steps__question__"))
    ).order_by("position", "title")


def get_study_path(slug):
    return get_object_or_404(StudyPath, slug=slug)


def study_path_steps(path):
    """The path's published questions, in the order the path walks through them."""
    return (
        path.steps.filter(published_filter("question__"))
        .select_related("question__topic")
        .order_by("position")
    )
