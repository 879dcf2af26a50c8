"""Reading gold files: the real ones load, broken ones fail with file and line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eval.gold import GoldError, Kind, load_gold
from tests.eval.conftest import item

GOLD_DIR = Path(__file__).resolve().parents[2] / "eval" / "gold"


def test_dev_set_has_250_items_of_every_kind() -> None:
    items = load_gold(GOLD_DIR / "dev.jsonl")
    assert len(items) >= 250
    assert set(Counter(i.kind for i in items)) == set(Kind)


def test_test_split_is_about_a_fifth_of_dev_and_shares_no_opening_question() -> None:
    dev, test = load_gold(GOLD_DIR / "dev.jsonl"), load_gold(GOLD_DIR / "test.jsonl")
    assert 0.15 * len(dev) <= len(test) <= 0.3 * len(dev)
    # Later turns may repeat generic follow-ups ("Còn ở Hà Tĩnh thì sao?"); opening questions must differ.
    assert not {i.turns[0].q for i in dev} & {i.turns[0].q for i in test}


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "kind": "oos", "turns": [{"q": "x", "expect_status": "not_found"}]}\n{oops\n')
    with pytest.raises(GoldError, match=r"g\.jsonl:2: không phải JSON"):
        load_gold(path)


def test_unknown_kind_is_rejected(write_gold) -> None:  # type: ignore[no-untyped-def]
    path = write_gold([item("guess", "Câu hỏi?", [], [])])
    with pytest.raises(GoldError, match=r":1: kind"):
        load_gold(path)


def test_unknown_status_is_rejected(write_gold) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GoldError, match="expect_status"):
        load_gold(write_gold([item("field", "Câu hỏi?", [], [], status="maybe")]))


def test_blank_question_is_rejected(write_gold) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GoldError, match="blank"):
        load_gold(write_gold([item("field", "   ", [], [])]))


def test_item_without_turns_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "kind": "oos", "turns": []}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="turns"):
        load_gold(path)


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("\n\n", encoding="utf-8")
    with pytest.raises(GoldError, match="không có câu hỏi"):
        load_gold(tmp_path / "g.jsonl")


def test_non_utf8_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_bytes("Câu hỏi".encode("utf-16"))
    with pytest.raises(GoldError, match="UTF-8"):
        load_gold(tmp_path / "g.jsonl")


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="không tìm thấy"):
        load_gold(tmp_path / "none.jsonl")
