"""The one filter path for questions, shared by the HTML list, the topic/role/company pages and the API."""

import django_filters

from bank.models import Company, Difficulty, Kind, Question, Role, Topic
from bank.search import MAX_QUERY_LENGTH, search_questions


def _unknown(what):
    return {"invalid_choice": f"There is no {what} called “%(value)s”."}


class QuestionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search", max_length=MAX_QUERY_LENGTH)
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), to_field_name="slug", error_messages=_unknown("topic")
    )
    role = django_filters.ModelChoiceFilter(
        field_name="roles", queryset=Role.objects.all(), to_field_name="slug", error_messages=_unknown("role")
    )
    company = django_filters.ModelChoiceFilter(
        field_name="companies",
        queryset=Company.objects.all(),
        to_field_name="slug",
        error_messages=_unknown("company"),
    )
    difficulty = django_filters.ChoiceFilter(
        choices=Difficulty.choices,
        error_messages={"invalid_choice": "Difficulty must be easy, medium or hard, not “%(value)s”."},
    )
    kind = django_filters.ChoiceFilter(
        choices=Kind.choices,
        error_messages={
            "invalid_choice": "Kind must be one of " + ", ".join(Kind.values) + ", not “%(value)s”."
        },
    )

    class Meta:
        model = Question
        fields = ["q", "topic", "role", "company", "difficulty", "kind"]

    def filter_search(self, queryset, name, value):
        return search_questions(queryset, value)


FILTER_PARAMS = ("q", "topic", "role", "company", "difficulty", "kind")
