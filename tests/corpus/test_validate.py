"""`corpus.validate`: each problem is found and named by document, record id and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corpus.build import parse_source
from corpus.records import DeclaredCount, ParsedDocument
from corpus.validate import validate

DOC = "ha-tinh-2022"


@pytest.fixture(scope="module")
def ha_tinh() -> ParsedDocument:
    return parse_source(Path(__file__).resolve().parents[2] / "corpus" / "sources" / "ha-tinh-2022.txt", "cells")


def with_entry(parsed: ParsedDocument, number: int, **changes: Any) -> ParsedDocument:
    """The document with entry `number` changed."""
    entries = [e.model_copy(update=changes) if e.number == number else e for e in parsed.entries]
    return parsed.model_copy(update={"entries": entries})


def test_sound_document_has_no_problems(ha_tinh: ParsedDocument) -> None:
    assert validate(ha_tinh, expected_entries=34) == []


def test_entry_count_differs_from_manifest(ha_tinh: ParsedDocument) -> None:
    assert validate(ha_tinh, expected_entries=35) == [f"{DOC} {DOC} entries: 34 parsed, 35 expected"]


def test_no_expected_count_skips_the_check(ha_tinh: ParsedDocument) -> None:
    assert validate(ha_tinh, expected_entries=None) == []


def test_declared_count_differs_from_parsed_entries(ha_tinh: ParsedDocument) -> None:
    declared = [DeclaredCount(group=None, sector=None, count=33, line=44)]
    problems = validate(ha_tinh.model_copy(update={"declared_counts": declared}), expected_entries=34)
    assert problems == [f"{DOC} {DOC} entries: whole table declares 33 (line 44), 34 parsed"]


def test_declared_sector_count_matches_sector_accent_insensitively(ha_tinh: ParsedDocument) -> None:
    parsed = with_entry(ha_tinh, 1, sector="LĨNH VỰC KẾ HOẠCH")
    declared = [DeclaredCount(group=None, sector="Linh vuc ke hoach", count=1, line=50)]
    assert validate(parsed.model_copy(update={"declared_counts": declared}), expected_entries=34) == []


def test_duplicate_entry_id(ha_tinh: ParsedDocument) -> None:
    parsed = ha_tinh.model_copy(update={"entries": [*ha_tinh.entries, ha_tinh.entries[0]]})
    assert f"{DOC} {DOC}/1 id: duplicate (2 records)" in validate(parsed, expected_entries=None)


@pytest.mark.parametrize("field", ["name", "agency"])
def test_empty_required_field(ha_tinh: ParsedDocument, field: str) -> None:
    problems = validate(with_entry(ha_tinh, 2, **{field: "  "}), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/2 {field}: empty (required)"]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        (
            "content",
            '<ul style="list-style-type: none"> - Thông tin A',
            "HTML tag left: '<ul style=\"list-style-type: none\">'",
        ),
        ("purpose", "Quản lý</p>", "HTML tag left: '</p>'"),
        ("scope", "Toàn&nbsp;tỉnh", "HTML entity left: '&nbsp;'"),
        ("name", "CSDL\tvề đất đai", "tab character (layout debris)"),
        ("purpose", "Mục đích: quản lý STT CƠ QUAN QUẢN LÝ", "page-header words 'CƠ QUAN QUẢN' (layout debris)"),
        ("content", "thông tin HẠNG MỤC\nDỮ LIỆU", "page-header words 'HẠNG MỤC DỮ LIỆU' (layout debris)"),
        ("collection", "TÊN CƠ SỞ DỮ LIỆU", "page-header words 'TÊN CƠ SỞ' (layout debris)"),
        ("sharing", "- Chia sẻ dữ liệu\n13\nmặc định", "line that is only a page number: '13'"),
        (
            "notes",
            "https://thuvienphapluat.vn/van-ban/abc.aspx",
            "stray URL line: 'https://thuvienphapluat.vn/van-ban/abc.aspx'",
        ),
    ],
)
def test_debris_in_a_cell_is_named_with_its_field(
    ha_tinh: ParsedDocument, field: str, value: str, problem: str
) -> None:
    assert validate(with_entry(ha_tinh, 7, **{field: value}), expected_entries=34) == [
        f"{DOC} {DOC}/7 {field}: {problem}"
    ]


def test_ordinary_text_with_numbers_and_dashes_is_not_debris(ha_tinh: ParsedDocument) -> None:
    text = "- Nghị định số 47/2020/NĐ-CP\n- Năm 2026\n- Quy mô 1:50000"
    assert validate(with_entry(ha_tinh, 7, content=text), expected_entries=34) == []


def test_entry_id_not_built_by_corpus_ids(ha_tinh: ParsedDocument) -> None:
    problems = validate(with_entry(ha_tinh, 3, id=f"{DOC}/A-3"), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/A-3 id: does not follow corpus.ids (expected {DOC}/3)"]


def test_entry_of_another_document(ha_tinh: ParsedDocument) -> None:
    problems = validate(with_entry(ha_tinh, 3, document_id="hai-duong-2022"), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/3 document_id: 'hai-duong-2022' is not the document '{DOC}'"]


def test_clause_with_stray_url_line(ha_tinh: ParsedDocument) -> None:
    clauses = [
        c.model_copy(update={"text": c.text + "\nhttps://thuvienphapluat.vn/x.aspx"}) if c.id == f"{DOC}/dieu-3" else c
        for c in ha_tinh.clauses
    ]
    problems = validate(ha_tinh.model_copy(update={"clauses": clauses}), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/dieu-3 text: stray URL line: 'https://thuvienphapluat.vn/x.aspx'"]


def test_clause_id_not_built_by_corpus_ids(ha_tinh: ParsedDocument) -> None:
    clauses = [c.model_copy(update={"id": f"{DOC}/dieu-9"}) if c.id == f"{DOC}/dieu-3" else c for c in ha_tinh.clauses]
    problems = validate(ha_tinh.model_copy(update={"clauses": clauses}), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/dieu-9 id: does not follow corpus.ids (expected {DOC}/dieu-3)"]


def test_document_without_article_1(ha_tinh: ParsedDocument) -> None:
    clauses = [c for c in ha_tinh.clauses if c.article != 1]
    problems = validate(ha_tinh.model_copy(update={"clauses": clauses}), expected_entries=34)
    assert problems == [f"{DOC} {DOC}/dieu-1 clauses: Điều 1 missing"]


def test_document_id_not_matching_its_province(ha_tinh: ParsedDocument) -> None:
    document = ha_tinh.document.model_copy(update={"province": "Hải Dương"})
    problems = validate(ha_tinh.model_copy(update={"document": document}), expected_entries=34)
    assert problems == [f"{DOC} {DOC} id: does not match province 'Hải Dương' (slug hai-duong)"]


def test_html_in_a_legal_basis(ha_tinh: ParsedDocument) -> None:
    bases = [*ha_tinh.document.legal_bases, "Căn cứ <b>Luật Dữ liệu</b>;"]
    document = ha_tinh.document.model_copy(update={"legal_bases": bases})
    problems = validate(ha_tinh.model_copy(update={"document": document}), expected_entries=34)
    assert problems == [f"{DOC} {DOC} legal_bases[7]: HTML tag left: '<b>'"]
