"""A sector asked of a catalogue without a sector column is read from the entries' names."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import AnswerStatus


def test_sector_count_in_a_catalogue_without_sectors_uses_the_names(assistant: Assistant) -> None:
    answer = assistant.ask("Hà Tĩnh có mấy CSDL về lĩnh vực giáo dục?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "có 1 CSDL" in answer.text
    assert [c.id for c in answer.citations] == ["ha-tinh-2022/25"]


def test_sector_with_its_own_column_still_filters_by_it(assistant: Assistant) -> None:
    answer = assistant.ask("Quảng Ninh có mấy CSDL trong lĩnh vực y tế?")
    assert "LĨNH VỰC Y TẾ" in answer.text
