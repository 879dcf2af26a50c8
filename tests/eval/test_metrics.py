"""The contract's scoring rule and the retrieval metrics."""

from __future__ import annotations

import math

import pytest

from eval.gold import GoldTurn
from eval.metrics import hit_at_k, normalize_text, percentile, recall_at_k, retrieval_metrics, turn_correct
from eval.remote import PlainAnswer, PlainCitation

TURN = GoldTurn(
    q="Ai quản lý CSDL về đất đai của Hà Tĩnh?",
    gold_ids=["ha-tinh-2022/29"],
    must_contain=["Sở Tài nguyên và Môi trường"],
    expect_status="answered",
)


def answer(text: str, cited: list[str], status: str = "answered") -> PlainAnswer:
    return PlainAnswer(status, text, [PlainCitation(c) for c in cited], "s1")


def test_normalize_text_folds_case_composes_and_collapses_spaces() -> None:
    decomposed = "SỞ  TÀI\nNGUYÊN".replace("Ở", "O\u031b\u0309")
    assert normalize_text(decomposed) == "sở tài nguyên"


def test_correct_answer_is_correct() -> None:
    assert turn_correct(TURN, answer("Sở Tài nguyên và Môi trường [1]", ["ha-tinh-2022/29"]), single_answer=True)


def test_wrong_status_is_incorrect() -> None:
    reply = answer("Sở Tài nguyên và Môi trường", ["ha-tinh-2022/29"], status="clarify")
    assert not turn_correct(TURN, reply, single_answer=True)


def test_single_answer_needs_gold_id_first() -> None:
    reply = answer("Sở Tài nguyên và Môi trường [2]", ["ha-tinh-2022/30", "ha-tinh-2022/29"])
    assert not turn_correct(TURN, reply, single_answer=True)


def test_list_answer_accepts_gold_ids_in_any_position() -> None:
    reply = answer("Sở Tài nguyên và Môi trường [2]", ["ha-tinh-2022/30", "ha-tinh-2022/29"])
    assert turn_correct(TURN, reply, single_answer=False)


def test_missing_gold_id_is_incorrect() -> None:
    assert not turn_correct(TURN, answer("Sở Tài nguyên và Môi trường", ["ha-tinh-2022/30"]), single_answer=False)


def test_must_contain_ignores_case_and_line_breaks() -> None:
    reply = answer("SỞ TÀI NGUYÊN\nVÀ   MÔI TRƯỜNG", ["ha-tinh-2022/29"])
    assert turn_correct(TURN, reply, single_answer=True)


def test_missing_must_contain_string_is_incorrect() -> None:
    assert not turn_correct(TURN, answer("Sở Xây dựng [1]", ["ha-tinh-2022/29"]), single_answer=True)


def test_not_found_turn_without_gold_ids_is_correct_with_no_citation() -> None:
    oos = GoldTurn(q="Thời tiết hôm nay?", expect_status="not_found")
    assert turn_correct(oos, answer("Không có trong danh mục.", [], status="not_found"), single_answer=False)


def test_hit_and_recall_at_k() -> None:
    ranked = ["a", "b", "c"]
    assert hit_at_k(ranked, ["b"], 2) and not hit_at_k(ranked, ["c"], 2)
    assert recall_at_k(ranked, ["a", "c", "z"], 3) == pytest.approx(2 / 3)


def test_percentile_interpolates_and_is_nan_for_nothing() -> None:
    assert percentile([10.0, 20.0, 30.0, 40.0], 50) == pytest.approx(25.0)
    assert math.isnan(percentile([], 95))


def test_retrieval_metrics_come_from_ranx() -> None:
    qrels = {"q1": ["x"], "q2": ["y", "z"]}
    runs = {"q1": [("w", 2.0), ("x", 1.0)], "q2": [("y", 3.0), ("q", 2.0), ("z", 1.0)]}
    m = retrieval_metrics(qrels, runs)
    assert m["hit@1"] == pytest.approx(0.5)
    assert m["mrr"] == pytest.approx(0.75)
    assert m["recall@5"] == pytest.approx(1.0)
    assert 0 < m["ndcg@10"] < 1
