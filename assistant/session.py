"""Conversation state: what a session talks about, kept in SQLite so several workers share it.

A `Session` remembers its last turns and its focus (documents, entries, fields and the last intent),
so that "nó", "còn mục đích?" or "còn ở Quảng Ninh thì sao?" can be resolved. The `SessionStore`
keeps sessions in one SQLite table with a time-to-live and a bound on their number; ids come from
`secrets.token_urlsafe`, and an unknown, expired or malformed id starts a fresh session. Any store with the
`Sessions` protocol will do: `assistant.session_redis.RedisSessionStore` keeps them in Redis for replicas on
several machines, with the same semantics.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

MAX_TURNS_KEPT = 20
_VALID_ID = re.compile(r"^[A-Za-z0-9_-]{16,128}$")


def valid_session_id(session_id: str | None) -> bool:
    """Whether an id a client sent can be one we gave out (URL-safe, 16–128 characters)."""
    return bool(session_id) and _VALID_ID.match(session_id or "") is not None


def new_session_id() -> str:
    """An unguessable id: 24 random bytes from `secrets`, URL-safe base64 (32 characters), never opening with "-"
    (a command line would read `--session -abc…` as an option)."""
    while True:
        session_id = secrets.token_urlsafe(24)
        if not session_id.startswith("-"):
            return session_id


class Sessions(Protocol):
    """Where conversations live: `get` a live session or a new one, `save` it after each turn.

    A session is forgotten `ttl_seconds` after its last save, and only the `max_sessions` most recently saved are
    kept.
    """

    ttl_seconds: int
    max_sessions: int

    def get(self, session_id: str | None) -> Session: ...

    def save(self, session: Session) -> None: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...


@dataclass
class Focus:
    """What the conversation is about after a turn."""

    kind: str | None = None  # the intent of the last answered turn: field, list, count, clause, meta, compare
    documents: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)  # folded topic words of the last database asked about
    filters: dict[str, str] = field(default_factory=dict)  # agency, sector, group, sharing_mode of a list/count
    clauses: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)  # the entries the last list or count gave, in order


@dataclass
class Turn:
    """One question and the ids the answer cited."""

    question: str
    status: str
    cited: list[str] = field(default_factory=list)


@dataclass
class Session:
    """One conversation."""

    id: str
    turns: list[Turn] = field(default_factory=list)
    focus: Focus = field(default_factory=Focus)

    def record(self, question: str, status: str, cited: list[str]) -> None:
        """Append a turn, keeping only the most recent ones."""
        self.turns.append(Turn(question, status, cited))
        del self.turns[:-MAX_TURNS_KEPT]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, session_id: str, data: str) -> Session:
        """Rebuild a session from its stored JSON; raises ValueError/TypeError/KeyError when malformed."""
        raw: dict[str, Any] = json.loads(data)
        turns = [Turn(**t) for t in raw.get("turns", [])]
        focus = Focus(**raw.get("focus", {}))
        return cls(id=session_id, turns=turns, focus=focus)


class SessionStore:
    """Sessions in SQLite (a file shared by workers, or memory when `path` is None); thread-safe."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        ttl_seconds: int = 3600,
        max_sessions: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if ttl_seconds <= 0 or max_sessions <= 0:
            raise ValueError("ttl_seconds and max_sessions must be positive")
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        self._clock = clock
        self._lock = threading.Lock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            ":memory:" if path is None else str(path), check_same_thread=False, timeout=10.0, isolation_level=None
        )
        with self._lock:
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, updated REAL NOT NULL)"
            )
            self._db.execute("CREATE INDEX IF NOT EXISTS sessions_updated ON sessions(updated)")

    def get(self, session_id: str | None) -> Session:
        """The live session with this id, or a new one (new id) when it is unknown, expired or malformed."""
        if session_id and valid_session_id(session_id):
            with self._lock:
                row = self._db.execute("SELECT data, updated FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is not None and self._clock() - row[1] <= self.ttl_seconds:
                try:
                    return Session.from_json(session_id, row[0])
                except (ValueError, TypeError, KeyError):
                    pass  # a damaged row is treated as unknown: the user gets a fresh session
        return Session(id=new_session_id())

    def save(self, session: Session) -> None:
        """Store the session, then drop expired sessions and the oldest beyond the bound."""
        now = self._clock()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "INSERT INTO sessions(id, data, updated) VALUES (?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                    (session.id, session.to_json(), now),
                )
                self._db.execute("DELETE FROM sessions WHERE updated < ?", (now - self.ttl_seconds,))
                self._db.execute(
                    "DELETE FROM sessions WHERE id IN "
                    "(SELECT id FROM sessions ORDER BY updated DESC, rowid DESC LIMIT -1 OFFSET ?)",
                    (self.max_sessions,),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def __len__(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM sessions").fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
