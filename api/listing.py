"""The look-up list behind `GET /api/entries` and its exports: ranked matches, combined filters, facet counts, order.

With `q`, the result set is every entry matching it (`index.matching`: the query's terms on the served index,
CKAN's minimum-should-match), ranked by the served retriever — the one `/api/search` uses. Facets count that
set: for each facet, the entries passing every *other* filter. Each facet reads an entry through
`facet_values`; agencies are the registry's bodies (issue 14, `corpus/agencies.json`): the facet counts bodies by
canonical name and the filter matches any of their spellings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from api.schemas import Facets, FacetValue, ListedEntry, SortOrder
from corpus.agencies import load_registry
from corpus.records import CatalogueEntry
from corpus.sectors import Sector, SectorSource, sector_of
from corpus.store import Corpus
from corpus.text import fold_key
from index.matching import ranked_matches
from index.retriever import Retriever

FacetName = Literal["document", "agency", "sector", "sharing_mode"]
FACETS: tuple[FacetName, ...] = ("document", "agency", "sector", "sharing_mode")
# "lĩnh vực y tế" and "y tế" ask for the same sector: the heading word is not part of the label.
_SECTOR_WORD = re.compile(r"^linh vuc\s*:?\s*")


def agency_name(entry: CatalogueEntry) -> str:
    """The agency as the look-up sorts it and reads its sector: the registry's canonical name (corpus/agencies.json;
    for a cell naming several bodies, their names joined), the cell as written when the registry does not know it."""
    return entry.agency_name or entry.agency


def agency_names(entry: CatalogueEntry) -> tuple[str, ...]:
    """The canonical names of the bodies an entry's agency cell names, lead body first — what the agency facet
    counts (a joint cell counts for each body); the cell as written when the registry does not know it."""
    registry = load_registry()
    return tuple(registry.body(b).name for b in entry.agency_ids) or (entry.agency,)


def agency_keys(entry: CatalogueEntry) -> tuple[str, ...]:
    """Folded texts an agency filter is matched against: the cell as written, the canonical names of its bodies
    and every spelling the registry knows for them ('STNMT', 'Sở TN&MT')."""
    registry = load_registry()
    texts = [entry.agency, *agency_names(entry)]
    texts += [s.text for b in entry.agency_ids for s in registry.body(b).spellings]
    return tuple(dict.fromkeys(fold_key(t) for t in texts))


@dataclass(frozen=True)
class Listed:
    """An entry as the look-up sees it: its agency and sector readings, its source position and its score."""

    entry: CatalogueEntry
    province: str
    position: int
    agency: str
    sector: Sector | None
    score: float | None = None
    agencies: tuple[str, ...] = ()  # canonical names of the cell's bodies (the agency facet)
    agency_keys: tuple[str, ...] = ()  # folded spellings the agency filter matches

    def model(self) -> ListedEntry:
        """The API's record: every CONTRACT §2 field plus province, sector label and source, score."""
        return ListedEntry(
            **self.entry.model_dump(),
            province=self.province,
            sector_label=self.sector.label if self.sector else None,
            sector_source=self.sector.source if self.sector else None,
            score=self.score,
        )


def facet_values(item: Listed, facet: FacetName) -> list[str]:
    """The values an entry counts under in one facet (none: the entry is not counted there)."""
    if facet == "document":
        return [item.entry.document_id]
    if facet == "agency":
        return list(item.agencies or (item.agency,))
    if facet == "sector":
        return [item.sector.label] if item.sector else []
    return [m.value for m in item.entry.sharing_modes]


@dataclass(frozen=True)
class EntryFilters:
    """The filters of `GET /api/entries`; each is ignored when None. Agency and sector match a part of the
    value, without accents or case ("so tu phap", "y tế", "lĩnh vực y tế")."""

    document: str | None = None
    agency: str | None = None
    sector: str | None = None
    sharing_mode: str | None = None

    def matches(self, item: Listed, *, skip: FacetName | None = None) -> bool:
        """True when the entry passes every filter except `skip` (the facet being counted)."""
        if skip != "document" and self.document and item.entry.document_id != self.document:
            return False
        keys = item.agency_keys or (fold_key(item.agency),)
        if skip != "agency" and self.agency and not any(fold_key(self.agency) in k for k in keys):
            return False
        if skip != "sector" and self.sector:
            wanted = _SECTOR_WORD.sub("", fold_key(self.sector))
            if item.sector is None or wanted not in fold_key(item.sector.label):
                return False
        modes = facet_values(item, "sharing_mode")
        return not (skip != "sharing_mode" and self.sharing_mode and self.sharing_mode not in modes)


@dataclass(frozen=True)
class Listing:
    """One look-up answer: the entries in order, their facet counts, and the order applied."""

    entries: list[Listed]
    facets: Facets
    sort: SortOrder


def listed_entries(corpus: Corpus) -> list[Listed]:
    """Every entry of the corpus as the look-up reads it, in source order."""
    provinces = {d.id: d.province for d in corpus.documents()}
    return [
        Listed(
            e, provinces.get(e.document_id, e.document_id), i, agency_name(e), sector_of(e, agency_name(e)),
            agencies=agency_names(e), agency_keys=agency_keys(e),
        )  # fmt: skip
        for i, e in enumerate(corpus.entries())
    ]


def matching_entries(items: list[Listed], retriever: Retriever, q: str) -> list[Listed]:
    """The entries matching `q`, best first, each with its retriever score."""
    by_id = {item.entry.id: item for item in items}
    return [
        replace(by_id[h.id], score=h.score)
        for h in ranked_matches(retriever, q)
        if h.kind == "entry" and h.id in by_id
    ]


def _ordered(items: list[Listed], sort: SortOrder) -> list[Listed]:
    if sort is SortOrder.STT:
        return sorted(items, key=lambda i: i.position)
    if sort is SortOrder.AGENCY:
        return sorted(items, key=lambda i: (fold_key(i.agency), i.agency, i.position))
    return items  # relevance: the retriever's order, or source order without q


def build_listing(
    corpus: Corpus, retriever: Retriever | None, filters: EntryFilters, *, q: str | None, sort: SortOrder
) -> Listing:
    """The look-up answer for a query, filters and order.

    Args:
        corpus: the served corpus.
        retriever: the served retriever; needed only with `q`.
        filters: document, agency, sector and sharing-mode filters.
        q: the cleaned query, or None to list every entry.
        sort: relevance (the retriever's order; source order without `q`), STT, or agency.

    Returns:
        The entries passing `q` and every filter, in order, with facets counted over the entries matching `q`.

    Raises:
        ValueError: `q` is given but there is no retriever.
    """
    items = listed_entries(corpus)
    if q:
        if retriever is None:
            raise ValueError("no retriever to rank q")
        items = matching_entries(items, retriever, q)
    selected = [i for i in items if filters.matches(i)]
    return Listing(_ordered(selected, sort), facets(corpus, items, filters), sort)


def facets(corpus: Corpus, items: list[Listed], filters: EntryFilters) -> Facets:
    """Per facet, the counts of its values among `items` passing all the *other* filters."""
    provinces = {d.id: d.province for d in corpus.documents()}
    counts: dict[FacetName, Counter[str]] = {}
    derived: Counter[str] = Counter()
    missing = 0
    for facet in FACETS:
        counter: Counter[str] = Counter()
        for item in items:
            if not filters.matches(item, skip=facet):
                continue
            counter.update(facet_values(item, facet))
            if facet == "sector" and item.sector is None:
                missing += 1
            elif facet == "sector" and item.sector is not None and item.sector.source is SectorSource.DERIVED:
                derived[item.sector.label] += 1
        counts[facet] = counter
    docs = counts["document"]
    return Facets(
        document=[FacetValue(value=d, label=provinces.get(d, d), count=docs[d]) for d in provinces if docs[d]],
        agency=_by_count(counts["agency"]),
        sector=_by_count(counts["sector"], derived),
        sharing_mode=_by_count(counts["sharing_mode"]),
        sector_missing=missing,
    )


def _by_count(counter: Counter[str], derived: Counter[str] | None = None) -> list[FacetValue]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], fold_key(item[0])))
    return [FacetValue(value=v, label=v, count=n, derived=(derived or Counter())[v]) for v, n in ranked]
