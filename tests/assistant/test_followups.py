"""Conversations: follow-ups resolve against the session's focus, sessions never mix."""

from __future__ import annotations

import pytest

from assistant import AnswerStatus, Assistant


def test_pronoun_follow_up_keeps_the_entry(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    second = assistant.ask("Nó được chia sẻ theo hình thức nào?", session_id=first.session_id)
    assert second.citations[0].id == "ha-tinh-2022/32"
    assert "yêu cầu đặc thù" in second.text


def test_field_ellipsis(assistant: Assistant) -> None:
    first = assistant.ask("CSDL về du lịch ở Hà Tĩnh do ai quản lý?")
    second = assistant.ask("Còn mục đích?", session_id=first.session_id)
    assert second.citations[0].id == "ha-tinh-2022/17"
    assert "phục vụ quản lý về du lịch của tỉnh" in second.text


def test_province_switch_finds_same_database(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL về đất đai ở Hà Tĩnh?")
    second = assistant.ask("Còn ở Quảng Ninh thì sao?", session_id=first.session_id)
    assert second.citations[0].id == "quang-ninh-2026/B-8"
    assert "Sở Nông nghiệp và Môi trường" in second.text


@pytest.mark.xfail(
    strict=True,
    reason="known miss since the 2026-12-06 recalibration: Quảng Ninh's «CSDL Hồ sơ sức khỏe điện tử» names "
    "«điện tử» and lists «CSDL hộ tịch» among its sources, and the calibrated model accepts it",
)
def test_province_switch_to_province_lacking_it(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    second = assistant.ask("Còn ở Quảng Ninh thì sao?", session_id=first.session_id)
    assert second.status is AnswerStatus.NOT_FOUND
    assert second.citations[0].id == "ha-tinh-2022/32"


def test_same_agency_other_databases(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL về lý lịch tư pháp ở Hà Tĩnh?")
    second = assistant.ask("Cơ quan đó quản lý CSDL nào khác?", session_id=first.session_id)
    assert [c.id for c in second.citations] == ["ha-tinh-2022/32"]


def test_new_topic_resets_focus(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    second = assistant.ask("CSDL về du lịch ở Hà Tĩnh do ai quản lý?", session_id=first.session_id)
    assert second.citations[0].id == "ha-tinh-2022/17"


def test_sessions_do_not_share_focus(assistant: Assistant) -> None:
    assistant.ask("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?")
    other = assistant.ask("Nó được chia sẻ theo hình thức nào?")
    assert other.status is AnswerStatus.CLARIFY


def test_unknown_session_id_starts_a_new_session(assistant: Assistant) -> None:
    a = assistant.ask("Nó được chia sẻ theo hình thức nào?", session_id="khong-ton-tai-abcdefghijkl")
    assert a.session_id != "khong-ton-tai-abcdefghijkl"
    assert a.status is AnswerStatus.CLARIFY
