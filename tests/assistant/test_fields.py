"""Answers about one entry: fields quoted verbatim from the record, with valid citations."""

from __future__ import annotations

import re

from assistant import AnswerStatus, Assistant


def markers_valid(text: str, n_citations: int) -> bool:
    """Every [n] in the text points at an existing citation."""
    return all(1 <= int(m) <= n_citations for m in re.findall(r"\[(\d+)\]", text))


def test_agency_and_sharing_of_ha_tinh_land_database(assistant: Assistant) -> None:
    a = assistant.ask(
        "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh và dữ liệu được chia sẻ theo hình thức nào?"
    )
    assert a.status is AnswerStatus.ANSWERED
    assert a.citations[0].id == "ha-tinh-2022/29"
    assert "Sở Tài nguyên và Môi trường" in a.text
    assert "yêu cầu đặc thù" in a.text


def test_merged_agency_cell_answers_row_above(assistant: Assistant) -> None:
    a = assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    assert a.citations[0].id == "ha-tinh-2022/32"
    assert "Sở Tư pháp" in a.text


def test_question_without_diacritics(assistant: Assistant) -> None:
    a = assistant.ask("co quan nao quan ly co so du lieu ve dan cu o Hai Duong")
    assert a.citations[0].id == "hai-duong-2022/1"
    assert "Công an tỉnh" in a.text


def test_abbreviation_gplx(assistant: Assistant) -> None:
    a = assistant.ask("CSDL GPLX của Hà Tĩnh do cơ quan nào quản lý?")
    assert a.citations[0].id == "ha-tinh-2022/10"
    assert "Sở Giao thông Vận tải" in a.text


def test_purpose_is_quoted_verbatim(assistant: Assistant) -> None:
    a = assistant.ask("Mục đích của CSDL về du lịch ở Hà Tĩnh là gì?")
    assert a.citations[0].id == "ha-tinh-2022/17"
    assert "phục vụ quản lý về du lịch của tỉnh" in a.text
    assert "phục vụ quản lý về du lịch của tỉnh" in a.citations[0].quote


def test_quang_ninh_scope_comes_from_merged_column(assistant: Assistant) -> None:
    a = assistant.ask("Phạm vi của CSDL khoáng sản ở Quảng Ninh?")
    assert a.citations[0].id == "quang-ninh-2026/A-29"
    assert "Phạm vi, nội dung chính" in a.text
    assert "Thông tin các mỏ khoáng sản" in a.text


def test_empty_notes_cell_is_reported_empty(assistant: Assistant) -> None:
    a = assistant.ask("Ghi chú của CSDL cấp phép xây dựng ở Quảng Ninh là gì?")
    assert a.citations[0].id == "quang-ninh-2026/A-18"
    assert "để trống cột ghi chú" in a.text


def test_a_column_the_catalogue_does_not_have_is_reported_missing_not_blank(assistant: Assistant) -> None:
    a = assistant.ask("Ghi chú của CSDL về đất đai ở Hà Tĩnh là gì?")
    assert a.citations[0].id == "ha-tinh-2022/29"
    assert "Danh mục của Hà Tĩnh không có cột ghi chú" in a.text
    assert "để trống" not in a.text


def test_database_in_several_provinces_is_answered_for_each(assistant: Assistant) -> None:
    a = assistant.ask("Ai quản lý CSDL đất đai?")
    assert {c.document_id for c in a.citations} == {"ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"}
    assert "Hải Dương:" in a.text and "Quảng Ninh:" in a.text


def test_every_marker_points_at_a_citation(assistant: Assistant) -> None:
    for q in ("Sở Tư pháp quản lý những CSDL nào?", "Ai quản lý CSDL đất đai?", "Hà Tĩnh có bao nhiêu CSDL?"):
        a = assistant.ask(q)
        assert a.citations and markers_valid(a.text, len(a.citations)), q


def test_a_field_that_the_source_ends_with_an_ellipsis_keeps_it(assistant: Assistant) -> None:
    a = assistant.ask("CSDL quản lý hồ sơ cán bộ, công chức, viên chức tỉnh Hà Tĩnh được cập nhật thế nào?")
    assert a.citations[0].id == "ha-tinh-2022/13"
    assert "bổ nhiệm..." in a.text
