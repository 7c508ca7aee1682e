"""Django's Redis cache, degrading to no cache when Redis is away: never an error page.

Every operation that fails to reach Redis is logged and answered as a miss (get returns the default,
add and set report not stored, has_key is False). The rate limits already fail open on a cache error;
incr keeps raising ValueError for a missing key, as Django documents, and a miss for an outage.
"""

import logging

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

_MISSES = {"get": None, "get_many": {}, "add": False, "set": False, "touch": False, "delete": False,
           "has_key": False, "set_many": [], "delete_many": None, "clear": False}  # fmt: skip


def _forgiving(name):
    method = getattr(RedisCacheClient, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except redis.exceptions.RedisError as error:  # ConnectionError, TimeoutError, BusyLoadingError...
            logger.warning("Redis unavailable for cache %s (%s); carrying on without the cache", name, error)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            if name == "incr":
                raise ValueError("cache unavailable") from error
            return _MISSES[name]

    call.__name__ = name
    return call


class ForgivingRedisCacheClient(RedisCacheClient):
    locals().update({name: _forgiving(name) for name in [*_MISSES, "incr"]})


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ForgivingRedisCacheClient
