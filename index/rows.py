"""What the indexes hold: one row per entry and clause, its texts, and the filters over rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Literal

import numpy as np

from corpus.records import CatalogueEntry, DecisionClause, Document, SharingMode
from corpus.store import Corpus
from corpus.text import fold_key

# Repetition is how BM25 weights a field up: name and province four times, agency twice, the province in clauses too.
# bench_retrieval on dev, unfiltered hit@1 as typed / without diacritics, BM25 and hybrid:
#   name ×3, province ×2 (clauses ×1): bm25 0.921/0.927, hybrid 0.944/0.944
#   name ×4, province ×2 (clauses ×2): bm25 0.938/0.933, hybrid 0.955/0.955 (names ×5, ×6 no better)
#   name ×4, province ×4 (clauses ×4): bm25 0.944/0.944, hybrid 0.955/0.955, and short "CSDL <topic> <province>"
#   queries keep their province's entry first without a filter.
# Changing them changes the indexed text: bump analyze._ANALYZER_FORMAT so that persisted indexes are rebuilt.
NAME_WEIGHT = 4
AGENCY_WEIGHT = 2
PROVINCE_WEIGHT = 4


class Representation(StrEnum):
    """Which text stands for an entry in the dense index."""

    RECORD = "record"  # every field, one vector
    FIELDS = "fields"  # name, agency, sector and province, one vector
    MULTI = "multi"  # both of the above, two vectors max-pooled at query time


@dataclass(frozen=True)
class Row:
    """One indexed record with the metadata that filters need."""

    id: str
    kind: Literal["entry", "clause"]
    document_id: str
    agency: str | None = None
    sector: str | None = None
    sharing_modes: tuple[str, ...] = ()


def rows_of(corpus: Corpus) -> list[Row]:
    """Entries then clauses, in corpus order."""
    rows = [
        Row(e.id, "entry", e.document_id, e.agency, e.sector, tuple(m.value for m in e.sharing_modes))
        for e in corpus.entries()
    ]
    rows += [Row(c.id, "clause", c.document_id) for c in corpus.clauses()]
    return rows


def rows_to_json(rows: list[Row]) -> str:
    """ids.json content."""
    return json.dumps([asdict(r) for r in rows], ensure_ascii=False)


def rows_from_json(text: str) -> list[Row]:
    """Rows read back from ids.json."""
    return [Row(**{**item, "sharing_modes": tuple(item["sharing_modes"])}) for item in json.loads(text)]


def corpus_sha256(corpus: Corpus) -> str:
    """Hash of every record as JSON, so that any change of the corpus makes an index stale."""
    digest = hashlib.sha256()
    for record in [*corpus.documents(), *corpus.entries(), *corpus.clauses()]:
        digest.update(record.model_dump_json().encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _lines(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def lexical_text(record: CatalogueEntry | DecisionClause, document: Document) -> str:
    """The text BM25 indexes for a record; name, agency and province repeated to weigh them up."""
    if isinstance(record, CatalogueEntry):
        return _lines(
            *[record.name] * NAME_WEIGHT,
            *[record.agency] * AGENCY_WEIGHT,
            *[document.province] * PROVINCE_WEIGHT,
            record.sector,
            record.group_title,
            record.purpose,
            record.scope,
            record.content,
            record.collection,
            record.sharing,
            " ".join(m.value for m in record.sharing_modes),
            record.notes,
            document.number,
        )
    # The decision's number lets "Quyết định 1402 …" reach the clauses of that decision.
    return _lines(
        f"Điều {record.article}. {record.heading or ''}",
        record.text,
        *[document.province] * PROVINCE_WEIGHT,
        document.number,
    )


def dense_texts(
    record: CatalogueEntry | DecisionClause, document: Document, representation: Representation
) -> list[str]:
    """The passages embedded for a record (one, or two for `MULTI` entries)."""
    if isinstance(record, DecisionClause):
        head = f"Điều {record.article}. {record.heading or ''}".strip()
        return [f"{document.province}. {head}\n{record.text}"]
    fields = _lines(record.name, f"Cơ quan quản lý: {record.agency}", record.sector, f"Tỉnh {document.province}")
    whole = _lines(
        fields, record.purpose, record.scope, record.content, record.collection, record.sharing, record.notes
    )
    if representation is Representation.FIELDS:
        return [fields]
    if representation is Representation.RECORD:
        return [whole]
    return [fields, whole]


@dataclass(frozen=True)
class RowFilter:
    """Filters over rows; agency, sector and sharing mode keep entries only (clauses have none)."""

    document: str | None = None
    agency: str | None = None
    sector: str | None = None
    sharing_mode: SharingMode | str | None = None

    @property
    def empty(self) -> bool:
        return not (self.document or self.agency or self.sector or self.sharing_mode)

    def keeps(self, row: Row) -> bool:
        """True when the row passes every given filter."""
        if self.document and row.document_id != self.document:
            return False
        if self.agency and fold_key(self.agency) not in fold_key(row.agency):
            return False
        if self.sector and (row.sector is None or fold_key(self.sector) not in fold_key(row.sector)):
            return False
        return not (self.sharing_mode and SharingMode(self.sharing_mode).value not in row.sharing_modes)

    def mask(self, rows: list[Row]) -> np.ndarray | None:
        """Boolean array over rows, or None when nothing is filtered."""
        if self.empty:
            return None
        return np.fromiter((self.keeps(r) for r in rows), dtype=bool, count=len(rows))
