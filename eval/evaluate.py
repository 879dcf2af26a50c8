"""Running a gold file end to end: open the assistant(s) or reach a server, run, write the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval.gold import load_gold
from eval.remote import RemoteAssistant
from eval.report import build_report, write_report
from eval.run import RunResult, run_items

RETRIEVERS = ("bm25", "dense", "hybrid")


def _quiet(message: str) -> None:
    """Progress sink that drops messages."""


def run_in_process(
    gold: Path,
    *,
    retrievers: Sequence[str],
    sources_dir: Path,
    data_dir: Path,
    embedder: str,
    progress: Callable[[str], None] = _quiet,
    baseline: bool = False,
) -> list[RunResult]:
    """One run per retriever, each with a fresh assistant whose sessions live in memory.

    With `baseline`, one more run (named "baseline", after the last retriever's) answers from that retriever's top
    hit, refusing below its cross-validated threshold (`eval.baseline`), when that threshold has been fitted.
    """
    from assistant.runtime import open_assistant

    items = load_gold(gold)
    results = []
    for kind in retrievers:
        progress(f"Mở trợ lý với bộ tìm kiếm {kind}")
        assistant = open_assistant(
            sources_dir=sources_dir, data_dir=data_dir, embedder=embedder, retriever=kind, sessions_db=None
        )
        search = assistant.retriever.search if assistant.retriever is not None else None
        results.append(run_items(items, assistant, name=kind, search=search, progress=progress))
        if baseline and kind == retrievers[-1]:
            from eval.baseline import TopHitBaseline

            top_hit = TopHitBaseline.fitted(assistant)
            if top_hit is not None:
                results.append(run_items(items, top_hit, name="baseline", progress=progress))
    return results


def run_remote(gold: Path, *, api: str, progress: Callable[[str], None] = _quiet) -> list[RunResult]:
    """One run against a server: `POST /api/ask` with the returned session ids, retrieval by `/api/search`."""
    items = load_gold(gold)
    remote = RemoteAssistant(api)
    try:
        return [run_items(items, remote, name="api", search=remote.search, progress=progress)]
    finally:
        remote.close()


def report_for(results: Sequence[RunResult], *, gold: Path, mode: str, report_dir: Path | None) -> dict[str, Any]:
    """The JSON report; also written to `report_dir` with the Markdown, CSV and chart when given."""
    if report_dir is None:
        return build_report(results, gold=str(gold), mode=mode)
    return write_report(results, report_dir, gold=str(gold), mode=mode)
