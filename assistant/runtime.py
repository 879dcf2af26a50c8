"""Opening a ready assistant from the sources: corpus, embedder, index and sessions, built when missing."""

from __future__ import annotations

from pathlib import Path

from assistant.assistant import Assistant
from assistant.session import SessionStore


def open_assistant(
    *,
    sources_dir: Path,
    data_dir: Path,
    embedder: str,
    retriever: str,
    sessions_db: Path | None,
    session_ttl_seconds: int = 3600,
    max_sessions: int = 10_000,
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

    Returns:
        The assistant, ready to answer.
    """
    from corpus.build import load_or_build
    from index.build import open_retriever
    from index.embedder import load_embedder

    corpus = load_or_build(sources_dir, data_dir / "corpus")
    model = load_embedder(embedder, data_dir / "models")
    kind = retriever if model is not None else "bm25"
    ranker = open_retriever(corpus, data_dir / "index", embedder=model, kind=kind)
    sessions = SessionStore(sessions_db, ttl_seconds=session_ttl_seconds, max_sessions=max_sessions)
    return Assistant(corpus, ranker, sessions)
