"""`Corpus`: the parsed records in memory, with look-ups by id and filters."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from corpus.errors import UnknownIdError
from corpus.records import CatalogueEntry, DecisionClause, Document, ParsedDocument, SharingMode
from corpus.text import fold_key

DOCUMENTS_FILE = "documents.jsonl"
ENTRIES_FILE = "entries.jsonl"
CLAUSES_FILE = "clauses.jsonl"
# One line per document: {"id": …, "lines": [raw source lines]}, what citations quote and the viewer shows.
SOURCES_FILE = "sources.jsonl"


class Corpus:
    """All documents, entries and clauses, in source order."""

    def __init__(self, parsed: Iterable[ParsedDocument]) -> None:
        self._documents: dict[str, Document] = {}
        self._entries: dict[str, CatalogueEntry] = {}
        self._clauses: dict[str, DecisionClause] = {}
        self._lines: dict[str, list[str]] = {}
        for p in parsed:
            self._documents[p.document.id] = p.document
            self._lines[p.document.id] = list(p.lines)
            self._entries.update((e.id, e) for e in p.entries)
            self._clauses.update((c.id, c) for c in p.clauses)

    @classmethod
    def load(cls, corpus_dir: Path) -> Corpus:
        """Read documents.jsonl, entries.jsonl, clauses.jsonl and sources.jsonl written by `write()`."""
        docs = [Document.model_validate_json(x) for x in _lines(corpus_dir / DOCUMENTS_FILE)]
        entries = [CatalogueEntry.model_validate_json(x) for x in _lines(corpus_dir / ENTRIES_FILE)]
        clauses = [DecisionClause.model_validate_json(x) for x in _lines(corpus_dir / CLAUSES_FILE)]
        sources = {row["id"]: row["lines"] for row in map(json.loads, _lines(corpus_dir / SOURCES_FILE))}
        return cls(
            ParsedDocument(
                document=d,
                entries=[e for e in entries if e.document_id == d.id],
                clauses=[c for c in clauses if c.document_id == d.id],
                lines=sources.get(d.id, []),
            )
            for d in docs
        )

    def write(self, corpus_dir: Path) -> None:
        """Write the four JSON Lines files (each atomically)."""
        corpus_dir.mkdir(parents=True, exist_ok=True)
        for name, records in (
            (DOCUMENTS_FILE, self._documents.values()),
            (ENTRIES_FILE, self._entries.values()),
            (CLAUSES_FILE, self._clauses.values()),
        ):
            tmp = corpus_dir / f".{name}.tmp"
            tmp.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
            tmp.replace(corpus_dir / name)
        tmp = corpus_dir / f".{SOURCES_FILE}.tmp"
        rows = (json.dumps({"id": i, "lines": lines}, ensure_ascii=False) + "\n" for i, lines in self._lines.items())
        tmp.write_text("".join(rows), encoding="utf-8")
        tmp.replace(corpus_dir / SOURCES_FILE)

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, document_id: str) -> Document:
        try:
            return self._documents[document_id]
        except KeyError:
            raise UnknownIdError(document_id, kind="document") from None

    def source_lines(self, document_id: str) -> list[str]:
        """The raw lines of a document's source file as they stand (line n is item n - 1); UnknownIdError."""
        if document_id not in self._documents:
            raise UnknownIdError(document_id, kind="document")
        return self._lines[document_id]

    def get(self, record_id: str) -> Document | CatalogueEntry | DecisionClause:
        """The document, entry or clause with this id; raises UnknownIdError."""
        for table in (self._entries, self._clauses, self._documents):
            if record_id in table:
                return table[record_id]
        raise UnknownIdError(record_id)

    def entry(self, entry_id: str) -> CatalogueEntry:
        try:
            return self._entries[entry_id]
        except KeyError:
            raise UnknownIdError(entry_id) from None

    def clause(self, clause_id: str) -> DecisionClause:
        try:
            return self._clauses[clause_id]
        except KeyError:
            raise UnknownIdError(clause_id) from None

    def entries(
        self,
        *,
        document: str | None = None,
        agency: str | None = None,
        sector: str | None = None,
        group: str | None = None,
        sharing_mode: SharingMode | str | None = None,
    ) -> list[CatalogueEntry]:
        """Entries matching every given filter; agency and sector match accent- and case-insensitively."""
        out = list(self._entries.values())
        if document is not None:
            out = [e for e in out if e.document_id == document]
        if agency:
            needle = fold_key(agency)
            out = [e for e in out if needle in fold_key(e.agency)]
        if sector:
            needle = fold_key(sector)
            out = [e for e in out if e.sector and needle in fold_key(e.sector)]
        if group:
            out = [e for e in out if e.group == group]
        if sharing_mode:
            mode = SharingMode(sharing_mode)
            out = [e for e in out if mode in e.sharing_modes]
        return out

    def clauses(self, *, document: str | None = None) -> list[DecisionClause]:
        return [c for c in self._clauses.values() if document is None or c.document_id == document]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dump_json(record: Document | CatalogueEntry | DecisionClause) -> str:
    """Pretty JSON of one record, Vietnamese kept readable."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
