"""Any text a client can send gives an Answer or a QuestionError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.answer import Answer
from assistant.errors import QuestionError

_NASTY = st.sampled_from(
    [
        ":",
        "?",
        "…",
        "!!!",
        "🙂🙂",
        "<script>alert(1)</script>",
        "<b>CSDL</b> hộ tịch?",
        "và của những các là",
        "a" * 400,
        "Hà Tĩnh",
        "CSDL CSDL CSDL",
        "số mấy ngày nào",
        "\u0301\u0300",
        "ﬁ ß İ",
    ]
)


def _ask(assistant: Assistant, question: str) -> None:
    try:
        answer = assistant.ask(question)
    except QuestionError:
        return
    assert isinstance(answer, Answer)
    assert answer.text


@pytest.mark.parametrize("question", [":", "?", "…", "🙂", "— ; —"])
def test_question_without_words_gets_an_answer_or_question_error(assistant: Assistant, question: str) -> None:
    _ask(assistant, question)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(_NASTY, st.text(min_size=0, max_size=30), st.text(alphabet="àáảãạăắđêôơưỳ ?:.,", max_size=20)),
        min_size=1,
        max_size=4,
    ).map(" ".join)
)
def test_any_text_gets_an_answer_or_question_error(assistant: Assistant, question: str) -> None:
    _ask(assistant, question)
