"""Aggregate figures of one run, and the paired significance test between two runs."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from eval.metrics import latency_summary
from eval.run import RunResult, TurnRecord

_MARKER = re.compile(r"\[(\d+)\]")


def _share(numerator: float, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def dangling_markers(record: TurnRecord) -> int:
    """How many `[n]` markers of the answer point at no citation."""
    return sum(1 for m in _MARKER.finditer(record.answer) if not 1 <= int(m.group(1)) <= len(record.cited))


def summarize(result: RunResult) -> dict[str, Any]:
    """Turn and item accuracy, status and not-found figures, citations, strings, per kind, latency, retrieval."""
    recs = result.records
    by_item: dict[str, list[TurnRecord]] = defaultdict(list)
    for r in recs:
        by_item[r.item_id].append(r)
    expected_nf = [r for r in recs if r.expect_status == "not_found"]
    predicted_nf = [r for r in recs if r.status == "not_found"]
    answerable = [r for r in recs if r.expect_status == "answered"]
    with_gold = [r for r in recs if r.gold_ids]
    with_strings = [r for r in recs if r.must_contain]
    answered = [r for r in recs if r.status == "answered"]
    return {
        "retriever": result.name,
        "turns": len(recs),
        "items": len(by_item),
        "turn_accuracy": _share(sum(r.correct for r in recs), len(recs)),
        "item_accuracy": _share(sum(all(r.correct for r in rs) for rs in by_item.values()), len(by_item)),
        "status_accuracy": _share(sum(r.score.status_ok for r in recs), len(recs)),
        "not_found_precision": _share(sum(r.expect_status == "not_found" for r in predicted_nf), len(predicted_nf)),
        "not_found_recall": _share(sum(r.status == "not_found" for r in expected_nf), len(expected_nf)),
        "answerable_not_found_rate": _share(sum(r.status == "not_found" for r in answerable), len(answerable)),
        "citation_hit@1": _share(sum(bool(r.cited) and r.cited[0] in r.gold_ids for r in with_gold), len(with_gold)),
        "citation_recall": _share(
            sum(len(set(r.gold_ids) & set(r.cited)) / len(set(r.gold_ids)) for r in with_gold), len(with_gold)
        ),
        "must_contain_rate": _share(sum(r.score.must_contain_ok for r in with_strings), len(with_strings)),
        "dangling_markers": sum(dangling_markers(r) for r in recs),
        "answered_without_citation": sum(not r.cited for r in answered),
        "errors": sum(r.error is not None for r in recs),
        "by_kind": by_kind(recs),
        "latency_ms": latency_summary([r.latency_ms for r in recs]),
        "retrieval": dict(result.retrieval),
        "retrieval_latency_ms": latency_summary(result.retrieval_ms) if result.retrieval_ms else {},
    }


def by_kind(records: Sequence[TurnRecord]) -> dict[str, dict[str, float | int | None]]:
    """Turn accuracy and counts per gold kind."""
    groups: dict[str, list[TurnRecord]] = defaultdict(list)
    for r in records:
        groups[r.kind].append(r)
    return {
        kind: {
            "turns": len(rs),
            "items": len({r.item_id for r in rs}),
            "turn_accuracy": _share(sum(r.correct for r in rs), len(rs)),
        }
        for kind, rs in sorted(groups.items())
    }


def mcnemar(a: RunResult, b: RunResult) -> dict[str, Any]:
    """Exact McNemar test on per-turn correctness of two runs over the same gold turns.

    Only discordant turns carry information: under the null hypothesis that both set-ups are equally
    accurate, "a right, b wrong" is a fair coin among them (scipy's exact binomial test, two-sided).
    """
    from scipy.stats import binomtest

    right_a = {r.key: r.correct for r in a.records}
    right_b = {r.key: r.correct for r in b.records}
    shared = sorted(set(right_a) & set(right_b))
    only_a = sum(right_a[k] and not right_b[k] for k in shared)
    only_b = sum(right_b[k] and not right_a[k] for k in shared)
    discordant = only_a + only_b
    p_value = float(binomtest(only_a, discordant, 0.5).pvalue) if discordant else 1.0
    acc_a = sum(right_a[k] for k in shared) / len(shared) if shared else 0.0
    acc_b = sum(right_b[k] for k in shared) / len(shared) if shared else 0.0
    return {
        "a": a.name,
        "b": b.name,
        "turns": len(shared),
        "accuracy_a": acc_a,
        "accuracy_b": acc_b,
        "difference": acc_a - acc_b,
        "only_a_correct": only_a,
        "only_b_correct": only_b,
        "test": "exact McNemar (two-sided binomial test on discordant turns)",
        "p_value": p_value,
    }


def compare_all(results: Sequence[RunResult]) -> list[dict[str, Any]]:
    """McNemar for every pair of runs, in the order given."""
    return [mcnemar(a, b) for i, a in enumerate(results) for b in results[i + 1 :]]
