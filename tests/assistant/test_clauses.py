"""Choosing the decision point that answers a question when several points share their wording."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answer import AnswerStatus


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Quảng Ninh: cơ quan có cơ sở dữ liệu thuộc danh mục cùng sở nào kết nối, tích hợp về Kho dữ liệu số?",
            "quang-ninh-2026/dieu-2.3.b",
        ),
        (
            "Sở Khoa học và Công nghệ Quảng Ninh được giao xây dựng, triển khai Kho dữ liệu số ra sao?",
            "quang-ninh-2026/dieu-2.1.c",
        ),
        (
            "Đơn vị có CSDL dùng chung ở Hải Dương cùng sở nào kết nối dữ liệu về Kho CSDL dùng chung của tỉnh?",
            "hai-duong-2022/dieu-2.2.b",
        ),
        (
            "Cơ quan nào ở Hải Dương chưa có cơ sở dữ liệu thuộc danh mục thì cần nghiên cứu, đề xuất gì?",
            "hai-duong-2022/dieu-2.3",
        ),
    ],
)
def test_point_addressed_to_whom_the_question_names_is_cited_first(
    assistant: Assistant, question: str, expected: str
) -> None:
    answer = assistant.ask(question)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.citations[0].id == expected
