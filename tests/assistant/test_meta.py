"""Document-level facts: who proposed the decision and under which submission, cited to the decision's own lines."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import AnswerStatus


def test_proposing_department_is_quoted_from_the_preamble(assistant: Assistant) -> None:
    answer = assistant.ask("Sở nào đã trình UBND tỉnh Quảng Ninh ban hành danh mục này?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Sở Khoa học và Công nghệ tại Tờ trình số 2158/TTr-KHCN ngày 18/5/2026" in answer.text
    first = answer.citations[0]
    assert (first.kind, first.id, first.source_lines) == ("document", "quang-ninh-2026", [(27, 27)])
    assert first.quote.startswith("Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 2158/TTr-KHCN")


def test_submission_number_of_a_wrapped_pdf_line_is_whole(assistant: Assistant) -> None:
    answer = assistant.ask("Quyết định danh mục CSDL của Hải Dương căn cứ tờ trình nào?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Tờ trình số 148/TTr-STTTT ngày 10/02/2022" in answer.text


def test_ha_tinh_proposal_names_the_van_ban(assistant: Assistant) -> None:
    answer = assistant.ask("Ai đề nghị ban hành danh mục cơ sở dữ liệu dùng chung Hà Tĩnh?")
    assert "Văn bản số 22/TTr-STTTT ngày 30/5/2022" in answer.text
