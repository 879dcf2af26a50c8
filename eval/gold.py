"""Gold items (CONTRACT.md §6): one JSON object per line, each item one conversation of one or more turns."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# The statuses of CONTRACT §3, spelled out so that reading gold files does not import the assistant.
Status = Literal["answered", "not_found", "clarify"]


class Kind(StrEnum):
    """What a gold item tests; closed by the contract."""

    FIELD = "field"
    LIST = "list"
    COUNT = "count"
    CLAUSE = "clause"
    META = "meta"
    FOLLOWUP = "followup"
    NODIACRITICS = "nodiacritics"
    ABBREV = "abbrev"
    PARAPHRASE = "paraphrase"
    OOS = "oos"
    COMPARE = "compare"


# Kinds whose one-id turns must put that id first (CONTRACT §3: the first citation is the main evidence).
SINGLE_ANSWER_KINDS = frozenset(
    {Kind.FIELD, Kind.FOLLOWUP, Kind.NODIACRITICS, Kind.ABBREV, Kind.PARAPHRASE, Kind.CLAUSE, Kind.META}
)


class GoldError(ValueError):
    """A gold file that cannot be read; the message names file and line."""


class GoldCheck(BaseModel):
    """Optional filter from which the checker recomputes list and count gold (`Corpus.entries(**filter)`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str | None = None
    agency: str | None = None
    sector: str | None = None
    group: str | None = None
    sharing_mode: str | None = None


class GoldTurn(BaseModel):
    """One question of a conversation and what a correct answer must show."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    q: str = Field(min_length=1, max_length=1000)
    gold_ids: list[str] = Field(default_factory=list)
    must_contain: list[str] = Field(default_factory=list)
    expect_status: Status

    @field_validator("q")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is blank")
        return value

    @field_validator("must_contain")
    @classmethod
    def _no_empty_strings(cls, value: list[str]) -> list[str]:
        if any(not s.strip() for s in value):
            raise ValueError("must_contain holds an empty string")
        return value


class GoldItem(BaseModel):
    """One conversation: its turns share a session."""

    # Extra keys are allowed so that the contract format can grow; `check` is ours.
    model_config = ConfigDict(frozen=True, extra="allow")

    id: str = Field(min_length=1)
    kind: Kind
    turns: list[GoldTurn] = Field(min_length=1)
    note: str = ""
    check: GoldCheck | None = None
    line: int = Field(default=0, exclude=True)

    def single_answer(self, turn: GoldTurn) -> bool:
        """True when this turn's one gold id must be the first citation."""
        return self.kind in SINGLE_ANSWER_KINDS and len(turn.gold_ids) == 1


def parse_line(text: str, *, source: str, line: int) -> GoldItem:
    """One JSON line → `GoldItem`; raises GoldError naming `source:line`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{source}:{line}: không phải JSON hợp lệ ({exc.msg}, cột {exc.colno})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{source}:{line}: mỗi dòng phải là một đối tượng JSON")
    try:
        return GoldItem.model_validate({**data, "line": line})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise GoldError(f"{source}:{line}: {problems}") from None


def load_gold(path: Path) -> list[GoldItem]:
    """Read a gold JSON Lines file; blank lines are skipped, every other line must be a valid item.

    Raises:
        GoldError: the file is missing, not UTF-8, or a line is malformed (message names file and line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: không tìm thấy tệp") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: tệp không phải UTF-8 (byte {exc.start})") from None
    items = [parse_line(raw, source=str(path), line=n) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()]
    if not items:
        raise GoldError(f"{path}: tệp không có câu hỏi nào")
    return items
