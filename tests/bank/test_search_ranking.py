"""Searching the real bank ranks by relevance, title matches first, on SQLite (FTS5, bm25) and on
PostgreSQL (tsvector, ts_rank): the CI runs this module on both databases."""

import pytest
from django.core.management import call_command

from bank.models import Question
from bank.search import ranked_ids

pytestmark = pytest.mark.django_db

CANARY_TITLED = {
    "shadow-canary-bluegreen-rollout",
    "spotify-canary-playlist-model",
    "progressive-delivery-automated-canary-analysis",
}


def slugs(text, limit=5):
    ids = ranked_ids(Question.objects.published(), text, limit)
    by_id = dict(Question.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [by_id[pk] for pk in ids]


def test_it_ranks_the_real_bank_by_relevance_with_title_matches_first(client):
    call_command("loadbank", verbosity=0, stdout=open("/dev/null", "w"))
    canary = slugs("canary")
    # Alphabetical order put the shadow/canary/blue-green question 16th of 20; the three questions with
    # "canary" in their title now come first.
    assert set(canary[:3]) == CANARY_TITLED, canary
    assert slugs("feature store")[0] == "feature-store-purpose"
    assert slugs("model registry")[0] == "model-registry-and-versioning"
    assert slugs("drift")[0] == "drift-types-data-concept-label"
    # The page a reader sees keeps that order.
    page = client.get("/api/questions/?q=canary&page_size=3").json()
    assert {item["slug"] for item in page["results"]} == CANARY_TITLED


def test_it_keeps_the_index_in_step_with_edits():
    call_command("loadbank", verbosity=0, stdout=open("/dev/null", "w"))
    question = Question.objects.get(slug="feature-store-purpose")
    question.title = "Why would a team run a shared lookup of model inputs?"
    question.save()
    assert slugs("feature store")[0] != "feature-store-purpose"
    assert "feature-store-purpose" in slugs("shared lookup", limit=1)
    question.delete()
    assert "feature-store-purpose" not in slugs("model inputs", limit=50)


@pytest.mark.parametrize("text", ['"unbalanced', "NEAR(", "title:x", "AND OR NOT", "*", "^canary", "--"])
def test_reader_input_is_never_read_as_search_syntax(client, text):
    response = client.get("/questions/", {"q": text})
    assert response.status_code == 200
