"""Sessions in Redis (`CSDL_QA_SESSIONS_URL=redis://…`), so replicas on several machines hold one conversation.

Same semantics as the SQLite `SessionStore`: a session lives `ttl_seconds` after its last save, at most
`max_sessions` are kept (the least recently saved go first), ids are `secrets.token_urlsafe(24)` and an
unknown, expired, malformed or damaged one starts a fresh session. Layout, under one hash tag so that every key
of a save lands on the same Redis Cluster slot:

- `csdl-qa:{sessions}:s:<id>` — the session's JSON, with a TTL (`PX`), so Redis itself forgets it;
- `csdl-qa:{sessions}:recent` — a sorted set id → time of the last save, for the bound.

A save is one Lua script (atomic): write the session, record it in the set, drop expired members, then delete
the oldest sessions beyond the bound. Times come from the Redis server's clock (`TIME`), never from the
replicas', whose clocks may disagree.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

from assistant.errors import SessionStoreError
from assistant.session import Session, new_session_id, valid_session_id

PREFIX = "csdl-qa:{sessions}:"
_SAVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local ttl = tonumber(ARGV[3])
redis.call('SET', KEYS[2], ARGV[2], 'PX', math.floor(ttl * 1000))
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.6f', now - ttl))
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if extra > 0 then
  local old = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
  for _, sid in ipairs(old) do redis.call('DEL', ARGV[5] .. sid) end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
end
return extra
"""


def redacted(url: str) -> str:
    """The URL without its password, for logs and error messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class RedisSessionStore:
    """Sessions in Redis, shared by every process and machine that uses the same URL; thread-safe.

    Args:
        url: `redis://[user:password@]host:port/db`, `rediss://…` (TLS) or `unix:///path/to/socket`.
        ttl_seconds: idle time after which a session is forgotten.
        max_sessions: how many sessions are kept at most.
        client: an already connected `redis.Redis` (tests); by default one is made from `url`.

    Raises:
        ValueError: ttl_seconds or max_sessions is not positive.
        SessionStoreError: the URL is malformed or Redis does not answer.
    """

    def __init__(self, url: str, *, ttl_seconds: int = 3600, max_sessions: int = 10_000, client: Any = None) -> None:
        if ttl_seconds <= 0 or max_sessions <= 0:
            raise ValueError("ttl_seconds and max_sessions must be positive")
        import redis

        self._errors: tuple[type[Exception], ...] = (redis.RedisError,)
        self.url = redacted(url)
        self.ttl_seconds = ttl_seconds
        self.max_sessions = max_sessions
        try:
            # Short timeouts: a request waits seconds at most for an unreachable store, then gets a 503.
            self._redis = (
                client
                if client is not None
                else redis.Redis.from_url(
                    url, decode_responses=True, socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
                )
            )
            self._redis.ping()
        except ValueError as exc:
            raise SessionStoreError(f"Địa chỉ kho phiên không hợp lệ ({self.url}): {exc}") from exc
        except self._errors as exc:
            raise SessionStoreError(f"Không kết nối được kho phiên Redis {self.url}: {exc}") from exc
        self._save = self._redis.register_script(_SAVE)

    def _failure(self, exc: Exception) -> SessionStoreError:
        return SessionStoreError(f"Kho phiên Redis {self.url} không trả lời: {type(exc).__name__}: {exc}")

    def get(self, session_id: str | None) -> Session:
        """The live session with this id, or a new one (new id) when it is unknown, expired or malformed.

        Raises:
            SessionStoreError: Redis cannot be reached.
        """
        if session_id and valid_session_id(session_id):
            try:
                data = self._redis.get(PREFIX + "s:" + session_id)
            except self._errors as exc:
                raise self._failure(exc) from exc
            if isinstance(data, str):  # decode_responses: str, or None when unknown or expired
                try:
                    return Session.from_json(session_id, data)
                except (ValueError, TypeError, KeyError):
                    pass  # a damaged value is treated as unknown: the user gets a fresh session
        return Session(id=new_session_id())

    def save(self, session: Session) -> None:
        """Store the session, then drop the oldest beyond the bound (expired ones Redis drops itself).

        Raises:
            SessionStoreError: Redis cannot be reached.
        """
        keys = [PREFIX + "recent", PREFIX + "s:" + session.id]
        args: list[str | int] = [session.id, session.to_json(), self.ttl_seconds, self.max_sessions, PREFIX + "s:"]
        try:
            self._save(keys=keys, args=args)
        except self._errors as exc:
            raise self._failure(exc) from exc

    def __len__(self) -> int:
        """How many sessions are live."""
        try:
            seconds, micros = self._redis.time()
            return int(self._redis.zcount(PREFIX + "recent", seconds + micros / 1e6 - self.ttl_seconds, "+inf"))
        except self._errors as exc:
            raise self._failure(exc) from exc

    def close(self) -> None:
        self._redis.close()
