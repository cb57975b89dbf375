"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` for every cache call, and
redis-py's constructor sets up its response callbacks each time: about 0.2 ms, more
than the round trip to Redis itself, on every fragment and version a page reads. A
client is thread-safe and holds nothing but its pool, so one per pool serves every call.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        """The one client of the pool Django picks (``_get_connection_pool``)."""
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ReusingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with ``ReusingRedisCacheClient``."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
