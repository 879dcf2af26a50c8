"""index.manifest and index.build: a persisted index is reused only while current and intact."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from corpus.records import ParsedDocument
from corpus.store import Corpus
from index.bm25 import Bm25Retriever
from index.build import build_index, load_retriever, open_retriever
from index.embedder import FakeEmbedder
from index.errors import CorruptIndexError, StaleIndexError
from index.hybrid import HybridRetriever
from index.manifest import Manifest


@pytest.fixture(scope="module")
def built(real_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the real corpus with the fake embedder, built once; tests copy it."""
    index_dir = tmp_path_factory.mktemp("index") / "index"
    build_index(real_corpus, index_dir, embedder=FakeEmbedder(64))
    return index_dir


@pytest.fixture()
def index_dir(built: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "index"
    shutil.copytree(built, target)
    return target


def _smaller(corpus: Corpus) -> Corpus:
    first = corpus.documents()[0]
    entries = corpus.entries(document=first.id)[:-1]
    return Corpus([ParsedDocument(document=first, entries=entries, clauses=corpus.clauses(document=first.id))])


def test_manifest_records_what_the_index_was_built_from(index_dir: Path, real_corpus: Corpus) -> None:
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model_id"] == "fake-hash-64" and manifest["dim"] == 64
    assert manifest["counts"]["entries"] == len(real_corpus.entries())
    assert {"bm25s", "faiss-cpu", "numpy", "python"} <= set(manifest["versions"])
    assert {"ids.json", "faiss.index"} <= set(manifest["files"])
    assert len(manifest["corpus_sha256"]) == 64 and manifest["analyzer_version"] and manifest["created"]


def test_current_index_loads(index_dir: Path, real_corpus: Corpus) -> None:
    retriever = load_retriever(real_corpus, index_dir, embedder=FakeEmbedder(64))
    assert isinstance(retriever, HybridRetriever)
    assert retriever.search("GPLX ha tinh", 1)[0].id == "ha-tinh-2022/10"


def test_bm25_loads_without_an_embedder(index_dir: Path, real_corpus: Corpus) -> None:
    retriever = load_retriever(real_corpus, index_dir, embedder=None, kind="bm25")
    assert isinstance(retriever, Bm25Retriever)


def test_dense_without_an_embedder_is_refused(index_dir: Path, real_corpus: Corpus) -> None:
    with pytest.raises(ValueError, match="embedder"):
        load_retriever(real_corpus, index_dir, embedder=None, kind="hybrid")


def test_missing_index_is_stale(tmp_path: Path, real_corpus: Corpus) -> None:
    with pytest.raises(StaleIndexError, match="not built"):
        load_retriever(real_corpus, tmp_path / "nothing", embedder=None, kind="bm25")


def test_changed_corpus_makes_the_index_stale(index_dir: Path, real_corpus: Corpus) -> None:
    with pytest.raises(StaleIndexError, match="another corpus"):
        load_retriever(_smaller(real_corpus), index_dir, embedder=FakeEmbedder(64))


def test_other_embedder_makes_the_index_stale(index_dir: Path, real_corpus: Corpus) -> None:
    with pytest.raises(StaleIndexError, match="fake-hash-32"):
        load_retriever(real_corpus, index_dir, embedder=FakeEmbedder(32))


def test_other_analyser_makes_the_index_stale(index_dir: Path, real_corpus: Corpus) -> None:
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest["analyzer_version"] = "0-old"
    (index_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StaleIndexError, match="analyser"):
        load_retriever(real_corpus, index_dir, embedder=None, kind="bm25")


def test_altered_faiss_file_is_detected_as_corrupt(index_dir: Path, real_corpus: Corpus) -> None:
    data = bytearray((index_dir / "faiss.index").read_bytes())
    data[-10] ^= 0xFF
    (index_dir / "faiss.index").write_bytes(bytes(data))
    with pytest.raises(CorruptIndexError, match="faiss.index"):
        load_retriever(real_corpus, index_dir, embedder=FakeEmbedder(64))


def test_truncated_bm25_file_is_detected_as_corrupt(index_dir: Path, real_corpus: Corpus) -> None:
    path = next((index_dir / "bm25").glob("*.npy"))
    path.write_bytes(path.read_bytes()[:20])
    with pytest.raises(CorruptIndexError):
        load_retriever(real_corpus, index_dir, embedder=None, kind="bm25")


def test_missing_file_is_detected_as_corrupt(index_dir: Path, real_corpus: Corpus) -> None:
    (index_dir / "ids.json").unlink()
    with pytest.raises(CorruptIndexError, match="ids.json is missing"):
        load_retriever(real_corpus, index_dir, embedder=None, kind="bm25")


def test_unreadable_manifest_is_detected_as_corrupt(index_dir: Path, real_corpus: Corpus) -> None:
    (index_dir / "manifest.json").write_bytes(b"\xff\xfe not json")
    with pytest.raises(CorruptIndexError, match="manifest"):
        load_retriever(real_corpus, index_dir, embedder=None, kind="bm25")


def test_open_retriever_rebuilds_a_corrupt_index(index_dir: Path, real_corpus: Corpus) -> None:
    (index_dir / "faiss.index").write_bytes(b"garbage")
    retriever = open_retriever(real_corpus, index_dir, embedder=FakeEmbedder(64))
    assert retriever.search("GPLX ha tinh", 1)[0].id == "ha-tinh-2022/10"
    Manifest.read(index_dir).verify_files(index_dir)


def test_open_retriever_rebuilds_for_a_changed_corpus(index_dir: Path, real_corpus: Corpus) -> None:
    smaller = _smaller(real_corpus)
    retriever = open_retriever(smaller, index_dir, embedder=None, kind="bm25")
    assert len(retriever.rows) == len(smaller.entries()) + len(smaller.clauses())  # type: ignore[attr-defined]
    assert Manifest.read(index_dir).counts["entries"] == len(smaller.entries())


def test_open_retriever_reuses_a_current_index(index_dir: Path, real_corpus: Corpus) -> None:
    before = (index_dir / "manifest.json").read_text(encoding="utf-8")
    open_retriever(real_corpus, index_dir, embedder=FakeEmbedder(64))
    assert (index_dir / "manifest.json").read_text(encoding="utf-8") == before


class _FailingEmbedder(FakeEmbedder):
    def encode_documents(self, texts: object) -> np.ndarray:
        raise RuntimeError("out of memory")


def test_failed_build_leaves_the_previous_index_untouched(index_dir: Path, real_corpus: Corpus) -> None:
    before = {p.name: p.read_bytes() for p in index_dir.iterdir() if p.is_file()}
    with pytest.raises(RuntimeError):
        build_index(real_corpus, index_dir, embedder=_FailingEmbedder(64))
    assert {p.name: p.read_bytes() for p in index_dir.iterdir() if p.is_file()} == before
    assert [p.name for p in index_dir.parent.iterdir()] == ["index"]
