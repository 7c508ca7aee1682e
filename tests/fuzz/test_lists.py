"""Fuzzed query strings on every list and API endpoint: a 200 or a 400 naming the parameter, never a 500.

Hypothesis builds the query from the lists' own parameters (real slugs and choices mixed with junk,
repeated or missing, plus stray names) and from raw bytes no form would send. Listing writes nothing,
so the examples share one database.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bank.models import Difficulty, Kind
from tests.fuzz.strategies import answered, encoded, numbers, one_of_or, raw_query, slugs, text

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

LIST_FIELDS = {
    "q": one_of_or(["serving", "latency budget", '"exact phrase"', "-not", "a OR b"]),
    "topic": one_of_or(["serving", "nope"], slugs),
    "role": one_of_or(["mle"], slugs),
    "company": one_of_or(["acme"], slugs),
    "difficulty": one_of_or(Difficulty.values),
    "kind": one_of_or(Kind.values),
    "page": one_of_or(["1", "2"]),
    "page_size": one_of_or(["1", "5", "100", "101"]),
}
PUBLIC_LISTS = [
    "/questions/",
    "/topics/serving/",
    "/roles/mle/",
    "/companies/acme/",
    "/api/questions/",
    "/api/facets/",
]
PERSONAL_LISTS = ["/practice/attempts/", "/practice/saved/"]


@pytest.mark.parametrize("path", PUBLIC_LISTS)
@given(query=encoded(LIST_FIELDS, optional="all"))
def test_public_lists(client, world, path, query):
    assert answered(client.get(f"{path}?{query}")) in (200, 400)


@pytest.mark.parametrize("path", PERSONAL_LISTS)
@given(query=encoded(LIST_FIELDS, optional="all"))
def test_personal_lists(reader, world, path, query):
    assert answered(reader.get(f"{path}?{query}")) in (200, 400)


# One page per way the query is read: the HTML list, the API, a personal list.
@pytest.mark.parametrize("path", ["/questions/", "/api/facets/", "/practice/saved/"])
@given(query=raw_query)
def test_raw_query_strings(reader, world, path, query):
    assert answered(reader.get(path, QUERY_STRING=query)) in (200, 400)


@given(query=encoded({"list": encoded(LIST_FIELDS, optional="all"), "pos": one_of_or(["1", "2", "0"])}))
def test_question_page_back_to_its_list(client, world, query):
    assert answered(client.get(f"/questions/canary/?{query}")) == 200


@given(query=encoded(LIST_FIELDS, optional="all"))
def test_practise_next_from_a_filter(reader, world, query):
    assert answered(reader.get(f"/practice/next/?{query}")) == 302


@given(attempt_id=st.one_of(numbers, text))
def test_quiz_page_after_an_answer(reader, world, attempt_id):
    assert answered(reader.get(f"/practice/quiz/{world['quiz'].pk}/", {"answered": attempt_id})) == 200
