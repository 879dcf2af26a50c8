"""`GET /api/entries?q=` against `GET /api/search?q=` over HTTP, in the same run (issue 13: p95 ≤ 2 × search's p95).

The service is started as its own process (the real `serve` command, one worker, loopback; `load_client.Server`)
with the configured embedder and retriever (hybrid multilingual-e5-small by default). Queries are what a desk clerk
types: every entry's name, the same without diacritics, every agency name, and the four searches of the issue ("ho
tich", "TNMT", "GPLX", "y tế"). For each query, one client asks both endpoints back to back — which one goes first
alternates — so machine load hits both alike. `/api/search` is asked with its default `k=10`; `/api/entries` answers
the whole ranked result set with full records and facet counts.

    .venv/bin/python eval/benchmarks/bench_lookup.py [--rounds 2]

Writes eval/benchmarks/results/bench_lookup.json; exits 1 when the ratio of p95s is above 2.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench_api_load import free_port  # noqa: E402  (sibling scripts, same folder)
from load_client import Server, rss_mb  # noqa: E402

RESULTS = ROOT / "eval" / "benchmarks" / "results" / "bench_lookup.json"
TARGET = 2.0
ISSUE_QUERIES = ["ho tich", "TNMT", "GPLX", "y tế"]


def desk_queries() -> list[str]:
    """Entry names, the same folded, agency names and the issue's searches, each once, in a fixed order."""
    from corpus.build import load_or_build
    from corpus.text import fold_accents

    data_dir = Path(os.environ.get("CSDL_QA_DATA_DIR", ROOT / "var"))
    corpus = load_or_build(ROOT / "corpus" / "sources", data_dir / "corpus")
    names = [e.name for e in corpus.entries()]
    agencies = [e.agency for e in corpus.entries()]
    return list(dict.fromkeys([*ISSUE_QUERIES, *names, *(fold_accents(n) for n in names), *agencies]))


def percentiles(values: list[float]) -> dict[str, float]:
    a = np.asarray(values)
    return {"p50": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)), "p99": float(np.percentile(a, 99))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="times every query is asked of each endpoint")
    args = parser.parse_args()
    queries = desk_queries()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load_before = os.getloadavg()
    server = Server(port, env, workers=1, log=Path(tempfile.mkdtemp(prefix="csdl-qa-lookup-")) / "server.log")
    base = server.base
    timings: dict[str, list[float]] = {"entries": [], "search": []}
    sizes: dict[str, list[int]] = {"entries": [], "search": []}
    totals: list[int] = []
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            health = client.get("/healthz").json()
            for q in queries[:10]:  # warm-up: model, analyser caches, first-request costs
                client.get("/api/entries", params={"q": q})
                client.get("/api/search", params={"q": q})

            def timed(name: str, path: str, q: str) -> None:
                start = time.perf_counter()
                r = client.get(path, params={"q": q})
                timings[name].append((time.perf_counter() - start) * 1000)
                r.raise_for_status()
                sizes[name].append(len(r.content))
                if name == "entries":
                    totals.append(int(r.json()["total"]))

            for round_ in range(args.rounds):
                for i, q in enumerate(queries):
                    pair = [("entries", "/api/entries"), ("search", "/api/search")]
                    for name, path in pair if (i + round_) % 2 == 0 else pair[::-1]:
                        timed(name, path, q)
            server_rss = rss_mb(server.proc.pid)
    finally:
        server.stop()
    entries, search = percentiles(timings["entries"]), percentiles(timings["search"])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    result = {
        "benchmark": "lookup_vs_search",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit.strip(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "embedder": health.get("embedder"),
        "queries": len(queries),
        "rounds": args.rounds,
        "requests_per_endpoint": len(timings["entries"]),
        "entries_ms": entries,
        "search_ms": search,
        "ratio_p95": entries["p95"] / search["p95"],
        "target_ratio_p95": TARGET,
        "entries_total_mean": float(np.mean(totals)),
        "response_bytes_mean": {k: float(np.mean(v)) for k, v in sizes.items()},
        "server_rss_mb": server_rss,
    }
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["ratio_p95"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
