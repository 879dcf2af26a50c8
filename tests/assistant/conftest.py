"""Fixtures of the assistant tests: the real corpus and a BM25 index built once, fresh sessions per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, SessionStore
from corpus.store import Corpus


@pytest.fixture(scope="session")
def corpus(sources_dir: Path) -> Corpus:
    """The bundled documents parsed by the real parsers (a document whose layout has no parser yet is left out)."""
    from corpus.build import parse_entry
    from corpus.errors import CorpusError
    from corpus.manifest import read_manifest

    parsed = []
    for entry in read_manifest(sources_dir).documents:
        try:
            parsed.append(parse_entry(sources_dir, entry))
        except CorpusError:  # a layout whose parser is not there yet: its tests fail, as they should
            continue
    return Corpus(parsed)


@pytest.fixture(scope="session")
def bm25(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The lexical retriever over the real corpus (no model needed)."""
    from index.build import open_retriever

    return open_retriever(corpus, tmp_path_factory.mktemp("index"), embedder=None, kind="bm25")


@pytest.fixture()
def assistant(corpus: Corpus, bm25) -> Assistant:  # type: ignore[no-untyped-def]
    """An assistant with its own in-memory sessions."""
    return Assistant(corpus, bm25, SessionStore(None))
