"""Questions the catalogues cannot answer get not_found (or a question back), never a guess."""

from __future__ import annotations

from assistant import AnswerStatus, Assistant


def test_province_not_covered(assistant: Assistant) -> None:
    a = assistant.ask("Danh mục CSDL dùng chung của tỉnh Nghệ An gồm những cơ sở dữ liệu nào?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert "Nghệ An" in a.text


def test_database_missing_in_named_province_points_elsewhere(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh có CSDL lý lịch tư pháp không, ai quản lý?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert "Quảng Ninh" in a.text
    assert a.citations and a.citations[0].document_id in {"ha-tinh-2022", "hai-duong-2022"}


def test_unrelated_question(assistant: Assistant) -> None:
    a = assistant.ask("Giá vàng hôm nay bao nhiêu?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert a.citations == []


def test_reference_without_context_asks_back(assistant: Assistant) -> None:
    a = assistant.ask("CSDL đó do ai quản lý?")
    assert a.status is AnswerStatus.CLARIFY
