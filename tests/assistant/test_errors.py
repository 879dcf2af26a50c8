"""Questions the assistant refuses raise QuestionError with a Vietnamese message."""

from __future__ import annotations

import pytest

from assistant import Assistant, QuestionError


@pytest.mark.parametrize("bad", ["", "   \n\t ", "x" * 1001, "CSDL\x00 đất đai", "hỏi\x1b[31m"])
def test_bad_question_is_refused(assistant: Assistant, bad: str) -> None:
    with pytest.raises(QuestionError):
        assistant.ask(bad)


def test_message_is_vietnamese(assistant: Assistant) -> None:
    with pytest.raises(QuestionError, match="không được để trống"):
        assistant.ask("  ")


def test_unknown_document_is_refused(assistant: Assistant) -> None:
    with pytest.raises(QuestionError):
        assistant.ask("Ai quản lý CSDL đất đai?", document="nghe-an-2022")


def test_document_restricts_answer(assistant: Assistant) -> None:
    a = assistant.ask("Ai quản lý CSDL đất đai?", document="quang-ninh-2026")
    assert [c.document_id for c in a.citations] == ["quang-ninh-2026"]
