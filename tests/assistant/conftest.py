"""Fixtures of the assistant tests: the real corpus and a BM25 index built once, fresh sessions per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, SessionStore
from corpus.store import Corpus


@pytest.fixture(scope="session")
def corpus(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The three bundled documents, parsed by the real pipeline."""
    from corpus.build import load_or_build

    return load_or_build(sources_dir, tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def bm25(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The lexical retriever over the real corpus (no model needed)."""
    from index.build import open_retriever

    return open_retriever(corpus, tmp_path_factory.mktemp("index"), embedder=None, kind="bm25")


@pytest.fixture()
def assistant(corpus: Corpus, bm25) -> Assistant:  # type: ignore[no-untyped-def]
    """An assistant with its own in-memory sessions."""
    return Assistant(corpus, bm25, SessionStore(None))
