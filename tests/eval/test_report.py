"""The harness with a fake assistant: sessions per item, scoring, the report files and the paired test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from eval.gold import GoldItem
from eval.remote import PlainAnswer, PlainCitation, PlainHit
from eval.report import write_report
from eval.run import run_items
from eval.summary import mcnemar, summarize
from tests.eval.conftest import item


class FakeAssistant:
    """Answers from a fixed table; remembers which session each question came in on."""

    def __init__(self, replies: dict[str, PlainAnswer]) -> None:
        self.replies = replies
        self.sessions: list[str | None] = []
        self.opened = 0

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> PlainAnswer:
        self.sessions.append(session_id)
        if question == "boom":
            raise RuntimeError("lỗi giả")
        if session_id is None:
            self.opened += 1
        reply = self.replies[question]
        return PlainAnswer(reply.status, reply.text, reply.citations, session_id or f"s{self.opened}")


LAND = "Ai quản lý CSDL đất đai Hà Tĩnh?"
FOLLOW = "Còn ở Hải Dương thì sao?"
WEATHER = "Thời tiết?"
REPLIES = {
    LAND: PlainAnswer("answered", "Sở Tài nguyên và Môi trường [1]", [PlainCitation("ha-tinh-2022/29")]),
    FOLLOW: PlainAnswer("answered", "Sở Xây dựng [1]", [PlainCitation("hai-duong-2022/22")]),
    WEATHER: PlainAnswer("answered", "Trời nắng [2]", []),
}


def gold() -> list[GoldItem]:
    follow = item("followup", LAND, ["ha-tinh-2022/29"], ["Sở Tài nguyên và Môi trường"], id="f1")
    follow["turns"].append(
        {
            "q": FOLLOW,
            "gold_ids": ["hai-duong-2022/14"],
            "must_contain": ["Sở Tài nguyên và Môi trường"],
            "expect_status": "answered",
        }
    )  # noqa: E501
    return [
        GoldItem.model_validate(follow),
        GoldItem.model_validate(item("oos", WEATHER, [], [], status="not_found", id="o1")),
        GoldItem.model_validate(item("field", "boom", ["ha-tinh-2022/29"], [], id="e1")),
    ]


def search(query: str, k: int) -> list[PlainHit]:
    return [PlainHit("ha-tinh-2022/30", 2.0), PlainHit("ha-tinh-2022/29", 1.0)][:k]


def test_turns_of_an_item_share_one_session_and_items_do_not() -> None:
    fake = FakeAssistant(REPLIES)
    run_items(gold(), fake, name="fake")
    assert fake.sessions == [None, "s1", None, None]


def test_scores_follow_the_contract_and_errors_fail_the_turn() -> None:
    result = run_items(gold(), FakeAssistant(REPLIES), name="fake")
    assert [r.correct for r in result.records] == [True, False, False, False]
    assert result.records[-1].error == "RuntimeError: lỗi giả"


def test_summary_counts_not_found_dangling_markers_and_kinds() -> None:
    s = summarize(run_items(gold(), FakeAssistant(REPLIES), name="fake", search=search))
    assert s["turn_accuracy"] == pytest.approx(0.25)
    assert s["item_accuracy"] == 0
    assert s["not_found_recall"] == 0
    assert s["dangling_markers"] == 1
    assert s["by_kind"]["followup"] == {"turns": 2, "items": 1, "turn_accuracy": 0.5}
    assert s["retrieval"]["mrr"] == pytest.approx(0.5)


def test_report_directory_holds_the_four_files(tmp_path: Path) -> None:
    result = run_items(gold(), FakeAssistant(REPLIES), name="bm25", search=search)
    write_report([result], tmp_path, gold="gold.jsonl", mode="test")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["turn_accuracy"] == pytest.approx(0.25)
    assert {"p50", "p95"} <= set(report["latency_ms"]) and "mrr" in report["retrieval"]
    assert "| turn accuracy | 25.0% |" in (tmp_path / "report.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader((tmp_path / "failures.csv").open(encoding="utf-8")))
    assert [(r["item_id"], r["turn"]) for r in rows] == [("f1", "2"), ("o1", "1"), ("e1", "1")]
    assert rows[0]["answer"] == "Sở Xây dựng [1]"
    assert (tmp_path / "accuracy_by_kind.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_mcnemar_on_discordant_turns() -> None:
    good = run_items(gold(), FakeAssistant(REPLIES), name="a")
    worse = dict(REPLIES)
    worse[LAND] = PlainAnswer("not_found", "Không có", [])
    bad = run_items(gold(), FakeAssistant(worse), name="b")
    c = mcnemar(good, bad)
    assert (c["only_a_correct"], c["only_b_correct"], c["turns"]) == (1, 0, 4)
    assert c["p_value"] == pytest.approx(1.0)
