"""Lists and counts as set queries: filters (agency, sector, group, sharing mode) or a topic's union of parts.

A topic joined by "và / hoặc" ("liệt sĩ và người có công") is the union of its parts. Each part selects, in each
document, the entries whose name holds all of the part's words (whole syllables: "y tế" never matches "kinh
tế") and the document's best record for the part when the calibrated model accepts it (a part named in other
words than the entry's name).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.candidates import Candidate, DocumentEvidence
from assistant.lexicon import fold
from assistant.matching import CatalogueIndex, Scored
from assistant.plan import Plan
from corpus.records import CatalogueEntry

Evidence = Callable[[str, str, Sequence[str]], DocumentEvidence]


def topic_set(
    index: CatalogueIndex,
    by_name: Sequence[Scored],
    query_parts: Sequence[Sequence[str]],
    documents: Sequence[str],
    evidence: Evidence,
    accept: Callable[[DocumentEvidence], list[Candidate]],
) -> list[Scored]:
    """Entries of the documents that any part of the topic names, in corpus order.

    Args:
        index: catalogue word statistics.
        by_name: the entries whose name the topic's parts name (they are in the set).
        query_parts: the topic's parts in all their words; each is a query whose best record per document is in
            the set when the calibrated model accepts it.
        documents: where to look.
        evidence: (query, document, topic) → that document's evidence for the query.
        accept: the candidates of a document's evidence that the calibrated model accepts.
    """
    chosen: dict[str, Scored] = {s.id: s for s in by_name}
    for part in query_parts:
        words = list(part)
        for doc in documents:
            for top in accept(evidence(" ".join(words), doc, words)):
                if top.kind == "entry":
                    chosen.setdefault(top.id, Scored(top.id, top.fused, 0.0, 0.0, 0.0))
    order = {e.id: i for i, e in enumerate(index.corpus.entries())}
    return sorted(chosen.values(), key=lambda s: order.get(s.id, len(order)))


def planned_entries(index: CatalogueIndex, plan: Plan, document: str) -> list[CatalogueEntry]:
    """The entries of one document that a list or count plan selects (its entries, else its filters)."""
    if plan.entries:
        wanted = {s.id for s in plan.entries}
        return [e for e in index.corpus.entries(document=document) if e.id in wanted]
    entries = index.entries_of_agency(plan.agency, document) if plan.agency else index.corpus.entries(document=document)
    if plan.sector:
        sector = fold(plan.sector)
        entries = [e for e in entries if e.sector and f" {sector} " in f" {fold(e.sector)} "]
    if plan.group:
        entries = [e for e in entries if e.group == plan.group]
    if plan.sharing_mode:
        entries = [e for e in entries if plan.sharing_mode in e.sharing_modes]
    if plan.status:
        entries = [e for e in entries if plan.status in fold(e.notes or "")]
    return [e for e in entries if e.id not in plan.exclude]


def name_vocabulary(index: CatalogueIndex) -> frozenset[str]:
    """Keys ('đất' as typed with accents, '~dat' without) of the syllables entry names use: the words a set's
    topic can be made of."""
    return frozenset(k for p in index.entries.values() for k in p.name_terms if " " not in k)
