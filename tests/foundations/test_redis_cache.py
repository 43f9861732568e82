"""The production cache backend (Redis) against the real server the machine runs (127.0.0.1:6379)."""
import time
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


def make_pair():
    """Two backends on one key space, as two worker processes have."""
    prefix = f"test-{uuid.uuid4().hex}"
    make = lambda: SharedClientRedisCache(REDIS_LOCATION, {"KEY_PREFIX": prefix, "TIMEOUT": 60})  # noqa: E731
    return make(), make()


def redis_get_calls(cache) -> int:
    stats = cache._cache.get_client().info("commandstats")
    return stats.get("cmdstat_get", {}).get("calls", 0)


def eventually(read, expected, within: float = 1.0):
    """Return read() once it gives `expected` (or the last value after `within` seconds).

    Another process's write reaches a kept copy with Redis's invalidation, which Redis writes to the
    reader's socket just after its reply to the writer: a read in between, microseconds, still has the
    old value.
    """
    deadline = time.monotonic() + within
    while (value := read()) != expected and time.monotonic() < deadline:
        pass
    return value


def test_a_tracked_key_is_read_from_redis_once_until_it_changes():
    reader, writer = make_pair()
    writer.set("version", 1)
    assert reader.get_tracked("version") == 1
    before = redis_get_calls(reader)
    assert [reader.get_tracked("version") for _ in range(200)] == [1] * 200
    # Other clients of the server may read meanwhile; 200 reads of a kept value send none.
    assert redis_get_calls(reader) - before < 20


def test_another_process_s_write_reaches_the_kept_copy():
    reader, writer = make_pair()
    read = lambda: reader.get_tracked("version", "gone")  # noqa: E731
    writer.set("version", 1)
    assert read() == 1
    for expected in range(2, 102):
        writer.incr("version")
        assert eventually(read, expected) == expected
    writer.delete("version")
    assert eventually(read, "gone") == "gone"
    writer.add("version", 500)
    assert eventually(read, 500) == 500


def test_this_process_s_own_write_is_read_back_at_once():
    cache = make_cache()
    cache.set("version", 1)
    assert cache.get_tracked("version") == 1
    for expected in range(2, 52):
        cache.incr("version")
        assert cache.get_tracked("version") == expected
    cache.set_many({"version": 7})
    assert cache.get_tracked("version") == 7
    cache.delete_many(["version"])
    assert cache.get_tracked("version") is None


def test_a_flush_of_the_database_drops_every_kept_copy():
    reader, writer = make_pair()
    writer.set_many({"version": 1, "other": 2})
    assert reader.get_tracked("version") == 1 and reader.get_tracked("other") == 2
    writer.clear()  # FLUSHDB
    assert eventually(lambda: reader.get_tracked("version"), None) is None
    assert reader.get_tracked("other") is None


def test_a_dropped_connection_is_reopened_and_tracks_again():
    reader, writer = make_pair()
    read = lambda: reader.get_tracked("version")  # noqa: E731
    writer.set("version", 1)
    assert read() == 1
    tracking_id = reader._cache._tracked._client.client_id()
    writer._cache.get_client().client_kill_filter(_id=tracking_id)
    writer.incr("version")  # while the reader is disconnected: no invalidation can reach it
    assert read() == 2
    writer.incr("version")
    assert eventually(read, 3) == 3


def test_threads_sharing_a_process_never_go_back_to_an_older_version_and_all_reach_the_last():
    import threading

    reader, writer = make_pair()
    writer.set("version", 0)
    seen = {}
    done = threading.Event()

    def read_while_writes_go_on():
        values = seen[threading.get_ident()] = []
        while not done.is_set():
            values.append(reader.get_tracked("version"))

    threads = [threading.Thread(target=read_while_writes_go_on) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(300):
        writer.incr("version")
    done.set()
    for thread in threads:
        thread.join()
    assert all(values == sorted(values) for values in seen.values())
    assert len({value for values in seen.values() for value in values}) > 10  # the readers saw the writes go on
    assert eventually(lambda: reader.get_tracked("version"), 300) == 300


def test_a_lost_invalidation_delays_a_change_by_at_most_the_kept_copys_age():
    from foundations.redis_cache import TrackedValues

    reader = TrackedValues(REDIS_LOCATION, {}, max_age=0.2)
    writer = make_cache()
    key = writer.make_and_validate_key("version")
    writer.set("version", 1)
    assert reader.get(key) == b"1"
    # As when a network device drops the idle connection without a word: no invalidation reaches it.
    reader._client.execute_command("CLIENT", "TRACKING", "OFF")
    writer.incr("version")
    assert reader.get(key) == b"1"  # kept: nothing said it changed
    time.sleep(0.3)
    assert reader.get(key) == b"2"
