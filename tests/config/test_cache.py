"""With REDIS_URL set, the cache is Redis, shared by every app server; a value set by one is read by another."""

import os
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache

from config.environment import cache_config

# Database 4 of the local Redis unless told otherwise; keys are unique per run, so runs never collide.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def _redis_cache(key_prefix):
    """The cache one app server builds from REDIS_URL."""
    settings = cache_config(REDIS_URL)["default"]
    return RedisCache(settings["LOCATION"], {"OPTIONS": settings["OPTIONS"], "KEY_PREFIX": key_prefix})


@pytest.fixture
def redis_available():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        message = f"No Redis at {REDIS_URL}; start it with the command in the README."
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + " CI must run the Redis tests.")
        pytest.skip(message)


def test_two_app_servers_share_one_redis_cache(redis_available):
    prefix = uuid.uuid4().hex
    one, other = _redis_cache(prefix), _redis_cache(prefix)
    one.set("readers-online", 42, timeout=30)
    assert other.get("readers-online") == 42
    other.delete("readers-online")
    assert one.get("readers-online") is None


def test_without_redis_url_the_cache_is_per_process_memory():
    assert cache_config("")["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
