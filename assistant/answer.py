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
    """A source of the answer; `[n]` in the text points at the n-th citation (1-based).

    `quote` holds only text of the cited record: field values of an entry (one per line), text of a clause, or —
    for `kind` "document" (id = document id: the decision's number, date, signer, legal bases …) — the source
    file's own lines, as they stand. `source_lines` are the spans of the source file that hold the record or quote.
    """

    model_config = ConfigDict(frozen=True)

    id: str = Field(examples=["ha-tinh-2022/29", "ha-tinh-2022"])
    kind: Literal["entry", "clause", "document"]
    title: str
    document_id: str
    document_title: str
    province: str
    quote: str
    score: float
    source_lines: list[tuple[int, int]] = Field(
        default_factory=list,
        description="(dòng đầu, dòng cuối) trong tệp nguồn của văn bản, đánh số từ 1: /van-ban/{document_id}#L34-L40",
        examples=[[[34, 40]]],
    )


class Answer(BaseModel):
    """The assistant's reply to one question of a session."""

    model_config = ConfigDict(frozen=True)

    status: AnswerStatus
    text: str
    citations: list[Citation] = Field(default_factory=list)
    session_id: str
    # The session id asked with was unknown or had expired: this answer starts a new conversation.
    session_restarted: bool = False
