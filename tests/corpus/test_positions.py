"""`corpus.positions`: every clause and every fact of a decision is found on the source lines that hold it."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.build import parse_source
from corpus.positions import SourceText, with_positions
from corpus.records import ParsedDocument
from corpus.validate import validate

SOURCES = Path(__file__).resolve().parents[2] / "corpus" / "sources"
LAYOUTS = {"ha-tinh-2022": "cells", "hai-duong-2022": "pdf", "quang-ninh-2026": "tsv"}


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    return {doc: parse_source(SOURCES / f"{doc}.txt", layout) for doc, layout in LAYOUTS.items()}


def held(p: ParsedDocument, span: tuple[int, int]) -> list[str]:
    """The non-blank lines of a span, stripped."""
    return [line.strip() for line in p.lines[span[0] - 1 : span[1]] if line.strip()]


def test_parsed_document_keeps_every_raw_line_numbered_as_in_the_file(parsed: dict[str, ParsedDocument]) -> None:
    text = (SOURCES / "ha-tinh-2022.txt").read_text(encoding="utf-8")
    assert parsed["ha-tinh-2022"].lines == text.splitlines()
    assert (
        parsed["ha-tinh-2022"].lines[45]
        == "(Kèm theo Quyết định số 1402/QĐ-UBND ngày 12/7/2022 của Chủ tịch UBND tỉnh)"
    )


def test_signature_lines_run_from_the_title_line_to_the_signers_name(parsed: dict[str, ParsedDocument]) -> None:
    ha_tinh = parsed["ha-tinh-2022"]
    assert ha_tinh.document.fact_lines["signer"] == (34, 40)
    assert held(ha_tinh, (34, 40)) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Ngọc Châu"]
    quang_ninh = parsed["quang-ninh-2026"]
    assert held(quang_ninh, quang_ninh.document.fact_lines["signer"]) == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Công",
    ]


def test_signature_found_across_blank_pdf_lines(parsed: dict[str, ParsedDocument]) -> None:
    hai_duong = parsed["hai-duong-2022"]
    assert held(hai_duong, hai_duong.document.fact_lines["signer"]) == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Minh Hùng",
    ]


def test_number_and_date_are_the_annex_reference_line(parsed: dict[str, ParsedDocument]) -> None:
    facts = parsed["ha-tinh-2022"].document.fact_lines
    assert facts["number"] == facts["date"] == (46, 46)


def test_blank_number_points_at_the_line_that_leaves_it_blank(parsed: dict[str, ParsedDocument]) -> None:
    quang_ninh = parsed["quang-ninh-2026"]
    assert quang_ninh.document.number is None
    assert held(quang_ninh, quang_ninh.document.fact_lines["number"]) == [
        "Số: /QĐ-UBND Quảng Ninh, ngày tháng năm 2026"
    ]
    hai_duong = parsed["hai-duong-2022"]
    (line,) = held(hai_duong, hai_duong.document.fact_lines["date"])
    assert "ngày      /3/2022" in line


def test_proposal_wrapped_over_pdf_lines_is_found_whole(parsed: dict[str, ParsedDocument]) -> None:
    hai_duong = parsed["hai-duong-2022"]
    assert (
        hai_duong.document.proposal
        == "Theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 148/TTr-STTTT ngày 10/02/2022"
    )
    assert held(hai_duong, hai_duong.document.fact_lines["proposal"]) == [
        "Theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 148/TTr-",
        "STTTT ngày 10/02/2022.",
    ]


def test_legal_bases_span_runs_from_the_first_to_the_last_basis(parsed: dict[str, ParsedDocument]) -> None:
    ha_tinh = parsed["ha-tinh-2022"]
    lines = held(ha_tinh, ha_tinh.document.fact_lines["legal_bases"])
    assert len(lines) == 6 and all(line.startswith("Căn cứ") for line in lines)


def test_title_in_capitals_is_found_on_its_line(parsed: dict[str, ParsedDocument]) -> None:
    ha_tinh = parsed["ha-tinh-2022"]
    assert ha_tinh.document.title == "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh"
    assert held(ha_tinh, ha_tinh.document.fact_lines["title"]) == [
        "BAN HÀNH DANH MỤC CƠ SỞ DỮ LIỆU DÙNG CHUNG TỈNH HÀ TĨNH"
    ]


def test_replaced_decision_is_found_in_article_3(parsed: dict[str, ParsedDocument]) -> None:
    quang_ninh = parsed["quang-ninh-2026"]
    assert quang_ninh.document.fact_lines["replaces"] == (67, 67)
    assert quang_ninh.lines[66].startswith("Điều 3. Quyết định này có hiệu lực thi hành")


def test_every_clause_has_its_lines(parsed: dict[str, ParsedDocument]) -> None:
    assert all(c.source_lines for p in parsed.values() for c in p.clauses)
    by_id = {c.id: c for p in parsed.values() for c in p.clauses}
    assert by_id["ha-tinh-2022/dieu-3"].source_lines == (20, 21)
    assert by_id["hai-duong-2022/dieu-3"].source_lines == (123, 129)


def test_a_point_has_its_own_lines_not_its_clauses_first_line(parsed: dict[str, ParsedDocument]) -> None:
    ha_tinh = parsed["ha-tinh-2022"]
    point = next(c for c in ha_tinh.clauses if c.id == "ha-tinh-2022/dieu-2.1.b")
    assert point.source_lines == (16, 16)
    assert ha_tinh.lines[15].startswith("b) Tham mưu cho Ủy ban nhân dân tỉnh")


def test_a_fact_the_source_does_not_hold_is_a_validation_problem(parsed: dict[str, ParsedDocument]) -> None:
    ha_tinh = parsed["ha-tinh-2022"]
    text = "\n".join(ha_tinh.lines) + "\n"
    changed = ha_tinh.model_copy(update={"document": ha_tinh.document.model_copy(update={"signer": "Trần Văn Bình"})})
    problems = validate(with_positions(changed, text), expected_entries=34)
    assert problems == ["ha-tinh-2022 ha-tinh-2022 fact_lines[signer]: not found in the source"]


def test_find_reads_across_wrapped_lines_accents_and_case() -> None:
    source = SourceText(["CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH", "", "Tờ trình số 148/TTr- ", " STTTT ngày 10/02/2022."])
    assert source.find("Chủ tịch Ủy ban nhân dân tỉnh") == (1, 1)
    assert source.find("Tờ trình số 148/TTr-STTTT ngày 10/02/2022") == (3, 4)
    assert source.find("Tờ trình số 149") is None
