"""Helpers of the tests that run the real `csdl-qa serve` command as its own process on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from api.settings import REPO_ROOT, Settings


def serve_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment of a server process reading the test's data directory (CSDL_QA_* only from here)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSDL_QA_")}
    env |= {
        "CSDL_QA_DATA_DIR": str(settings.data_dir),
        "CSDL_QA_SOURCES_DIR": str(settings.sources_dir),
        "CSDL_QA_EMBEDDER": settings.embedder,
        "CSDL_QA_RETRIEVER": settings.retriever,
        "HF_HUB_OFFLINE": "1",
    }
    return env | extra


@contextmanager
def serving(port: int, env: dict[str, str], log: Path, *, workers: int = 1) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m api.cli serve` on 127.0.0.1:port, stderr to `log`; waits (≤ 180 s) for /healthz, stops it after."""
    cmd = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers)]
    with log.open("wb") as sink:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 180
            while True:
                if proc.poll() is not None:
                    raise AssertionError(f"server exited with {proc.returncode}: {log.read_text()[-3000:]}")
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"server did not answer on {port}: {log.read_text()[-3000:]}")
                time.sleep(0.2)
            yield proc
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def children(pid: int) -> list[int]:
    """Direct child processes of `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
