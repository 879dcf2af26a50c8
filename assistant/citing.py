"""Numbered citations: each record cited once, `[n]` markers in the order citations are added.

A quote holds only text of the record it cites (CONTRACT change, docs/CONTRACT-changes.md): an entry's field
values, one per line; a clause's text or a sentence of it; for a document, the source file's lines that state the
fact, as they stand. Nothing the product words itself ("Số quyết định: …", "name — agency") goes into a quote.
"""

from __future__ import annotations

from typing import Literal

from assistant.answer import Citation
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.store import Corpus

MAX_QUOTE_CHARS = 1500


class Citations:
    """Collects the records an answer relies on and hands out their `[n]` markers (1-based)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._items: list[Citation] = []
        self._index: dict[str, int] = {}

    def cite(self, record: CatalogueEntry | DecisionClause, quote: str, score: float = 1.0) -> str:
        """The marker of this entry or clause, adding it (with this quote) the first time it is cited.

        Args:
            record: the entry or clause.
            quote: text of the record (field values one per line, or clause text); blank: its name or text.
            score: the retrieval score shown with the citation.
        """
        if record.id in self._index:
            return f"[{self._index[record.id]}]"
        kind: Literal["entry", "clause"]
        if isinstance(record, CatalogueEntry):
            kind, title = "entry", record.name
        else:
            kind, title = "clause", clause_title(record)
        quote = quote.strip() or (record.name if isinstance(record, CatalogueEntry) else record.text)
        spans = [record.source_lines] if record.source_lines else []
        return self._add(record.id, kind, title, record.document_id, _whole_lines(quote), score, spans)

    def cite_document(self, document: Document, fact: str, score: float = 1.0) -> str:
        """The marker of the decision itself, quoting the source lines that state one of its facts.

        Citing the same document for another fact adds that fact's lines to the same citation (one marker per
        document), in source order.

        Args:
            document: the decision.
            fact: a `Document` field located in `document.fact_lines` ("number", "signer", "legal_bases" …).

        Returns:
            The marker, or "" when the source position of the fact is unknown (then nothing is cited).
        """
        span = document.fact_lines.get(fact)
        if span is None:
            return ""
        lines = self._corpus.source_lines(document.id)
        at = self._index.get(document.id)
        spans = sorted({*((a, b) for a, b in (self._items[at - 1].source_lines if at else [])), (span[0], span[1])})
        quote = "\n".join(line.strip() for a, b in spans for line in lines[a - 1 : b] if line.strip())
        title = f"Quyết định số {document.number}" if document.number else "Quyết định (số để trống trong văn bản)"
        if at:
            self._items[at - 1] = self._items[at - 1].model_copy(
                update={"quote": _whole_lines(quote), "source_lines": spans}
            )
            return f"[{at}]"
        return self._add(document.id, "document", title, document.id, _whole_lines(quote), score, spans)

    def _add(
        self,
        record_id: str,
        kind: Literal["entry", "clause", "document"],
        title: str,
        document_id: str,
        quote: str,
        score: float,
        spans: list[tuple[int, int]],
    ) -> str:
        doc = self._corpus.document(document_id)
        self._items.append(
            Citation(
                id=record_id,
                kind=kind,
                title=title,
                document_id=doc.id,
                document_title=doc.title,
                province=doc.province,
                quote=quote,
                score=round(float(score), 4),
                source_lines=spans,
            )
        )
        self._index[record_id] = len(self._items)
        return f"[{len(self._items)}]"

    @property
    def items(self) -> list[Citation]:
        return list(self._items)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self._items]


def _whole_lines(quote: str) -> str:
    """The quote cut to whole lines within MAX_QUOTE_CHARS (at least its first line): a cut adds no mark."""
    if len(quote) <= MAX_QUOTE_CHARS:
        return quote
    kept: list[str] = []
    for line in quote.split("\n"):
        if kept and sum(len(k) + 1 for k in kept) + len(line) > MAX_QUOTE_CHARS:
            break
        kept.append(line)
    return "\n".join(kept)


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
