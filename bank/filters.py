"""The one filter path for questions, shared by the HTML list, the topic/role/company pages, the API,
and the practice side's quiz and mock question picking.

Every filter but `q` takes several values, meaning any of them: `company=netflix&company=uber`.
"""

import django_filters

from bank.models import Company, Difficulty, Kind, Question, Role, Topic
from bank.search import MAX_QUERY_LENGTH
from bank.semantic.search import hybrid_search


def _unknown(what):
    return {"invalid_choice": f"There is no {what} called “%(value)s”."}


class QuestionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search", max_length=MAX_QUERY_LENGTH)
    topic = django_filters.ModelMultipleChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="filter_topic",
        error_messages=_unknown("topic"),
    )
    role = django_filters.ModelMultipleChoiceFilter(
        queryset=Role.objects.all(),
        to_field_name="slug",
        method="filter_tagged",
        error_messages=_unknown("role"),
    )
    company = django_filters.ModelMultipleChoiceFilter(
        queryset=Company.objects.all(),
        to_field_name="slug",
        method="filter_tagged",
        error_messages=_unknown("company"),
    )
    difficulty = django_filters.MultipleChoiceFilter(
        choices=Difficulty.choices,
        distinct=False,
        error_messages={"invalid_choice": "Difficulty must be easy, medium or hard, not “%(value)s”."},
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Kind.choices,
        distinct=False,
        error_messages={
            "invalid_choice": "Kind must be one of " + ", ".join(Kind.values) + ", not “%(value)s”."
        },
    )

    class Meta:
        model = Question
        fields = ["q", "topic", "role", "company", "difficulty", "kind"]

    def filter_search(self, queryset, name, value):
        return hybrid_search(queryset, value)

    def filter_topic(self, queryset, name, value):
        return queryset.filter(topic__in=value) if value else queryset

    def filter_tagged(self, queryset, name, value):
        """Questions tagged with any of the chosen roles (or companies), without a DISTINCT."""
        if not value:
            return queryset
        tags = Question.roles.through if name == "role" else Question.companies.through
        return queryset.filter(pk__in=tags.objects.filter(**{f"{name}__in": value}).values("question_id"))


FILTER_PARAMS = ("q", "topic", "role", "company", "difficulty", "kind")
