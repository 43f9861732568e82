"""The production cache backend (Redis) against the real server the machine runs (127.0.0.1:6379)."""
import uuid


from foundations.redis_cache import SharedClientRedisCache

REDIS_LOCATION = "redis://127.0.0.1:6379/15"


def make_cache():
    return SharedClientRedisCache(REDIS_LOCATION, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}", "TIMEOUT": 60})


def test_values_round_trip_and_expire_on_delete():
    cache = make_cache()
    cache.set("version", 7)
    assert cache.get("version") == 7
    assert cache.incr("version") == 8
    cache.set_many({"a": [1, 2], "b": {"x": "y"}})
    assert cache.get_many(["a", "b", "missing"]) == {"a": [1, 2], "b": {"x": "y"}}
    cache.delete_many(["version", "a", "b"])
    assert cache.get("version", "gone") == "gone"


def test_one_client_serves_every_operation():
    # Django's own backend builds a redis.Redis for each get and set (the cost this backend removes).
    client = make_cache()._cache
    assert client.get_client("k") is client.get_client("other")
    assert client.get_client("k", write=True) is client.get_client("k", write=True)
