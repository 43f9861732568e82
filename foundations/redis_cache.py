"""
Django's Redis cache backend, with one Redis client per connection pool rather than one per operation.

Django's client builds a new `redis.Redis` for every get and set; building one (its table of reply
callbacks) costs about as much as the round trip to a local Redis. A search reads the archive's cache
version on every request, and a cached answer costs two reads, so that cost was on every request.
A `redis.Redis` is safe to share between threads (each command takes a connection from the pool).
"""
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
