"""The SQLite session store: time-to-live, bound, unguessable ids, shared by two connections."""

from __future__ import annotations

from pathlib import Path

from assistant.session import SessionStore


class Clock:
    """A settable clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_saved_session_is_found_again() -> None:
    store = SessionStore(None)
    s = store.get(None)
    s.focus.entries = ["ha-tinh-2022/29"]
    store.save(s)
    assert store.get(s.id).focus.entries == ["ha-tinh-2022/29"]


def test_expired_session_starts_fresh() -> None:
    clock = Clock()
    store = SessionStore(None, ttl_seconds=60, clock=clock)
    s = store.get(None)
    s.focus.entries = ["ha-tinh-2022/29"]
    store.save(s)
    clock.now += 61
    again = store.get(s.id)
    assert again.id != s.id and again.focus.entries == []


def test_bound_evicts_oldest() -> None:
    clock = Clock()
    store = SessionStore(None, max_sessions=2, clock=clock)
    ids = []
    for _ in range(3):
        clock.now += 1
        s = store.get(None)
        store.save(s)
        ids.append(s.id)
    assert len(store) == 2
    assert store.get(ids[0]).id != ids[0]
    assert store.get(ids[2]).id == ids[2]


def test_malformed_id_gets_new_session() -> None:
    store = SessionStore(None)
    assert store.get("'; DROP TABLE sessions; --").id != "'; DROP TABLE sessions; --"


def test_ids_are_random_and_long() -> None:
    store = SessionStore(None)
    a, b = store.get(None).id, store.get(None).id
    assert a != b and len(a) >= 32


def test_file_store_is_shared_between_connections(tmp_path: Path) -> None:
    one = SessionStore(tmp_path / "s.sqlite3")
    two = SessionStore(tmp_path / "s.sqlite3")
    s = one.get(None)
    s.focus.documents = ["quang-ninh-2026"]
    one.save(s)
    assert two.get(s.id).focus.documents == ["quang-ninh-2026"]
