"""Retrieval at 100× the corpus: every document replicated under made-up province names.

Measures index build time (BM25 and FAISS), memory, index size on disk, hybrid query latency, and the start of a
fresh process that opens a current index on disk (corpus + embedder + index + first answer).

Embedding 100× the corpus with the real model is what dominates a real build; by default the replicas reuse the
vectors of the record they copy (query latency does not depend on the vectors' values) and the full embedding
time is estimated from the measured rate on a sample. `--embed-all` embeds everything for real.

    .venv/bin/python eval/benchmarks/bench_retrieval_scale.py [--factor 100] [--embed-all]

Writes eval/benchmarks/results/bench_retrieval_scale.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from api.settings import Settings  # noqa: E402
from corpus.build import load_or_build  # noqa: E402
from corpus.ids import document_id, province_slug  # noqa: E402
from corpus.records import ParsedDocument  # noqa: E402
from corpus.store import Corpus  # noqa: E402
from eval.metrics import latency_summary  # noqa: E402
from index.bm25 import Bm25Retriever  # noqa: E402
from index.build import DEFAULT_REPRESENTATION, IDS_FILE, build_index, load_retriever  # noqa: E402
from index.dense import DenseRetriever, new_faiss_index  # noqa: E402
from index.embedder import Embedder, load_embedder  # noqa: E402
from index.hybrid import HybridRetriever  # noqa: E402
from index.manifest import Manifest, library_versions  # noqa: E402
from index.provinces import detect_documents  # noqa: E402
from index.rows import corpus_sha256, dense_texts, rows_of, rows_to_json  # noqa: E402

RESULTS = ROOT / "eval" / "benchmarks" / "results"
_FIRST = "An Bình Cao Đông Gia Hòa Hưng Kim Lạc Long Minh Nam Phú Phước Sơn Tân Thái Thạch Thanh Vĩnh".split()
_SECOND = "Châu Điền Giang Hà Hải Hòa Lâm Lĩnh Mỹ Nguyên Phong Quan Sơn Thắng Thịnh Thủy Tiến Trung Xuân Yên".split()
QUERIES = [
    "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?",
    "co so du lieu ho tich Ha Tinh",
    "CSDL đất đai Hải Dương",
    "Ai quản lý dữ liệu về người có công ở Quảng Ninh?",
    "GPLX",
    "Những CSDL nào được chia sẻ theo hình thức dữ liệu mở?",
    "Quyết định của Quảng Ninh thay thế quyết định nào?",
    "cơ sở dữ liệu về giáo dục và đào tạo",
]


def made_up_provinces(real: set[str], count: int) -> list[str]:
    """Two-syllable place names that are not among the corpus's provinces."""
    names = (f"{a} {b}" for a, b in itertools.product(_FIRST, _SECOND) if a != b)
    out = [n for n in names if province_slug(n) not in real][:count]
    if len(out) < count:
        raise ValueError(f"only {len(out)} made-up names for {count} copies")
    return out


def replicate(corpus: Corpus, factor: int) -> Corpus:
    """The corpus plus (factor - 1) copies of each document under made-up provinces."""
    real = {province_slug(d.province) for d in corpus.documents()}
    names = iter(made_up_provinces(real, (factor - 1) * len(corpus.documents())))
    parsed = []
    for doc in corpus.documents():
        entries, clauses = corpus.entries(document=doc.id), corpus.clauses(document=doc.id)
        parsed.append(ParsedDocument(document=doc, entries=entries, clauses=clauses))
        year = doc.id.rsplit("-", 1)[1]
        for _ in range(factor - 1):
            province = next(names)
            new_id = document_id(province, year)

            def moved(record_id: str, new_id: str = new_id, old_id: str = doc.id) -> str:
                return new_id + record_id[len(old_id) :]

            parsed.append(
                ParsedDocument(
                    document=doc.model_copy(update={"id": new_id, "province": province}),
                    entries=[e.model_copy(update={"id": moved(e.id), "document_id": new_id}) for e in entries],
                    clauses=[c.model_copy(update={"id": moved(c.id), "document_id": new_id}) for c in clauses],
                )
            )
    return Corpus(parsed)


def dense_by_copying(big: Corpus, small: Corpus, embedder: Embedder) -> tuple[DenseRetriever, dict[str, float]]:
    """FAISS over the big corpus where each replica reuses the vectors of its original; also the embedding rate."""
    small_dense = DenseRetriever.build(small, embedder, representation=DEFAULT_REPRESENTATION)
    vectors = small_dense._index.reconstruct_n(0, small_dense.vector_count)
    by_id: dict[str, list[np.ndarray]] = {}
    for v, r in zip(vectors, small_dense._vector_rows.tolist(), strict=True):
        by_id.setdefault(small_dense.rows[r].id, []).append(v)
    # A replica's original: same local id in the real document the replica was copied from.
    origin = {d.id: d.source_file for d in big.documents()}
    real_of = {d.source_file: d.id for d in small.documents()}
    rows = rows_of(big)
    owners, stacked = [], []
    for i, row in enumerate(rows):
        original = f"{real_of[origin[row.document_id]]}/{row.id.split('/', 1)[1]}"
        for v in by_id[original]:
            owners.append(i)
            stacked.append(v)
    started = time.perf_counter()
    index = new_faiss_index(np.stack(stacked))
    add_seconds = time.perf_counter() - started
    sample = [
        t for r in rows[:100] for t in dense_texts(big.get(r.id), big.document(r.document_id), DEFAULT_REPRESENTATION)
    ]  # type: ignore[arg-type]
    started = time.perf_counter()
    embedder.encode_documents(sample)
    rate = len(sample) / (time.perf_counter() - started)
    info = {
        "faiss_add_seconds": round(add_seconds, 2),
        "embed_texts_per_second": round(rate, 1),
        "estimated_embed_seconds": round(len(stacked) / rate, 1),
    }
    return DenseRetriever(rows, index, np.asarray(owners, dtype=np.int64), embedder), info


_START = """
import sys, time
t = time.perf_counter()
root, corpus_dir, spec, models_dir, index_dir = sys.argv[1:]
sys.path.insert(0, root)
from pathlib import Path
from corpus.store import Corpus
from index.build import load_retriever
from index.embedder import load_embedder
corpus = Corpus.load(Path(corpus_dir))
embedder = load_embedder(spec, Path(models_dir))
load_retriever(corpus, Path(index_dir), embedder=embedder, kind="hybrid").search("CSDL đất đai Hà Tĩnh", 5)
print(time.perf_counter() - t)
"""


def serving_start(index_dir: Path, corpus_dir: Path, embedder_spec: str, models_dir: Path) -> float:
    """Seconds for a fresh process to load corpus, embedder and the current index and answer one query."""
    started = time.perf_counter()
    argv = [str(ROOT), str(corpus_dir), embedder_spec, str(models_dir), str(index_dir)]
    out = subprocess.run([sys.executable, "-c", _START, *argv], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"serving start failed:\n{out.stderr[-2000:]}")
    wall = time.perf_counter() - started
    return round(max(wall, float(out.stdout.strip().splitlines()[-1])), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--embed-all", action="store_true", help="embed every replica with the model")
    parser.add_argument("--out", type=Path, default=RESULTS / "bench_retrieval_scale.json")
    args = parser.parse_args()
    settings = Settings()
    small = load_or_build(settings.sources_dir, settings.corpus_dir)
    embedder = load_embedder(settings.embedder, settings.models_dir)
    if embedder is None:
        print("an embedder is needed (CSDL_QA_EMBEDDER is 'none')", file=sys.stderr)
        return 1
    big = replicate(small, args.factor)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report: dict[str, object] = {
        "benchmark": "bench_retrieval_scale",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            "factor": args.factor,
            "embed_all": args.embed_all,
            "embedder": embedder.model_id,
            "representation": DEFAULT_REPRESENTATION.value,
            "queries": QUERIES,
        },
        "versions": library_versions(),
        "load_average_at_start": os.getloadavg(),
        "corpus": {"documents": len(big.documents()), "entries": len(big.entries()), "clauses": len(big.clauses())},
    }
    started = time.perf_counter()
    bm25 = Bm25Retriever.build(big)
    bm25_seconds = time.perf_counter() - started
    started = time.perf_counter()
    if args.embed_all:
        dense = DenseRetriever.build(big, embedder, representation=DEFAULT_REPRESENTATION)
        dense_info: dict[str, float] = {}
    else:
        dense, dense_info = dense_by_copying(big, small, embedder)
    dense_seconds = time.perf_counter() - started
    report["build"] = {
        "bm25_seconds": round(bm25_seconds, 2),
        "dense_seconds": round(dense_seconds, 2),
        "vectors": dense.vector_count,
        **dense_info,
    }
    report["memory"] = {
        "max_rss_mb_before_index": round(rss_before / 1024, 1),
        "max_rss_mb_after_index": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    hybrid = HybridRetriever(bm25, dense)
    for q in QUERIES:
        hybrid.search(q, 10)
    timings = []
    for _ in range(5):
        for q in QUERIES:
            t0 = time.perf_counter()
            docs = detect_documents(q, big)
            hybrid.search(q, 10, document=docs[0] if len(docs) == 1 else None)
            timings.append((time.perf_counter() - t0) * 1000)
    report["query_latency_ms"] = {k: round(v, 2) for k, v in latency_summary(timings).items()}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        index_dir, corpus_dir = Path(tmp) / "index", Path(tmp) / "corpus"
        big.write(corpus_dir)
        index_dir.mkdir()
        bm25.save(index_dir)
        dense.save(index_dir)
        (index_dir / IDS_FILE).write_text(rows_to_json(bm25.rows), encoding="utf-8")
        Manifest(
            corpus_sha256=corpus_sha256(big),
            analyzer_version=bm25.analyzer.version,
            model_id=embedder.model_id,
            dim=embedder.dim,
            representation=DEFAULT_REPRESENTATION.value,
            counts={"entries": len(big.entries()), "clauses": len(big.clauses()), "vectors": dense.vector_count},
        ).write(index_dir)
        load_retriever(big, index_dir, embedder=embedder)  # the index written is current
        size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
        report["index_mb_on_disk"] = round(size / 2**20, 1)
        report["serving_start_seconds"] = serving_start(index_dir, corpus_dir, settings.embedder, settings.models_dir)
        small_index, small_corpus = Path(tmp) / "small-index", Path(tmp) / "small-corpus"
        small.write(small_corpus)
        build_index(small, small_index, embedder=embedder)
        report["serving_start_seconds_real_corpus"] = serving_start(
            small_index, small_corpus, settings.embedder, settings.models_dir
        )
    report["targets"] = {"query_p95_ms": 150, "serving_start_seconds": 15}
    report["load_average_at_end"] = os.getloadavg()
    print(json.dumps(report, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
