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


def test_a_follow_up_with_an_expired_session_says_the_conversation_ended(assistant) -> None:  # type: ignore[no-untyped-def]
    from assistant.answer import AnswerStatus

    a = assistant.ask("Thế còn Hải Dương thì sao?", session_id="a" * 32)  # a well-formed id we never gave out
    assert a.status is AnswerStatus.CLARIFY
    assert a.session_restarted and a.session_id != "a" * 32
    assert "hết hạn" in a.text


def test_a_live_session_is_not_restarted(assistant) -> None:  # type: ignore[no-untyped-def]
    first = assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    second = assistant.ask("Nó được chia sẻ theo hình thức nào?", session_id=first.session_id)
    assert not first.session_restarted and not second.session_restarted
    assert "hết hạn" not in second.text


def test_ids_never_open_with_a_dash() -> None:
    from assistant.session import new_session_id

    assert not any(new_session_id().startswith("-") for _ in range(2000))
