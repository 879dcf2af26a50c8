"""Entry look-up for desk staff: word search without diacritics, combined filters and facet counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from api.schemas import DocumentSummary, EntryBrief, Facets, FacetValue
from corpus.agencies import load_registry
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.store import Corpus
from corpus.text import fold_key

SNIPPET_CHARS = 220


def _searchable(entry: CatalogueEntry) -> str:
    fields = (entry.name, entry.agency, entry.sector, entry.purpose, entry.scope, entry.content, entry.collection)
    return fold_key(" ".join(f for f in fields if f))


def agency_names(entry: CatalogueEntry) -> list[str]:
    """The canonical names of the bodies an entry's agency cell names (corpus/agencies.json), lead body first —
    what the agency facet counts; the cell as written when the registry does not know it."""
    registry = load_registry()
    return [registry.body(b).name for b in entry.agency_ids] or [entry.agency]


def _agency_keys(entry: CatalogueEntry) -> list[str]:
    """Folded texts an agency filter is matched against: the cell as written, the canonical names of its bodies
    and every spelling the registry knows for them ('STNMT', 'Sở TN&MT')."""
    registry = load_registry()
    texts = [entry.agency, *agency_names(entry)]
    texts += [s.text for b in entry.agency_ids for s in registry.body(b).spellings]
    return [fold_key(t) for t in texts]


@dataclass(frozen=True)
class EntryFilters:
    """The filters of `GET /api/entries`; each is ignored when None."""

    document: str | None = None
    agency: str | None = None
    sector: str | None = None
    sharing_mode: str | None = None
    q: str | None = None

    def matches(self, entry: CatalogueEntry, *, skip: str | None = None) -> bool:
        """True when the entry passes every filter except `skip` (the facet being counted)."""
        if skip != "document" and self.document and entry.document_id != self.document:
            return False
        if skip != "agency" and self.agency and not any(fold_key(self.agency) in k for k in _agency_keys(entry)):
            return False
        if skip != "sector" and self.sector and fold_key(self.sector) not in fold_key(entry.sector):
            return False
        if skip != "sharing_mode" and self.sharing_mode and self.sharing_mode not in entry.sharing_modes:
            return False
        if self.q:
            text = _searchable(entry)
            return all(word in text for word in fold_key(self.q).split())
        return True


def filter_entries(corpus: Corpus, filters: EntryFilters) -> list[CatalogueEntry]:
    """Entries passing every filter, in source order."""
    return [e for e in corpus.entries() if filters.matches(e)]


def facets(corpus: Corpus, filters: EntryFilters) -> Facets:
    """Per facet, the counts of its values among entries passing all the *other* filters."""
    provinces = {d.id: d.province for d in corpus.documents()}

    def count(name: str, values: Callable[[CatalogueEntry], list[str]]) -> Counter[str]:
        counter: Counter[str] = Counter()
        for entry in corpus.entries():
            if filters.matches(entry, skip=name):
                counter.update(values(entry))
        return counter

    docs = count("document", lambda e: [e.document_id])
    agencies = count("agency", agency_names)
    sectors = count("sector", lambda e: [e.sector] if e.sector else [])
    modes = count("sharing_mode", lambda e: [str(m) for m in e.sharing_modes])
    return Facets(
        document=[FacetValue(value=d, label=provinces.get(d, d), count=docs[d]) for d in provinces if docs[d]],
        agency=_by_count(agencies),
        sector=_by_count(sectors),
        sharing_mode=_by_count(modes),
    )


def _by_count(counter: Counter[str]) -> list[FacetValue]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], fold_key(item[0])))
    return [FacetValue(value=v, label=v, count=n) for v, n in ranked]


def summary(corpus: Corpus, document: Document) -> DocumentSummary:
    """The document with its entry and clause counts."""
    return DocumentSummary(
        **document.model_dump(),
        entry_count=len(corpus.entries(document=document.id)),
        clause_count=len(corpus.clauses(document=document.id)),
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
