"""Errors of the assistant: a question it cannot take (empty, too long, control characters), a session store
it cannot reach."""

from __future__ import annotations

import unicodedata

from corpus.text import clean_text

MAX_QUESTION_CHARS = 1000


class QuestionError(ValueError):
    """A question the assistant refuses, with a Vietnamese message for the user."""


class SessionStoreError(RuntimeError):
    """The shared session store (Redis) cannot be reached or refused a command; the message says which."""


def check_question(question: object) -> str:
    """The question through `corpus.text.clean_text` (NFC, look-alike letters, invisible characters, odd spaces),
    stripped; raises QuestionError with a Vietnamese message if unusable.

    Raises:
        QuestionError: not a string, empty or only white space, longer than 1,000 characters,
            or containing control characters other than line breaks and tabs.
    """
    if not isinstance(question, str):
        raise QuestionError("Câu hỏi phải là một chuỗi văn bản.")
    text = clean_text(question).strip()
    if not text:
        raise QuestionError("Câu hỏi không được để trống.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"Câu hỏi quá dài ({len(text)} ký tự); tối đa {MAX_QUESTION_CHARS} ký tự.")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in text):
        raise QuestionError("Câu hỏi chứa ký tự điều khiển không hợp lệ.")
    if any(unicodedata.category(c) == "Cs" for c in text):
        raise QuestionError("Câu hỏi chứa ký tự không hợp lệ (mã hóa sai).")
    return " ".join(text.split())
