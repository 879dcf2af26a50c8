"""Lists, counts, clauses and decision metadata, computed over the records."""

from __future__ import annotations

from assistant import AnswerStatus, Assistant


def test_open_data_list_of_hai_duong(assistant: Assistant) -> None:
    a = assistant.ask("Những CSDL nào của Hải Dương thuộc hạng mục dữ liệu mở?")
    assert [c.id for c in a.citations] == ["hai-duong-2022/2", "hai-duong-2022/30"]


def test_list_by_agency(assistant: Assistant) -> None:
    a = assistant.ask("Sở Tư pháp Hà Tĩnh quản lý những CSDL nào?")
    assert [c.id for c in a.citations] == ["ha-tinh-2022/31", "ha-tinh-2022/32"]


def test_count_of_quang_ninh_group_b(assistant: Assistant) -> None:
    a = assistant.ask("Danh mục của Quảng Ninh có bao nhiêu cơ sở dữ liệu do tỉnh triển khai?")
    assert a.status is AnswerStatus.ANSWERED
    assert "13" in a.text
    assert len(a.citations) == 13


def test_count_of_sector(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh có bao nhiêu CSDL thuộc lĩnh vực nội vụ?")
    assert "15" in a.text


def test_clause_point_names_the_assigned_agency(assistant: Assistant) -> None:
    a = assistant.ask("Ở Quảng Ninh, cơ quan nào chủ trì xây dựng, triển khai Kho dữ liệu số của tỉnh?")
    assert a.citations[0].id == "quang-ninh-2026/dieu-2.1.c"
    assert "Sở Khoa học và Công nghệ" in a.text


def test_meta_replaced_decision(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định danh mục CSDL dùng chung mới của Quảng Ninh thay thế quyết định nào?")
    assert a.citations[0].id == "quang-ninh-2026/dieu-3"
    assert "2609/QĐ-UBND" in a.text


def test_meta_decision_number(assistant: Assistant) -> None:
    a = assistant.ask("Số hiệu quyết định ban hành danh mục CSDL dùng chung của Hà Tĩnh là gì?")
    assert "1402/QĐ-UBND" in a.text


def test_blank_decision_number_is_said_blank(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định của Hải Dương số mấy?")
    assert a.status is AnswerStatus.ANSWERED
    assert "để trống" in a.text


def test_effective_date_clause(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định của Hà Tĩnh có hiệu lực khi nào?")
    assert a.citations[0].id == "ha-tinh-2022/dieu-3"
    assert "có hiệu lực kể từ ngày ban hành" in a.text


def test_abbreviated_agency_lists_its_databases(assistant: Assistant) -> None:
    a = assistant.ask("Sở TNMT Hà Tĩnh quản lý những cơ sở dữ liệu nào?")
    assert [c.id for c in a.citations] == ["ha-tinh-2022/29", "ha-tinh-2022/30"]


def test_count_by_sharing_mode(assistant: Assistant) -> None:
    a = assistant.ask("Hà Tĩnh có bao nhiêu CSDL là dữ liệu mở?")
    assert "có 2 CSDL" in a.text
    assert {c.id for c in a.citations} == {"ha-tinh-2022/19", "ha-tinh-2022/20"}


def test_totals_compare_provinces(assistant: Assistant) -> None:
    a = assistant.ask("Tỉnh nào có nhiều CSDL dùng chung hơn, Hà Tĩnh hay Quảng Ninh?")
    assert "Hà Tĩnh: 34 CSDL" in a.text and "Quảng Ninh: 44 CSDL" in a.text
