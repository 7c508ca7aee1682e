"""The bank's shared cache is never stale and never personal: an edit shows on the next request, on the
per-process memory cache and on Redis, and one reader never sees another's parts of a page."""

import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from bank import services
from bank.caching import bump_bank_version, cached
from bank.models import Question, Status
from config.environment import cache_config
from practice.study.models import Bookmark, Note
from tests.factories import CompanyFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request, settings, tmp_path):
    """The cache an app server runs with: process memory (`make run`) or Redis (REDIS_URL)."""
    if request.param == "locmem":
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                       "LOCATION": uuid.uuid4().hex}}  # fmt: skip
        settings.BANK_VERSION_FILE = tmp_path / "bank-version"
    else:
        import redis

        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        except redis.exceptions.ConnectionError:
            if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
                pytest.fail(f"No Redis at {REDIS_URL}: CI must run the Redis tests.")
            pytest.skip(f"No Redis at {REDIS_URL}; start it with the command in the README.")
        config = cache_config(REDIS_URL)  # Redis, and each app server's memory of the pages it served
        prefix = uuid.uuid4().hex
        settings.CACHES = {
            "default": {**config["default"], "KEY_PREFIX": prefix},
            "pages": {**config["pages"], "LOCATION": prefix},
        }
    return request.param


@pytest.fixture
def staff_client(django_user_model):
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-admin-1"))
    return staff


def _admin_form(question, **changes):
    return {
        "title": question.title, "slug": question.slug, "status": "published", "topic": question.topic_id,
        "kind": "concept", "difficulty": "medium", "prompt": question.prompt, "key_points": "",
        "answers-TOTAL_FORMS": "1", "answers-INITIAL_FORMS": "0", "answers-0-body": "An answer.",
        "answers-0-is_featured": "on", "answers-0-position": "0",
        "choices-TOTAL_FORMS": "0", "choices-INITIAL_FORMS": "0", **changes,
    }  # fmt: skip


def test_it_shows_an_admin_edit_on_the_next_request(client, staff_client, shared_cache):
    question = QuestionFactory(title="Canary rollouts", slug="canary", companies=[CompanyFactory()])
    pages = ["/questions/", "/", "/questions/canary/", "/api/questions/canary/", "/api/facets/"]
    for page in pages:  # fill the cache
        assert client.get(page).status_code == 200
    assert "Canary rollouts" in client.get("/questions/").content.decode()

    response = staff_client.post(
        f"/admin/bank/question/{question.pk}/change/", _admin_form(question, title="Shadow rollouts")
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert "Shadow rollouts" in client.get("/questions/").content.decode()
    assert "Shadow rollouts" in client.get("/questions/canary/").content.decode()
    assert client.get("/api/questions/canary/").json()["title"] == "Shadow rollouts"


def test_it_shows_a_new_question_in_counts_and_facets_at_once(client, shared_cache):
    topic = TopicFactory(slug="serving")
    QuestionFactory(topic=topic)
    before = client.get("/api/facets/").json()["topic"]
    assert client.get("/api/questions/").json()["count"] == 1
    QuestionFactory(topic=topic)
    assert client.get("/api/questions/").json()["count"] == 2
    assert client.get("/api/facets/").json()["topic"] != before


def test_it_hides_an_unpublished_question_on_the_next_request(client, staff_user, shared_cache):
    question = QuestionFactory(slug="canary", status=Status.PUBLISHED)
    assert client.get("/questions/canary/").status_code == 200
    assert client.get("/api/questions/").json()["count"] == 1
    services.question_move(user=staff_user, question=question, status=Status.DRAFT)
    assert client.get("/questions/canary/").status_code == 404
    assert client.get("/api/questions/").json()["count"] == 0


def test_two_readers_never_see_each_others_parts(owner, other_user, shared_cache):
    question = QuestionFactory(slug="canary")
    Bookmark.objects.create(user=owner, question=question)
    Note.objects.create(user=owner, question=question, text="Remember the rollback drill")
    owner_client, other_client = Client(), Client()
    owner_client.force_login(owner)
    other_client.force_login(other_user)
    for _ in range(2):  # the second round reads the bank's parts from the cache
        mine = owner_client.get("/questions/canary/").content.decode()
        theirs = other_client.get("/questions/canary/").content.decode()
        assert "Remember the rollback drill" in mine
        assert "Remember the rollback drill" not in theirs
        assert owner.username in mine and owner.username not in theirs


def test_an_approved_report_shows_in_the_cached_asked_counts_at_once(client, shared_cache):
    from tests.factories import AskedReportFactory

    question = QuestionFactory()

    def asked_counts():
        facets = client.get("/questions/").context["result"].facets
        return [option.count for option in next(f for f in facets if f.name == "asked").options]

    assert asked_counts() == [0, 0, 0]
    report = AskedReportFactory(question=question, state="pending")
    assert asked_counts() == [0, 0, 0]
    report.state = "approved"
    report.save()
    assert asked_counts() == [1, 0, 0]


def test_a_visitor_without_cookies_gets_the_cached_page_and_a_reader_never_does(client, owner, shared_cache):
    QuestionFactory(slug="canary", title="Canary rollouts")
    first = client.get("/questions/canary/")
    assert first.status_code == 200 and "Cookie" in first["Vary"]
    reader = Client()
    reader.force_login(owner)
    page = reader.get("/questions/canary/").content.decode()
    assert owner.username in page  # rendered for the reader, not the visitor's cached copy
    assert owner.username not in client.get("/questions/canary/").content.decode()


def test_a_typed_url_never_becomes_a_long_or_unprintable_cache_key(client, shared_cache, recwarn):
    # Django warns (CacheKeyWarning) when a key is over 250 characters or holds spaces or control
    # characters: a slug typed into the URL used to become the key as it came.
    for slug in ["a" * 300, "dr%C3%BCft%20canary"]:
        assert client.get(f"/questions/{slug}/").status_code == 404
        assert client.get(f"/api/questions/{slug}/").status_code == 404

    assert [str(warning.message) for warning in recwarn if "Cache key" in str(warning.message)] == []


def test_a_page_an_app_server_remembers_is_never_shown_after_an_edit_made_elsewhere(client, shared_cache):
    question = QuestionFactory(slug="canary", title="Canary rollouts")
    assert "Canary rollouts" in client.get("/questions/canary/").content.decode()
    # Another app server saves an edit: the row changes and its signal bumps the shared bank version,
    # while this server still holds the old page in its own memory.
    Question.objects.filter(pk=question.pk).update(title="Shadow rollouts")
    bump_bank_version()

    page = client.get("/questions/canary/").content.decode()
    assert "Shadow rollouts" in page and "Canary rollouts" not in page


def test_a_burst_of_readers_after_an_edit_computes_each_entry_once(shared_cache):
    # After a content write every entry misses at once; the facets of a large bank take about a second.
    calls = []

    def slow_facets():
        calls.append(1)
        time.sleep(0.3)
        return {"topic": [("serving", 3)]}

    bump_bank_version()
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: cached("facets-test", "all", slow_facets), range(6)))

    assert len(calls) == 1
    assert results == [{"topic": [("serving", 3)]}] * 6


def test_with_the_cache_away_a_request_computes_at_once_without_waiting(settings, monkeypatch):
    settings.CACHES = {"default": {**cache_config("redis://127.0.0.1:1/0")["default"]}}  # nothing listens

    def no_waiting(seconds):
        raise AssertionError("waited for a computation nobody is doing")

    monkeypatch.setattr(time, "sleep", no_waiting)
    assert cached("facets-test", "all", lambda: 42) == 42
