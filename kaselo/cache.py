"""Django's Redis cache, with one Redis client per connection pool instead of one per call,
that answers as an empty cache whenever Redis cannot be reached or refuses a command.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` for every cache call, and
redis-py's constructor sets up its response callbacks each time: about 0.2 ms, more
than the round trip to Redis itself, on every fragment and version a page reads. A
client is thread-safe and holds nothing but its pool, so one per pool serves every call.

Redis is a cache here, never the one thing a person's request depends on: sessions are
kept in PostgreSQL too, page freshness is decided there (``portal/page_cache.py``), and
allauth's rate limit would rather let a sign-in through than refuse everyone. So a call
that fails (Redis stopped, hung past the socket timeout, or full and refusing writes)
answers what an empty cache would: a read finds nothing, a write keeps nothing. Once
Redis is found unreachable, every call of the process goes without it for
``RETRY_AFTER`` seconds, so a hung Redis costs one socket timeout per process and
window, not one per call, and the outage is logged once, not with a traceback a call.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Failures that mean Redis is not there (stopped, unreachable, hung past the timeout).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

#: Per Redis location, shared by the threads of the process (Django gives each thread
#: its own cache object): until when (``time.monotonic``) calls skip Redis, and when a
#: refused command was last logged.
_down_until: dict[str, float] = {}
_refusal_logged_at: dict[str, float] = {}
_lock = threading.Lock()


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
    """``RedisCache`` with ``ReusingRedisCacheClient``, standing in as an empty cache while
    Redis fails (see the module's docstring).

    ``OPTIONS`` go to redis-py's connection pool (set ``socket_connect_timeout`` and
    ``socket_timeout``: without them a hung Redis holds every request for minutes), except
    ``RETRY_AFTER``, the seconds to go without Redis once it was found unreachable.
    """

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)

    # --- The guard ---------------------------------------------------------------------

    def _guarded(self, call: Callable[[], T], fallback: T) -> T:
        now = time.monotonic()
        if _down_until.get(self._location, 0.0) > now:
            return fallback
        try:
            result = call()
        except UNREACHABLE as error:
            with _lock:
                _down_until[self._location] = now + self.retry_after
            logger.warning(
                "The cache at %s is unreachable (%s); going without it for %s s",
                self._location,
                error,
                self.retry_after,
            )
            return fallback
        except RedisError as error:  # a refusal, e.g. full (maxmemory with noeviction)
            with _lock:
                logged = _refusal_logged_at.get(self._location)
                if logged is None or now - logged >= self.retry_after:
                    _refusal_logged_at[self._location] = now
                    logged = None
            if logged is None:
                logger.warning("The cache at %s refused a command: %s", self._location, error)
            return fallback
        if self._location in _down_until:
            with _lock:
                if _down_until.pop(self._location, None) is not None:
                    logger.info("The cache at %s is reachable again", self._location)
        return result

    @property
    def is_down(self) -> bool:
        """Whether calls currently skip Redis (it was found unreachable moments ago)."""
        return _down_until.get(self._location, 0.0) > time.monotonic()

    # --- Every call through the guard: what an empty cache would answer ------------------

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        """True when Redis fails: the key is taken as new. allauth's rate limit takes its
        lock with ``add`` and, told False, would refuse every sign-in after a second."""
        return self._guarded(
            lambda: super(ReusingRedisCache, self).add(key, value, timeout, version), True
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._guarded(
            lambda: super(ReusingRedisCache, self).get(key, default, version), default
        )

    def set(  # type: ignore[override]
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        """Whether the value was stored (Django's ``set`` answers nothing)."""

        def store() -> bool:
            super(ReusingRedisCache, self).set(key, value, timeout, version)
            return True

        return self._guarded(store, False)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._guarded(
            lambda: super(ReusingRedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._guarded(lambda: super(ReusingRedisCache, self).delete(key, version), False)

    def get_many(self, keys: Iterable[Any], version: Any = None) -> dict[Any, Any]:
        keys = list(keys)
        return self._guarded(lambda: super(ReusingRedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self._guarded(lambda: super(ReusingRedisCache, self).has_key(key, version), False)

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        """As on an empty cache, a missing key: ``ValueError``."""
        missing = object()
        result = self._guarded(
            lambda: super(ReusingRedisCache, self).incr(key, delta, version), missing
        )
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result  # type: ignore[return-value]

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        """The keys not stored: all of them when Redis fails."""
        return self._guarded(
            lambda: super(ReusingRedisCache, self).set_many(data, timeout, version), list(data)
        )

    def delete_many(self, keys: Iterable[Any], version: Any = None) -> None:
        keys = list(keys)
        self._guarded(lambda: super(ReusingRedisCache, self).delete_many(keys, version), None)

    def clear(self) -> None:  # type: ignore[override]
        self._guarded(lambda: super(ReusingRedisCache, self).clear(), None)
