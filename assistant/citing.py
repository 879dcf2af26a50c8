"""Numbered citations: each record cited once, `[n]` markers in the order citations are added."""

from __future__ import annotations

from typing import Literal

from assistant.answer import Citation
from corpus.records import CatalogueEntry, DecisionClause
from corpus.store import Corpus

MAX_QUOTE_CHARS = 1500


class Citations:
    """Collects the records an answer relies on and hands out their `[n]` markers (1-based)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._items: list[Citation] = []
        self._index: dict[str, int] = {}

    def cite(self, record: CatalogueEntry | DecisionClause, quote: str, score: float = 1.0) -> str:
        """The marker of this record, adding it (with this quote) the first time it is cited."""
        if record.id in self._index:
            return f"[{self._index[record.id]}]"
        doc = self._corpus.document(record.document_id)
        kind: Literal["entry", "clause"]
        if isinstance(record, CatalogueEntry):
            kind, title = "entry", record.name
        else:
            kind, title = "clause", clause_title(record)
        quote = quote.strip() or (record.name if isinstance(record, CatalogueEntry) else record.text)
        if len(quote) > MAX_QUOTE_CHARS:
            quote = quote[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
        self._items.append(
            Citation(
                id=record.id,
                kind=kind,
                title=title,
                document_id=doc.id,
                document_title=doc.title,
                province=doc.province,
                quote=quote,
                score=round(float(score), 4),
            )
        )
        self._index[record.id] = len(self._items)
        return f"[{len(self._items)}]"

    @property
    def items(self) -> list[Citation]:
        return list(self._items)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self._items]


def clause_title(clause: DecisionClause) -> str:
    """'Điều 2 khoản 1 điểm c' (with the article's heading when it has one)."""
    title = f"Điều {clause.article}"
    if clause.clause is not None:
        title += f" khoản {clause.clause}"
    if clause.point:
        title += f" điểm {clause.point}"
    if clause.heading and clause.clause is None:
        title += f". {clause.heading}"
    return title
