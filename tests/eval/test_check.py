"""The gold checker on good and broken gold files, against records parsed from the real decisions."""

from __future__ import annotations

from pathlib import Path

from corpus.store import Corpus
from eval.check import GoldChecker, check_file, source_texts
from tests.eval.conftest import item

HT_LAND = item("field", "Ai quản lý CSDL về đất đai của Hà Tĩnh?", ["ha-tinh-2022/29"], ["Sở Tài nguyên và Môi trường"])


def messages(path: Path, corpus: Corpus, sources: Path) -> list[str]:
    return [p.message for p in check_file(path, corpus, sources)]


def test_good_items_pass(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    good = [
        HT_LAND,
        item("list", "Sở Tư pháp Hà Tĩnh quản lý CSDL nào?", ["ha-tinh-2022/31", "ha-tinh-2022/32"], [], id="l",
             check={"document": "ha-tinh-2022", "agency": "Sở Tư pháp"}),
        item("count", "Quảng Ninh nhóm B có mấy CSDL?", [], ["13"], id="c",
             check={"document": "quang-ninh-2026", "group": "B"}),
        item("meta", "Số quyết định Quảng Ninh?", [], ["để trống"], id="m", not_in_source=["để trống"]),
        item("oos", "Thời tiết?", [], [], status="not_found", id="o"),
    ]  # fmt: skip
    assert messages(write_gold(good), two_doc_corpus, two_doc_sources) == []


def test_unknown_id_is_reported(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    bad = item("field", "Ai quản lý?", ["ha-tinh-2022/99"], [])
    assert any("ha-tinh-2022/99" in m for m in messages(write_gold([bad]), two_doc_corpus, two_doc_sources))


def test_malformed_id_is_reported(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    bad = item("field", "Ai quản lý?", ["Hà Tĩnh 29"], [])
    assert any("CONTRACT §1" in m for m in messages(write_gold([bad]), two_doc_corpus, two_doc_sources))


def test_string_absent_from_record_and_source_is_reported(
    write_gold, two_doc_corpus: Corpus, two_doc_sources: Path
) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    bad = item("field", "Ai quản lý CSDL đất đai Hà Tĩnh?", ["ha-tinh-2022/29"], ["Sở Xây dựng Hà Nội"])
    assert any("Sở Xây dựng Hà Nội" in m for m in messages(write_gold([bad]), two_doc_corpus, two_doc_sources))


def test_duplicate_ids_are_reported(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    problems = check_file(write_gold([HT_LAND, HT_LAND]), two_doc_corpus, two_doc_sources)
    assert [(p.line, p.message) for p in problems] == [(2, "id trùng với dòng 1")]


def test_list_gold_is_recomputed(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    short = item("list", "Sở Tư pháp Hà Tĩnh quản lý CSDL nào?", ["ha-tinh-2022/31"], [],
                 check={"document": "ha-tinh-2022", "agency": "Sở Tư pháp"})  # fmt: skip
    assert any("ha-tinh-2022/32" in m for m in messages(write_gold([short]), two_doc_corpus, two_doc_sources))


def test_count_gold_is_recomputed(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    wrong = item("count", "Hà Tĩnh có bao nhiêu CSDL?", [], ["35"], check={"document": "ha-tinh-2022"})
    assert messages(write_gold([wrong]), two_doc_corpus, two_doc_sources) == [
        "số đếm lại từ kho dữ liệu là 34, gold ghi [35]"
    ]


def test_oos_with_gold_ids_is_reported(write_gold, two_doc_corpus: Corpus, two_doc_sources: Path) -> None:  # type: ignore[no-untyped-def]
    bad = item("oos", "CSDL đất đai Hà Tĩnh?", ["ha-tinh-2022/29"], [], status="not_found")
    assert any("ngoài phạm vi" in m for m in messages(write_gold([bad]), two_doc_corpus, two_doc_sources))


def test_string_is_found_in_source_text_across_wrapped_lines(two_doc_corpus: Corpus, two_doc_sources: Path) -> None:
    checker = GoldChecker(two_doc_corpus, source_texts(two_doc_sources))
    from eval.gold import GoldItem

    # "Sở Lao động -Thương binh và Xã hội" ends one line; the sharing cell of entry 28 wraps (lines 308-309).
    wrapped = GoldItem.model_validate(
        item("field", "?", ["ha-tinh-2022/28"], ["tương ứng với từng đối tượng khai thác"])
    )
    assert checker.check_item(wrapped) == []
