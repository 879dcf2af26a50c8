"""The first-sight ledger: one row per blind batch, never overwritten; Wilson intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.ledger import LedgerError, append_row, ledger_row, recorded_batches, wilson_interval

SUMMARY = {
    "turns": 80, "items": 70, "turn_accuracy": 0.825, "answerable_not_found_rate": 0.082, "not_found_recall": 1.0,
    "by_kind": {"field": {"turns": 11, "turn_accuracy": 0.91}, "oos": {"turns": 7, "turn_accuracy": 1.0}},
}  # fmt: skip


def test_wilson_interval_brackets_the_proportion() -> None:
    low, high = wilson_interval(66, 80)
    assert low < 66 / 80 < high
    assert (round(low, 3), round(high, 3)) == (0.727, 0.893)


def test_wilson_interval_of_no_turns_is_the_whole_range() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_row_states_accuracy_interval_kinds_and_refusals() -> None:
    row = ledger_row("batch-09", SUMMARY, commit="abc1234", sha256="f" * 64, baseline=0.475)
    assert "**0.825** (0.727–0.893)" in row
    assert "field 0.91 (11)" in row and "| 0.082 | 1.000 | 0.475 |" in row


def test_a_batch_is_recorded_once(tmp_path: Path) -> None:
    ledger = tmp_path / "LEDGER.md"
    append_row(ledger, "batch-09", ledger_row("batch-09", SUMMARY, commit="a", sha256="0" * 64, baseline=None))
    assert recorded_batches(ledger) == {"batch-09"}
    with pytest.raises(LedgerError):
        append_row(ledger, "batch-09", ledger_row("batch-09", SUMMARY, commit="b", sha256="0" * 64, baseline=None))
    assert ledger.read_text(encoding="utf-8").count("`batch-09`") == 1


def test_the_repository_ledger_lists_the_first_blind_batch() -> None:
    ledger = Path(__file__).resolve().parents[2] / "eval" / "gold" / "blind" / "LEDGER.md"
    assert "batch-01" in recorded_batches(ledger)
