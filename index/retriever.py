"""The retrieval interface shared by the lexical, dense and hybrid retrievers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol


@dataclass(frozen=True)
class Hit:
    """One retrieved record: an entry or a clause, with its retriever score (higher is better)."""

    id: str
    kind: Literal["entry", "clause"]
    score: float


class Retriever(Protocol):
    """Ranks entries and clauses for a query, optionally inside one document."""

    def search(self, query: str, k: int = 10, *, document: str | None = None) -> list[Hit]: ...
