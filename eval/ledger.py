"""First-sight scores of blind gold batches, recorded once in `eval/gold/blind/LEDGER.md`.

A blind batch is written by someone who has seen only the source decisions, the contract and a brief. Its first
score is the one that predicts what users will see, so it is written to the ledger exactly once: scoring a batch
that already has a row raises `LedgerError` instead of overwriting it (`csdl-qa eval first-sight BATCH`).
"""

from __future__ import annotations

import hashlib
import math
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LEDGER_HEADER = (
    "| batch | date | commit | items | turns | turn accuracy (95 % CI) | per kind | answerable refused "
    "| out-of-scope refused | baseline | batch sha256 |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|\n"
)


class LedgerError(ValueError):
    """A batch that already has its first-sight row, or a ledger that cannot be read."""


def wilson_interval(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion (95 % for z = 1.96); (0, 1) for n = 0.

    >>> tuple(round(x, 3) for x in wilson_interval(45, 50))
    (0.786, 0.957)
    """
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes (identifies the batch a row was measured on)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_commit(repo: Path) -> str:
    """Short hash of HEAD, with '+dirty' when the work tree has uncommitted changes to tracked files."""
    try:
        head = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short=10", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def recorded_batches(ledger: Path) -> set[str]:
    """Names of the batches that already have a first-sight row."""
    if not ledger.exists():
        return set()
    names = set()
    for line in ledger.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and cells[0] not in ("batch", "") and not cells[0].startswith("---"):
            names.add(cells[0].strip("`"))
    return names


def ledger_row(batch: str, summary: dict[str, Any], *, commit: str, sha256: str, baseline: float | None) -> str:
    """One Markdown table row from a run's summary (`eval.summary.summarize`)."""
    turns = int(summary["turns"])
    correct = round((summary["turn_accuracy"] or 0.0) * turns)
    low, high = wilson_interval(correct, turns)
    kinds = ", ".join(
        f"{k} {v['turn_accuracy']:.2f} ({v['turns']})" for k, v in summary["by_kind"].items() if v["turns"]
    )
    refused = summary.get("answerable_not_found_rate")
    oos = summary.get("not_found_recall")
    date = datetime.now(UTC).strftime("%Y-%m-%d")
    base = "–" if baseline is None else f"{baseline:.3f}"
    return (
        f"| `{batch}` | {date} | {commit} | {summary['items']} | {turns} | "
        f"**{summary['turn_accuracy']:.3f}** ({low:.3f}–{high:.3f}) | {kinds} | "
        f"{'–' if refused is None else f'{refused:.3f}'} | {'–' if oos is None else f'{oos:.3f}'} | {base} | "
        f"{sha256[:12]} |\n"
    )


def append_row(ledger: Path, batch: str, row: str) -> None:
    """Add a batch's first-sight row; raises `LedgerError` when the batch already has one."""
    if batch in recorded_batches(ledger):
        raise LedgerError(f"Lô {batch} đã có điểm lần đầu trong {ledger}; điểm lần đầu chỉ ghi một lần.")
    if not ledger.exists():
        ledger.parent.mkdir(parents=True, exist_ok=True)
        ledger.write_text("# Blind gold — first-sight ledger\n\n" + LEDGER_HEADER, encoding="utf-8")
    with ledger.open("a", encoding="utf-8") as fh:
        fh.write(row)
