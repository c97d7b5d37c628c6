"""A Redis cache that degrades to "miss" when Redis is unreachable.

Django's RedisCache raises on a refused or timed-out connection, so a stopped Redis would
turn every page into a 500. Everything this site keeps in the cache can be rebuilt from the
database, so a cache that is down is treated as a cache that is empty: reads miss, writes
are dropped, and the site serves from the database (slower, not broken).

After a failure the backend does not try Redis again for `RETRY_SECONDS`: a request should
not wait on a dead server once per cache call. It logs once when Redis goes away and once
when it is back, not on every call.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("osce.cache")

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 5.0
# A Redis that hangs instead of refusing must not hang the page: bound every socket wait.
DEFAULT_SOCKET_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


class _Missing(Exception):
    """Raised inside a guarded call when Redis is known to be down."""


def _guarded(fallback):
    """Run the RedisCache method; on a connection failure return `fallback(*args, **kwargs)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                self._check_available()
                result = method(self, *args, **kwargs)
            except (_Missing, *UNAVAILABLE) as error:
                if not isinstance(error, _Missing):
                    self._mark_unavailable(error)
                return fallback(*args, **kwargs)
            self._mark_available()
            return result

        return wrapper

    return decorate


def _missing_key(*args, **kwargs):
    raise ValueError("The cache is unavailable: treated as a missing key.")


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new `redis.Redis` object on every cache call; one per connection pool
    is enough (it is thread-safe and borrows connections from the pool per command), and a
    cached page is then served in fewer microseconds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**DEFAULT_SOCKET_TIMEOUTS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_available(self):
        return time.monotonic() >= self._down_until

    def _check_available(self):
        if not self.is_available:
            raise _Missing

    def _mark_unavailable(self, error):
        with self._lock:
            was_up = self._down_until == 0.0
            self._down_until = time.monotonic() + RETRY_SECONDS
        if was_up:
            logger.warning(
                "Redis cache unavailable (%s): serving without the cache, retrying every %ss",
                error,
                RETRY_SECONDS,
            )

    def _mark_available(self):
        if self._down_until:
            with self._lock:
                recovered = self._down_until != 0.0
                self._down_until = 0.0
            if recovered:
                logger.warning("Redis cache available again")

    @_guarded(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_guarded(lambda keys, version=None: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_guarded(lambda key, version=None: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_guarded(lambda *args, **kwargs: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_guarded(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    # False: "not added", as if another process had the key (callers then build the value
    # themselves or read it from the database).
    @_guarded(lambda *args, **kwargs: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_guarded(lambda *args, **kwargs: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_guarded(lambda *args, **kwargs: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_guarded(lambda *args, **kwargs: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    # Django's contract for a missing key: callers already handle it (and write afresh).
    @_guarded(_missing_key)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_guarded(lambda *args, **kwargs: False)
    def clear(self):
        return super().clear()
