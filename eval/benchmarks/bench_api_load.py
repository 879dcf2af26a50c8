"""Load run of the HTTP service on loopback: latency at one client, throughput at 8, server memory across runs.

The service is started as its own process (uvicorn, one worker, 127.0.0.1, a free port) on the configured data
directory, then asked the gold conversations (eval/gold/dev.jsonl; each item one session, turns in order):

1. one client, sequential, for `--single-seconds` → `/api/ask` p50/p95/p99 (target p95 ≤ 150 ms);
2. `--clients` concurrent clients for `--seconds`, twice in a row → errors, throughput, p50/p95/p99, and the
   server's RSS after each run (no growth expected: sessions are bounded, nothing else accumulates).
Every run is bounded in time and in count (`--max-requests`).

    .venv/bin/python eval/benchmarks/bench_api_load.py [--seconds 60 --clients 8 --embedder none]

Writes eval/benchmarks/results/api_load.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "eval" / "benchmarks" / "results" / "api_load.json"
GOLD = ROOT / "eval" / "gold" / "dev.jsonl"
# Used only when the gold file is absent.
FALLBACK = [
    ["Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?"],
    ["Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?", "Nó được chia sẻ theo hình thức nào?"],
    ["co quan nao quan ly co so du lieu ve dan cu o Hai Duong"],
    ["Quyết định danh mục CSDL dùng chung mới của Quảng Ninh thay thế quyết định nào?"],
]


def load_conversations(path: Path) -> list[list[str]]:
    """The questions of each gold item, in turn order (one conversation per item)."""
    if not path.exists():
        return FALLBACK
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [[turn["q"] for turn in item["turns"]] for item in items]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def start_server(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """uvicorn with the app factory, one worker, on 127.0.0.1; waits until /healthz answers."""
    cmd = [sys.executable, "-m", "uvicorn", "api.app:create_default_app", "--factory", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 900  # a first start may build the corpus, the model folder and the index
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError("server did not start in time")


def run(base: str, conversations: list[list[str]], clients: int, seconds: float, max_requests: int) -> dict[str, Any]:
    """`clients` threads asking conversations round-robin until time or count runs out."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    counter = iter(range(10**9))

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            i = offset
            while time.monotonic() < stop_at:
                session: str | None = None
                for question in conversations[i % len(conversations)]:
                    if next(counter) >= max_requests or time.monotonic() >= stop_at:
                        return
                    started = time.perf_counter()
                    detail = ""
                    try:
                        r = http.post("/api/ask", json={"question": question, "session_id": session})
                        elapsed = time.perf_counter() - started
                        ok = r.status_code == 200
                        session = r.json()["session_id"] if ok else session
                    except httpx.HTTPError as exc:
                        elapsed, ok = time.perf_counter() - started, False
                        r = None
                        detail = type(exc).__name__
                    with lock:
                        latencies.append(elapsed)
                        if not ok:
                            errors.append(detail if r is None else f"{r.status_code}")
                i += clients

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    ms = np.array(latencies) * 1000
    return {
        "clients": clients,
        "seconds": round(wall, 2),
        "requests": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "throughput_rps": round(len(latencies) / wall, 2),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
        "max_ms": round(float(ms.max()), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--single-seconds", type=float, default=20)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--data-dir", type=Path, help="CSDL_QA_DATA_DIR of the server (default: the settings')")
    parser.add_argument("--embedder", help="CSDL_QA_EMBEDDER of the server (default: the settings')")
    parser.add_argument("--retriever", help="CSDL_QA_RETRIEVER of the server (default: the settings')")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    env = dict(os.environ, HF_HUB_OFFLINE="1")
    for name, value in (("DATA_DIR", args.data_dir), ("EMBEDDER", args.embedder), ("RETRIEVER", args.retriever)):
        if value is not None:
            env[f"CSDL_QA_{name}"] = str(value)
    conversations = load_conversations(args.gold)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(port, env)
    try:
        health = httpx.get(f"{base}/healthz").json()
        rss_start = rss_mb(proc.pid)
        run(base, conversations, 1, 3, 200)  # warm-up: first calls load lazy parts
        single = run(base, conversations, 1, args.single_seconds, args.max_requests)
        runs = []
        for _ in range(2):
            result = run(base, conversations, args.clients, args.seconds, args.max_requests)
            result["rss_after_mb"] = round(rss_mb(proc.pid), 1)
            runs.append(result)
            print(json.dumps(result, ensure_ascii=False))
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    report = {
        "benchmark": "api_load",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            "clients": args.clients,
            "seconds": args.seconds,
            "single_seconds": args.single_seconds,
            "max_requests": args.max_requests,
            "gold": str(args.gold.relative_to(ROOT)) if args.gold.exists() else "fallback list",
            "conversations": len(conversations),
            "server": "uvicorn, 1 worker, 127.0.0.1",
            "embedder": env.get("CSDL_QA_EMBEDDER", "settings default"),
            "retriever": env.get("CSDL_QA_RETRIEVER", "settings default"),
        },
        "serving": health,
        "versions": {"python": platform.python_version(), "httpx": httpx.__version__, "numpy": np.__version__},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "single_client": single,
        "single_client_p95_target_ms": 150,
        "single_client_p95_met": single["p95_ms"] <= 150,
        "concurrent_runs": runs,
        "rss_mb": {
            "after_start": round(rss_start, 1),
            "after_run_1": runs[0]["rss_after_mb"],
            "after_run_2": runs[1]["rss_after_mb"],
        },
        "rss_growth_run_1_to_2_mb": round(runs[1]["rss_after_mb"] - runs[0]["rss_after_mb"], 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("single_client", "rss_mb")}, ensure_ascii=False))
    return 0 if all(r["errors"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
