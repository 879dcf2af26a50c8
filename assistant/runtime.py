"""Opening a ready assistant from the sources: corpus, embedder, index and sessions, built when missing."""

from __future__ import annotations

from pathlib import Path

from assistant.assistant import Assistant
from assistant.session import Sessions, SessionStore

REDIS_SCHEMES = ("redis", "rediss", "unix")


def open_sessions(
    url: str | None, sqlite_path: Path | None, *, ttl_seconds: int = 3600, max_sessions: int = 10_000
) -> Sessions:
    """The session store: Redis when `url` is given (`redis://`, `rediss://`, `unix://`), else SQLite.

    Args:
        url: The `CSDL_QA_SESSIONS_URL`, or None for the embedded SQLite store.
        sqlite_path: The SQLite file shared by the workers of one machine, or None for memory.
        ttl_seconds: Idle time after which a session is forgotten.
        max_sessions: How many sessions are kept at most (the least recently saved go first).

    Raises:
        SessionStoreError: the URL's scheme is not Redis's, or Redis does not answer.
    """
    if url is None or not url.strip():
        return SessionStore(sqlite_path, ttl_seconds=ttl_seconds, max_sessions=max_sessions)
    from assistant.errors import SessionStoreError
    from assistant.session_redis import RedisSessionStore, redacted

    url = url.strip()
    if url.split("://", 1)[0].lower() not in REDIS_SCHEMES:
        raise SessionStoreError(
            f"CSDL_QA_SESSIONS_URL={redacted(url)!r}: chỉ hỗ trợ Redis (redis://, rediss://, unix://); "
            "để trống để dùng SQLite."
        )
    return RedisSessionStore(url, ttl_seconds=ttl_seconds, max_sessions=max_sessions)


def open_assistant(
    *,
    sources_dir: Path,
    data_dir: Path,
    embedder: str,
    retriever: str,
    sessions_db: Path | None,
    session_ttl_seconds: int = 3600,
    max_sessions: int = 10_000,
    sessions_url: str | None = None,
    query_runtime: str = "onnx",
    onnx_threads: int = 1,
    query_cache_size: int = 0,
) -> Assistant:
    """Load (or build) the corpus under data_dir/corpus, the embedder and index, and open the sessions.

    Args:
        sources_dir: the source documents and their manifest.
        data_dir: where the corpus (corpus/), model folder (models/) and index (index/) are kept.
        embedder: "multilingual-e5-small", a local sentence-transformers folder, or "none".
        retriever: "bm25", "dense" or "hybrid" ("bm25" is used when the embedder is "none").
        sessions_db: the SQLite file shared by workers, or None for sessions in memory.
        session_ttl_seconds: idle time after which a session is forgotten.
        max_sessions: how many sessions are kept at most (the least recently used go first).
        sessions_url: a Redis URL to keep sessions there instead of SQLite (several machines).
        query_runtime: "onnx" or "torch" for the e5 model's queries.
        onnx_threads: ONNX Runtime threads per query.
        query_cache_size: query vectors kept in an LRU cache; 0 for none.

    Returns:
        The assistant, ready to answer.

    Raises:
        EmbedderError: the model cannot be built, exported or loaded.
        SessionStoreError: the session store cannot be opened.
    """
    from corpus.build import load_or_build
    from index.build import open_retriever
    from index.embedder import load_embedder

    sessions = open_sessions(
        sessions_url, sessions_db, ttl_seconds=session_ttl_seconds, max_sessions=max_sessions
    )  # first: an unreachable store fails the start before the model is loaded
    corpus = load_or_build(sources_dir, data_dir / "corpus")
    model = load_embedder(
        embedder,
        data_dir / "models",
        query_runtime=query_runtime,
        onnx_threads=onnx_threads,
        query_cache_size=query_cache_size,
    )
    kind = retriever if model is not None else "bm25"
    ranker = open_retriever(corpus, data_dir / "index", embedder=model, kind=kind)
    return Assistant(corpus, ranker, sessions)
