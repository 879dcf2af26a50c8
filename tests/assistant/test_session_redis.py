"""Sessions in a real redis-server: the SQLite store's semantics (time-to-live, bound, unguessable ids), shared
by two connections as by two replicas, and a clear error when Redis is down."""

from __future__ import annotations

import time

import pytest
import redis

from assistant.errors import SessionStoreError
from assistant.runtime import open_sessions
from assistant.session import SessionStore
from assistant.session_redis import PREFIX, RedisSessionStore, redacted
from tests.conftest import free_port


def test_saved_session_is_found_again(redis_url: str) -> None:
    store = RedisSessionStore(redis_url)
    s = store.get(None)
    s.focus.entries = ["ha-tinh-2022/29"]
    s.record("Ai quản lý CSDL đất đai ở Hà Tĩnh?", "answered", ["ha-tinh-2022/29"])
    store.save(s)
    again = store.get(s.id)
    assert (again.id, again.focus.entries, again.turns[0].cited) == (s.id, ["ha-tinh-2022/29"], ["ha-tinh-2022/29"])


def test_a_session_saved_by_one_replica_is_read_by_another(redis_url: str) -> None:
    first, second = RedisSessionStore(redis_url), RedisSessionStore(redis_url)
    s = first.get(None)
    s.focus.documents = ["quang-ninh-2026"]
    first.save(s)
    assert second.get(s.id).focus.documents == ["quang-ninh-2026"]


def test_expired_session_starts_fresh(redis_url: str) -> None:
    store = RedisSessionStore(redis_url, ttl_seconds=1)
    s = store.get(None)
    s.focus.entries = ["ha-tinh-2022/29"]
    store.save(s)
    time.sleep(1.3)  # Redis's own clock decides: the value carries a 1 s TTL
    again = store.get(s.id)
    assert again.id != s.id and again.focus.entries == []
    assert len(store) == 0


def test_bound_evicts_the_least_recently_saved(redis_url: str) -> None:
    store = RedisSessionStore(redis_url, max_sessions=2)
    sessions = [store.get(None) for _ in range(3)]
    for s in sessions:
        store.save(s)
        time.sleep(0.01)  # distinct save times on the server's microsecond clock
    store.save(sessions[0])  # saved again: now the most recent
    assert len(store) == 2
    assert store.get(sessions[1].id).id != sessions[1].id
    assert {store.get(sessions[0].id).id, store.get(sessions[2].id).id} == {sessions[0].id, sessions[2].id}
    assert not redis.Redis.from_url(redis_url).exists(PREFIX + "s:" + sessions[1].id)


def test_malformed_id_gets_new_session(redis_url: str) -> None:
    store = RedisSessionStore(redis_url)
    hostile = "*'; FLUSHALL; --"
    assert store.get(hostile).id != hostile


def test_damaged_value_starts_fresh(redis_url: str) -> None:
    store = RedisSessionStore(redis_url)
    s = store.get(None)
    store.save(s)
    redis.Redis.from_url(redis_url).set(PREFIX + "s:" + s.id, "{not json")
    assert store.get(s.id).id != s.id


def test_ids_are_random_and_long(redis_url: str) -> None:
    store = RedisSessionStore(redis_url)
    ids = {store.get(None).id for _ in range(50)}
    assert len(ids) == 50 and all(len(i) == 32 for i in ids)


def test_unreachable_redis_fails_the_start_with_a_clear_error() -> None:
    with pytest.raises(SessionStoreError, match="Không kết nối được kho phiên Redis"):
        RedisSessionStore(f"redis://127.0.0.1:{free_port()}/0")


def test_redis_going_down_after_start_is_a_session_store_error(redis_url: str) -> None:
    store = RedisSessionStore(redis_url)
    s = store.get(None)
    store._redis.connection_pool.reset()
    store._redis.connection_pool.connection_kwargs["port"] = free_port()  # the server "moves away"
    with pytest.raises(SessionStoreError, match="không trả lời"):
        store.save(s)


def test_password_is_kept_out_of_messages() -> None:
    assert redacted("redis://app:s3cret@cache.internal:6380/2") == "redis://app:***@cache.internal:6380/2"


def test_no_url_means_sqlite_and_another_scheme_is_refused(tmp_path: object) -> None:
    assert isinstance(open_sessions(None, None), SessionStore)
    with pytest.raises(SessionStoreError, match="chỉ hỗ trợ Redis"):
        open_sessions("memcached://127.0.0.1:11211", None)


def test_redis_url_opens_the_redis_store(redis_url: str) -> None:
    store = open_sessions(redis_url, None, ttl_seconds=120, max_sessions=5)
    assert isinstance(store, RedisSessionStore) and (store.ttl_seconds, store.max_sessions) == (120, 5)
