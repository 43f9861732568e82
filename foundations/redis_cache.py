"""
Django's Redis cache backend, with one Redis client per connection pool rather than one per operation,
and `get_tracked()` for a key read on every request that seldom changes.

Django's client builds a new `redis.Redis` for every get and set; building one (its table of reply
callbacks) costs about as much as the round trip to a local Redis, and every request reads the cache.
A `redis.Redis` is safe to share between threads (each command takes a connection from the pool).
"""
import functools
import logging
import os
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("naparchive.cache")


class TrackedValues:
    """Raw values of a few keys kept in this process until Redis says they changed (client tracking).

    One connection of this process speaks RESP3 with `CLIENT TRACKING ON`: Redis remembers the keys
    it read and, when any client changes one, pushes an invalidation on that same connection. Replies
    and pushes arrive in the order Redis sent them, so polling the socket before using a kept value
    (a system call, not a round trip) and reading what is waiting leaves only values no write has
    touched. A write made by another process is seen once its invalidation has reached this one's socket,
    which Redis writes just after its reply to the writer: a read in those microseconds still has the old
    value, as a read begun a moment before the write would. This process's own writes drop its copy at
    once (SharedClientRedisCacheClient below).

    A kept value is also read again once it is `max_age` seconds old: a connection that a network
    device dropped without a word (an idle timeout in a NAT or a load balancer) would otherwise lose
    every later invalidation unnoticed; the read finds the connection dead and opens another.

    redis-py's own client-side cache (`CacheConfig`) does this for every key and refuses servers older
    than 7.4; tracking itself is in Redis since 6.0 (Debian 12 ships 7.0). A server that refuses
    CLIENT TRACKING (some managed services) gets a plain GET every time.
    """

    def __init__(self, url: str, options: dict, max_age: float = 1.0):
        self._url = url
        self._options = options
        self._max_age = max_age
        self._lock = threading.Lock()
        self._pid = None
        self._client = None
        self._values: dict[str, tuple[bytes | None, float]] = {}
        self._tracking = True

    def get(self, key: str) -> bytes | None:
        from redis.exceptions import ConnectionError

        with self._lock:
            client = self._connected_client()
            if not self._tracking:
                return client.execute_command("GET", key)
            connection = client.connection
            # Invalidations waiting on the socket are read (and applied by _on_invalidation) first.
            try:
                while connection.can_read():
                    connection.read_response(push_request=True)
            except ConnectionError:
                # Closed by the server (a restart, a timeout): what was kept may have changed unseen. The
                # GET below reconnects, and tracking starts again (_on_connect).
                connection.disconnect()
                self._values.clear()
            kept = self._values.get(key)
            if kept is None or time.monotonic() - kept[1] > self._max_age:
                # An invalidation pushed before the reply is applied while reading it: the reply is newer.
                kept = self._values[key] = (client.execute_command("GET", key), time.monotonic())
            return kept[0]

    def forget(self, keys=None) -> None:
        """Drop this process's copy of `keys` (all, when None): it has just written them."""
        with self._lock:
            if keys is None:
                self._values.clear()
            for key in keys or ():
                self._values.pop(key, None)

    def _connected_client(self):
        if self._pid != os.getpid():
            # A forked worker must not share its parent's socket (nor trust its parent's copies).
            import redis

            self._pid = os.getpid()
            self._values = {}
            self._tracking = True
            self._client = redis.Redis.from_url(self._url, protocol=3, single_connection_client=True, **self._options)
            connection = self._client.connection
            connection.register_connect_callback(self._on_connect)
            if connection.is_connected:  # the client connects as it is made, before the callback is in place
                self._on_connect(connection)
        return self._client

    def _on_connect(self, connection) -> None:
        # Called on every (re)connection: what was kept under the old one may have changed unseen.
        from redis.exceptions import ResponseError

        self._values.clear()
        connection._parser.set_invalidation_push_handler(self._on_invalidation)
        connection.send_command("CLIENT", "TRACKING", "ON")
        try:
            connection.read_response()
        except ResponseError:
            logger.warning("Redis refused CLIENT TRACKING: tracked keys are read on every use", exc_info=True)
            self._tracking = False

    def _on_invalidation(self, message) -> None:
        keys = message[1]
        if keys is None:  # FLUSHDB / FLUSHALL
            self._values.clear()
            return
        for key in keys:
            self._values.pop(key.decode() if isinstance(key, bytes) else key, None)


def _forgetting(write, written):
    """Return `write` followed by forgetting this process's kept copies of the keys `written(*args)` names."""

    @functools.wraps(write)
    def write_then_forget(self, *args):
        try:
            return write(self, *args)
        finally:
            self._tracked.forget(written(*args))

    return write_then_forget


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._tracked = TrackedValues(self._servers[0], self._pool_options)

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client

    def get_tracked(self, key, default):
        value = self._tracked.get(key)
        return default if value is None else self._serializer.loads(value)

    # Every write drops this process's copy of what it wrote, after the write: the next read in this
    # process sees it whatever the timing of the server's invalidation.
    add = _forgetting(RedisCacheClient.add, lambda key, value, timeout: [key])
    set = _forgetting(RedisCacheClient.set, lambda key, value, timeout: [key])
    touch = _forgetting(RedisCacheClient.touch, lambda key, timeout: [key])
    delete = _forgetting(RedisCacheClient.delete, lambda key: [key])
    incr = _forgetting(RedisCacheClient.incr, lambda key, delta: [key])
    set_many = _forgetting(RedisCacheClient.set_many, lambda data, timeout: list(data))
    delete_many = _forgetting(RedisCacheClient.delete_many, lambda keys: list(keys))
    clear = _forgetting(RedisCacheClient.clear, lambda: None)


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def get_tracked(self, key, default=None, version=None):
        """Return the key's value, kept in this process until Redis says the key changed.

        For a small key read on every request and seldom written (the archive's cache version):
        a read costs a poll of a socket instead of a round trip.
        """
        key = self.make_and_validate_key(key, version=version)
        return self._cache.get_tracked(key, default)
