"""Pieces of records shown by the API: document summaries, an agency's other databases, titles and snippets."""

from __future__ import annotations

from api.schemas import DocumentSummary, EntryBrief
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.store import Corpus
from corpus.text import fold_key

SNIPPET_CHARS = 220


def summary(corpus: Corpus, document: Document) -> DocumentSummary:
    """The document with its entry and clause counts."""
    return DocumentSummary(
        **document.model_dump(),
        entry_count=len(corpus.entries(document=document.id)),
        clause_count=len(corpus.clauses(document=document.id)),
        sector_column=any(e.sector for e in corpus.entries(document=document.id)),
    )


def same_agency(corpus: Corpus, entry: CatalogueEntry) -> list[EntryBrief]:
    """The other databases the same body manages under the same decision (by registry id, whatever the
    spelling; an unresolved cell by its text)."""

    def same(other: CatalogueEntry) -> bool:
        if entry.agency_id is not None:
            return entry.agency_id in other.agency_ids
        return fold_key(other.agency) == fold_key(entry.agency)

    return [
        EntryBrief(id=e.id, name=e.name)
        for e in corpus.entries(document=entry.document_id)
        if e.id != entry.id and same(e)
    ]


def clause_title(clause: DecisionClause) -> str:
    """'Điều 2, khoản 1, điểm c' — how a clause is named in Vietnamese legal text."""
    parts = [f"Điều {clause.article}"]
    if clause.clause is not None:
        parts.append(f"khoản {clause.clause}")
    if clause.point is not None:
        parts.append(f"điểm {clause.point}")
    title = ", ".join(parts)
    return f"{title}. {clause.heading}" if clause.heading and clause.clause is None else title


def record_title(record: CatalogueEntry | DecisionClause) -> str:
    """The name of an entry, or the legal name of a clause."""
    return record.name if isinstance(record, CatalogueEntry) else clause_title(record)


def snippet(record: CatalogueEntry | DecisionClause) -> str:
    """A short text of the record for a result list."""
    if isinstance(record, CatalogueEntry):
        text = " — ".join(t for t in (record.agency, record.purpose or record.content or "") if t)
    else:
        text = record.text
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1].rstrip() + "…"
