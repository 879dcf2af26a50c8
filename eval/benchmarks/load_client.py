"""The load side of `bench_api_load.py`: the conversation mix, the client threads, and the server's processes.

Every run is bounded in time and in count, and only ever reaches 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILES = [
    *sorted((ROOT / "eval" / "gold" / "blind").glob("batch-*.jsonl")),
    ROOT / "eval" / "gold" / "dev.jsonl",
    ROOT / "eval" / "gold" / "test.jsonl",
    ROOT / "eval" / "gold" / "generated" / "variants.jsonl",
    ROOT / "eval" / "gold" / "generated" / "negatives.jsonl",
]
_CLK_TCK = os.sysconf("SC_CLK_TCK")


def _sameness(question: str) -> str:
    """What the server's caches cannot tell apart, roughly: case, diacritics (restored for the model), spacing,
    Unicode form."""
    from corpus.text import clean_text, fold_accents

    return " ".join(fold_accents(clean_text(question)).casefold().split())


def conversations(seed: int = 0) -> list[list[str]]:
    """Every gold item's questions in turn order (one conversation each), without the surface variants that
    differ only in case, diacritics or spacing (the server would serve those from its caches), shuffled."""
    items: dict[tuple[str, ...], list[str]] = {}
    for path in GOLD_FILES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                turns = [turn["q"] for turn in json.loads(line)["turns"]]
                items.setdefault(tuple(_sameness(q) for q in turns), turns)
    ordered = list(items.values())
    random.Random(seed).shuffle(ordered)
    return ordered


class Mix:
    """Hands out conversations in order to every client thread, continuing across runs (so a later run does not
    replay the questions an earlier one put in the server's caches)."""

    def __init__(self, items: list[list[str]]) -> None:
        self.items = items
        self._next = 0
        self._lock = threading.Lock()

    def take(self) -> list[str]:
        with self._lock:
            item = self.items[self._next % len(self.items)]
            self._next += 1
            return item


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLK_TCK


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def run(
    base: str, mix: Mix, clients: int, seconds: float, max_requests: int, *, keep_alive: bool, pids: list[int]
) -> dict[str, Any]:
    """`clients` threads asking conversations until time or count runs out; CPU of server and client measured."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    counter: Iterator[int] = iter(range(10**9))
    # No kept-open connection at all: each request opens (and closes) its own.
    limits = httpx.Limits() if keep_alive else httpx.Limits(max_keepalive_connections=0)

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30, limits=limits) as http:
            while time.monotonic() < stop_at:
                session: str | None = None
                for question in mix.take():
                    if next(counter) >= max_requests or time.monotonic() >= stop_at:
                        return
                    started = time.perf_counter()
                    try:
                        r = http.post("/api/ask", json={"question": question, "session_id": session})
                        ok, detail = r.status_code == 200, str(r.status_code)
                        session = r.json()["session_id"] if ok else session
                    except httpx.HTTPError as exc:
                        ok, detail = False, type(exc).__name__
                    elapsed = time.perf_counter() - started
                    with lock:
                        latencies.append(elapsed)
                        if not ok:
                            errors.append(detail)

    server_cpu = sum(cpu_seconds(p) for p in pids)
    client_cpu = time.process_time()
    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    server_cpu = sum(cpu_seconds(p) for p in pids) - server_cpu
    client_cpu = time.process_time() - client_cpu
    ms = np.array(latencies) * 1000
    n = len(latencies)
    return {
        "clients": clients,
        "connections": "kept-open" if keep_alive else "new per request",
        "seconds": round(wall, 2),
        "requests": n,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "throughput_rps": round(n / wall, 2),
        "p50_ms": round(float(np.percentile(ms, 50)), 2),
        "p95_ms": round(float(np.percentile(ms, 95)), 2),
        "p99_ms": round(float(np.percentile(ms, 99)), 2),
        "max_ms": round(float(ms.max()), 2),
        "server_cpu_ms_per_request": round(1000 * server_cpu / n, 2),
        "client_cpu_ms_per_request": round(1000 * client_cpu / n, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


class Server:
    """`python -m api.cli serve` on 127.0.0.1 (the real command), stderr to a log file."""

    def __init__(self, port: int, env: dict[str, str], workers: int, log: Path) -> None:
        self.port, self.workers, self.log = port, workers, log
        self.base = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
        self._sink = log.open("wb")
        self.proc = subprocess.Popen(cmd + ["--workers", str(workers)], cwd=ROOT, env=env, stderr=self._sink)
        deadline = time.monotonic() + 900  # a first start may build the model folder, its export and the index
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {log}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("server did not start in time")

    def access_pids(self) -> set[int]:
        """The pids that wrote access-log lines so far."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return {int(p) for p in re.findall(r"\[(\d+)\] csdl_qa\.access: ", text)}

    def answering_pids(self) -> list[int]:
        """The processes that answer: the server itself, or its workers (found through their access lines)."""
        if self.workers == 1:
            return [self.proc.pid]
        for _ in range(400):  # new connections until every worker has answered one
            httpx.get(f"{self.base}/healthz", timeout=10)
            if len(self.access_pids() - {self.proc.pid}) >= self.workers:
                break
        return sorted(self.access_pids() - {self.proc.pid})

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._sink.close()
