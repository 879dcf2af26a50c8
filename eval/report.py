"""The report directory: report.json, report.md, failures.csv and accuracy_by_kind.png."""

from __future__ import annotations

import csv
import json
import math
import platform
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eval.run import RunResult
from eval.summary import compare_all, summarize

FAILURES_COLUMNS = [
    "retriever", "item_id", "kind", "turn", "question", "expect_status", "status", "gold_ids", "cited_ids",
    "missing_ids", "first_citation_ok", "missing_strings", "error", "answer",
]  # fmt: skip


def build_report(results: Sequence[RunResult], *, gold: str, mode: str) -> dict[str, Any]:
    """The report as one JSON-ready dict; top-level figures are those of the first run."""
    summaries = [summarize(r) for r in results]
    main = summaries[0]
    return {
        "gold": gold,
        "mode": mode,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        **{k: v for k, v in main.items() if k != "retriever"},
        "retriever": main["retriever"],
        "retrievers": {s["retriever"]: s for s in summaries},
        "comparisons": compare_all(results) if len(results) > 1 else [],
    }


def write_report(results: Sequence[RunResult], out_dir: Path, *, gold: str, mode: str) -> dict[str, Any]:
    """Write the four report files into `out_dir` (created if needed) and return the JSON report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    report = build_report(results, gold=gold, mode=mode)
    (out_dir / "report.json").write_text(
        json.dumps(_finite(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out_dir / "report.md").write_text(markdown(report), encoding="utf-8")
    write_failures(results, out_dir / "failures.csv")
    plot_by_kind(report, out_dir / "accuracy_by_kind.png")
    return report


def _finite(value: Any) -> Any:
    """NaN and infinities become null, so the JSON is standard."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def write_failures(results: Sequence[RunResult], path: Path) -> None:
    """One CSV row per failed turn of every run, with the answer that was given."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FAILURES_COLUMNS)
        for result in results:
            for r in result.records:
                if r.correct:
                    continue
                writer.writerow([
                    result.name, r.item_id, r.kind, r.turn, r.question, r.expect_status, r.status,
                    " ".join(r.gold_ids), " ".join(r.cited), " ".join(r.score.missing_ids),
                    r.score.first_citation_ok, " | ".join(r.score.missing_strings), r.error or "", r.answer,
                ])  # fmt: skip


def plot_by_kind(report: dict[str, Any], path: Path) -> None:
    """Grouped bars: turn accuracy per kind (x) and retriever (colour)."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers and in tests
    import matplotlib.pyplot as plt

    runs = report["retrievers"]
    kinds = sorted({k for s in runs.values() for k in s["by_kind"]})
    width = 0.8 / max(len(runs), 1)
    fig, ax = plt.subplots(figsize=(max(8, len(kinds) * 0.9), 4.5))
    for i, (name, s) in enumerate(runs.items()):
        values = [s["by_kind"].get(k, {}).get("turn_accuracy") or 0.0 for k in kinds]
        ax.bar([x + i * width for x in range(len(kinds))], values, width, label=name)
    ax.set_xticks([x + width * (len(runs) - 1) / 2 for x in range(len(kinds))], kinds, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("turn accuracy")
    ax.set_title(f"Accuracy by kind — {Path(report['gold']).name}")
    ax.legend(title="retriever")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _pct(value: float | None) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.1%}"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def markdown(report: dict[str, Any]) -> str:
    """A readable summary of the JSON report."""
    runs = report["retrievers"]
    names = list(runs)
    rows = [
        ("turn accuracy", "turn_accuracy", _pct), ("item accuracy", "item_accuracy", _pct),
        ("status accuracy", "status_accuracy", _pct), ("not-found precision", "not_found_precision", _pct),
        ("not-found recall", "not_found_recall", _pct), ("answerable → not_found", "answerable_not_found_rate", _pct),
        ("citation hit@1", "citation_hit@1", _pct), ("citation recall", "citation_recall", _pct),
        ("must-contain rate", "must_contain_rate", _pct),
    ]  # fmt: skip
    out = [
        f"# Evaluation report — `{report['gold']}`",
        "",
        f"{report['created']} · mode {report['mode']} · {report['items']} items, {report['turns']} turns.",
        "",
        "| figure | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    out += [f"| {label} | " + " | ".join(fmt(runs[n].get(key)) for n in names) + " |" for label, key, fmt in rows]
    out.append("| dangling [n] markers | " + " | ".join(str(runs[n]["dangling_markers"]) for n in names) + " |")
    out.append("| errors | " + " | ".join(str(runs[n]["errors"]) for n in names) + " |")
    for key in ("p50", "p95"):
        out.append(
            f"| answer latency {key} (ms) | "
            + " | ".join(_num(runs[n]["latency_ms"].get(key), 1) for n in names)
            + " |"
        )  # noqa: E501
    for key in ("hit@1", "recall@5", "mrr", "ndcg@10"):
        out.append(f"| retrieval {key} | " + " | ".join(_num(runs[n]["retrieval"].get(key)) for n in names) + " |")
    out += ["", "Retrieval is measured on the first turn of each item that has gold ids (the retriever alone, k=10).",
            "", "## Turn accuracy by kind", "", "| kind | turns | " + " | ".join(names) + " |",
            "|---|---|" + "---|" * len(names)]  # fmt: skip
    kinds = sorted({k for s in runs.values() for k in s["by_kind"]})
    first = runs[names[0]]["by_kind"]
    for k in kinds:
        cells = " | ".join(_pct(runs[n]["by_kind"].get(k, {}).get("turn_accuracy")) for n in names)
        out.append(f"| {k} | {first.get(k, {}).get('turns', 0)} | {cells} |")
    if report["comparisons"]:
        out += ["", "## Paired comparison (exact McNemar on per-turn correctness)", ""]
        out += ["| a | b | acc a | acc b | only a right | only b right | p |", "|---|---|---|---|---|---|---|"]
        for c in report["comparisons"]:
            out.append(
                f"| {c['a']} | {c['b']} | {_pct(c['accuracy_a'])} | {_pct(c['accuracy_b'])} | "
                f"{c['only_a_correct']} | {c['only_b_correct']} | {c['p_value']:.4f} |"
            )
    out += ["", "Failures, with the answer given: `failures.csv`. Chart: `accuracy_by_kind.png`.", ""]
    return "\n".join(out)
