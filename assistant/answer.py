"""What the assistant returns: an `Answer` with its status, Vietnamese text and numbered citations."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class AnswerStatus(StrEnum):
    """answered: the catalogues hold the answer; not_found: they do not; clarify: a question back."""

    ANSWERED = "answered"
    NOT_FOUND = "not_found"
    CLARIFY = "clarify"


class Citation(BaseModel):
    """A source of the answer; `[n]` in the text points at the n-th citation (1-based)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(examples=["ha-tinh-2022/29"])
    kind: Literal["entry", "clause"]
    title: str
    document_id: str
    document_title: str
    province: str
    quote: str
    score: float


class Answer(BaseModel):
    """The assistant's reply to one question of a session."""

    model_config = ConfigDict(frozen=True)

    status: AnswerStatus
    text: str
    citations: list[Citation] = Field(default_factory=list)
    session_id: str
