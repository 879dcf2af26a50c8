"""Build, persist and open retrievers: an index is a directory written atomically and checked on load.

Layout: `manifest.json`, `ids.json` (the rows), `bm25/` (bm25s), and with an embedder `faiss.index` and
`faiss-rows.json` (vector → row).
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.store import Corpus
from index.analyze import DEFAULT_ANALYZER, Analyzer
from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.errors import CorruptIndexError, StaleIndexError
from index.hybrid import HybridRetriever
from index.manifest import Manifest
from index.retriever import Retriever
from index.rows import Representation, corpus_sha256, rows_from_json, rows_to_json

if TYPE_CHECKING:
    from index.embedder import Embedder

IDS_FILE = "ids.json"
# Chosen by eval/benchmarks/bench_retrieval.py (see README).
DEFAULT_REPRESENTATION = Representation.RECORD

Progress = Callable[[str], None]


class RetrieverKind(StrEnum):
    """Which retriever `open_retriever` returns."""

    BM25 = "bm25"
    DENSE = "dense"
    HYBRID = "hybrid"


@dataclass(frozen=True)
class BuildReport:
    """What `build_index` wrote."""

    index_dir: Path
    entries: int
    clauses: int
    vectors: int
    model_id: str | None
    dim: int | None
    seconds: float


def _quiet(_: str) -> None:
    return None


def build_index(
    corpus: Corpus,
    index_dir: Path,
    *,
    embedder: Embedder | None,
    analyzer: Analyzer = DEFAULT_ANALYZER,
    representation: Representation = DEFAULT_REPRESENTATION,
    hnsw: bool | None = None,
    progress: Progress = _quiet,
) -> BuildReport:
    """Build the BM25 part and, with an embedder, the FAISS part; replace `index_dir` atomically.

    The index is written into a sibling temporary directory and renamed into place, so a reader never sees a
    half-written index and a failed build leaves the previous one untouched.
    """
    started = time.perf_counter()
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = index_dir.parent / f".{index_dir.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        progress(f"BM25: {len(corpus.entries())} mục, {len(corpus.clauses())} điều khoản")
        bm25 = Bm25Retriever.build(corpus, analyzer)
        bm25.save(tmp)
        (tmp / IDS_FILE).write_text(rows_to_json(bm25.rows), encoding="utf-8")
        vectors = 0
        if embedder is not None:
            progress(f"Nhúng vectơ với {embedder.model_id} ({representation.value})")
            dense = DenseRetriever.build(corpus, embedder, representation=representation, hnsw=hnsw)
            dense.save(tmp)
            vectors = dense.vector_count
        Manifest(
            corpus_sha256=corpus_sha256(corpus),
            analyzer_version=analyzer.version,
            model_id=embedder.model_id if embedder else None,
            dim=embedder.dim if embedder else None,
            representation=representation.value if embedder else None,
            counts={"entries": len(corpus.entries()), "clauses": len(corpus.clauses()), "vectors": vectors},
        ).write(tmp)
        _replace_dir(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    seconds = time.perf_counter() - started
    progress(f"Đã ghi chỉ mục vào {index_dir} ({seconds:.1f} s)")
    return BuildReport(
        index_dir=index_dir,
        entries=len(corpus.entries()),
        clauses=len(corpus.clauses()),
        vectors=vectors,
        model_id=embedder.model_id if embedder else None,
        dim=embedder.dim if embedder else None,
        seconds=seconds,
    )


def _replace_dir(new: Path, target: Path) -> None:
    """Move `new` to `target`; an existing `target` is renamed away first and removed after."""
    old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def load_retriever(
    corpus: Corpus,
    index_dir: Path,
    *,
    embedder: Embedder | None,
    kind: RetrieverKind | str = RetrieverKind.HYBRID,
    analyzer: Analyzer = DEFAULT_ANALYZER,
    representation: Representation = DEFAULT_REPRESENTATION,
) -> Retriever:
    """Open the persisted index as a retriever of `kind`.

    Raises:
        StaleIndexError: no index, or one built from another corpus, analyser, embedder or representation.
        CorruptIndexError: a file is missing, damaged or altered (a subclass of StaleIndexError).
        ValueError: a dense or hybrid retriever is asked for without an embedder.
    """
    kind = RetrieverKind(kind)
    if kind is not RetrieverKind.BM25 and embedder is None:
        raise ValueError(f"retriever '{kind.value}' needs an embedder (CSDL_QA_EMBEDDER is 'none')")
    index_dir = Path(index_dir)
    manifest = Manifest.read(index_dir)
    dense_needed = kind is not RetrieverKind.BM25
    manifest.check(
        index_dir,
        corpus_sha256=corpus_sha256(corpus),
        analyzer_version=analyzer.version,
        model_id=embedder.model_id if dense_needed and embedder else None,
        dim=embedder.dim if dense_needed and embedder else None,
    )
    if dense_needed and manifest.representation != representation.value:
        raise StaleIndexError(index_dir, f"entries embedded as {manifest.representation}, now {representation.value}")
    manifest.verify_files(index_dir)
    try:
        rows = rows_from_json((index_dir / IDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise CorruptIndexError(index_dir, f"{IDS_FILE}: {exc}") from exc
    bm25 = Bm25Retriever.load(index_dir, rows, analyzer) if kind is not RetrieverKind.DENSE else None
    if not dense_needed:
        assert bm25 is not None
        return bm25
    assert embedder is not None
    dense = DenseRetriever.load(index_dir, rows, embedder)
    if bm25 is None:
        return dense
    return HybridRetriever(bm25, dense)


def open_retriever(
    corpus: Corpus,
    index_dir: Path,
    *,
    embedder: Embedder | None,
    kind: RetrieverKind | str = "hybrid",
    progress: Progress = _quiet,
) -> Retriever:
    """Load the index in `index_dir`, rebuilding it first when it is missing, stale or corrupt."""
    try:
        return load_retriever(corpus, index_dir, embedder=embedder, kind=kind)
    except StaleIndexError as exc:
        progress(f"Xây lại chỉ mục: {exc.reason}")
    build_index(corpus, index_dir, embedder=embedder, progress=progress)
    return load_retriever(corpus, index_dir, embedder=embedder, kind=kind)
