"""Redis going away degrades to no cache, never to an error page."""

import pytest
from django.core.cache import caches

from config.environment import cache_config

pytestmark = pytest.mark.django_db
NOBODY_LISTENS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_away(settings):
    settings.CACHES = cache_config(NOBODY_LISTENS)  # Django resets its cache handler on the change
    yield caches["default"]
    caches["default"].close()


def test_every_cache_operation_answers_a_miss_and_logs(redis_away, caplog):
    cache = redis_away
    assert cache.get("k", "fallback") == "fallback"
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("k") is False
    with pytest.raises(ValueError):
        cache.incr("k")
    cache.delete("k")
    assert "Redis unavailable for cache get" in caplog.text


def test_pages_readers_use_still_answer(redis_away, client, owner_client):
    from tests.factories import QuestionFactory

    QuestionFactory(slug="still-here")
    for url in ["/", "/questions/", "/questions/still-here/", "/api/questions/", "/api/facets/"]:
        assert client.get(url).status_code == 200, url
    assert owner_client.post("/practice/preview/", {"answer": "**hi**"}).status_code == 200
    assert owner_client.get("/practice/").status_code == 200


def test_with_redis_up_it_is_a_real_shared_cache(settings):
    import os

    settings.CACHES = cache_config(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4"))
    cache = caches["default"]
    try:
        cache.set("config-test-key", "value", 30)
        assert cache.get("config-test-key") == "value"
        cache.delete("config-test-key")
    finally:
        cache.close()
