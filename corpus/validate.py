"""Checks on a parsed document: counts, ids, required fields, HTML and layout debris left in the text.

Each problem is one line naming the document, the record id and the field:
``quang-ninh-2026 quang-ninh-2026/A-7 agency: empty``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from corpus import ids
from corpus.agencies import REGISTRY_FILE, load_registry
from corpus.records import CatalogueEntry, DecisionClause, DeclaredCount, Document, ParsedDocument
from corpus.succession import load_succession
from corpus.text import fold_key

_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
# Words of the Hải Dương page header, which repeats on every page of the PDF and must not leak into a cell.
_HEADER_WORDS = ("CƠ QUAN QUẢN", "LÝ, VẬN HÀNH", "HẠNG MỤC DỮ LIỆU", "MÔ TẢ DỮ LIỆU", "TÊN CƠ SỞ", "THẬP, CẬP NHẬT")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)

_ENTRY_TEXT_FIELDS = (
    "group_title",
    "sector",
    "name",
    "agency",
    "purpose",
    "scope",
    "content",
    "collection",
    "sharing",
    "notes",
)
_DOCUMENT_TEXT_FIELDS = ("province", "number", "date", "title", "issuer", "signer", "signer_title", "replaces")


def validate(parsed: ParsedDocument, *, expected_entries: int | None) -> list[str]:
    """Every problem found in one parsed document (an empty list when it is sound).

    Args:
        parsed: what a parser returned.
        expected_entries: the entry count the manifest promises, or None to skip that check.

    Returns:
        Problems as ``<document> <record id> <field>: <problem>`` lines, in a stable order.
    """
    doc = parsed.document
    problems = [f"{doc.id} {doc.id} {field}: {p}" for field, p in _document_problems(doc)]
    if expected_entries is not None and len(parsed.entries) != expected_entries:
        problems.append(f"{doc.id} {doc.id} entries: {len(parsed.entries)} parsed, {expected_entries} expected")
    problems += [f"{doc.id} {doc.id} entries: {p}" for p in _declared_count_problems(parsed)]
    seen = Counter([e.id for e in parsed.entries] + [c.id for c in parsed.clauses])
    problems += [f"{doc.id} {rid} id: duplicate ({n} records)" for rid, n in seen.items() if n > 1]
    for entry in parsed.entries:
        problems += [f"{doc.id} {entry.id} {field}: {p}" for field, p in _entry_problems(entry, doc.id, doc.province)]
    for clause in parsed.clauses:
        problems += [f"{doc.id} {clause.id} {field}: {p}" for field, p in _clause_problems(clause, doc.id)]
    problems += [f"{doc.id} {rid} {field}: {p}" for rid, field, p in _position_problems(parsed)]
    if ids.clause_id(doc.id, 1) not in seen:
        problems.append(f"{doc.id} {ids.clause_id(doc.id, 1)} clauses: Điều 1 missing")
    return problems


def registry_problems(parsed: list[ParsedDocument]) -> list[str]:
    """Problems of the agency registry and succession data against the whole corpus: a spelling, joint cell or
    repair whose quoted record does not read so, a succession naming an unknown body or legal basis."""
    registry = load_registry()
    entries = {e.id: e for p in parsed for e in p.entries}
    provinces = {p.document.id: p.document.province for p in parsed}
    return registry.evidence_problems(entries, provinces) + load_succession().problems(registry)


def _document_problems(doc: Document) -> Iterator[tuple[str, str]]:
    if not ids.is_document_id(doc.id):
        yield "id", f"not a document id (expected <province-slug>-<year>, e.g. ha-tinh-2022): {doc.id!r}"
    elif doc.id.rsplit("-", 1)[0] != ids.province_slug(doc.province):
        yield "id", f"does not match province {doc.province!r} (slug {ids.province_slug(doc.province)})"
    if not doc.title.strip():
        yield "title", "empty"
    for field in _DOCUMENT_TEXT_FIELDS:
        yield from ((field, p) for p in text_problems(getattr(doc, field)))
    for i, basis in enumerate(doc.legal_bases, start=1):
        yield from ((f"legal_bases[{i}]", p) for p in text_problems(basis))


def _entry_problems(entry: CatalogueEntry, document_id: str, province: str) -> Iterator[tuple[str, str]]:
    if entry.document_id != document_id:
        yield "document_id", f"{entry.document_id!r} is not the document {document_id!r}"
    expected_id = ids.entry_id(document_id, entry.number, entry.group)
    if not ids.is_entry_id(entry.id) or entry.id != expected_id:
        yield "id", f"does not follow corpus.ids (expected {expected_id})"
    for field in ("name", "agency"):
        if not getattr(entry, field).strip():
            yield field, "empty (required)"
    if entry.agency.strip() and load_registry().resolve(entry.agency, entry_id=entry.id, province=province) is None:
        yield "agency", f"not in the agency registry ({REGISTRY_FILE.name}): {entry.agency!r}"
    first, last = entry.source_lines
    if not 1 <= first <= last:
        yield "source_lines", f"not a line range: {entry.source_lines}"
    for field in _ENTRY_TEXT_FIELDS:
        yield from ((field, p) for p in text_problems(getattr(entry, field)))


def _clause_problems(clause: DecisionClause, document_id: str) -> Iterator[tuple[str, str]]:
    if clause.document_id != document_id:
        yield "document_id", f"{clause.document_id!r} is not the document {document_id!r}"
    expected_id = ids.clause_id(document_id, clause.article, clause.clause, clause.point)
    if not ids.is_clause_id(clause.id) or clause.id != expected_id:
        yield "id", f"does not follow corpus.ids (expected {expected_id})"
    if not clause.text.strip():
        yield "text", "empty"
    for field in ("heading", "text"):
        yield from ((field, p) for p in text_problems(getattr(clause, field)))


# Facts of the decision that a document citation quotes from the source (corpus.positions), by Document field.
_LOCATED_FACTS = ("title", "issuer", "number", "date", "legal_bases", "proposal", "replaces", "signer")


def _position_problems(parsed: ParsedDocument) -> Iterator[tuple[str, str, str]]:
    """Every clause and every fact the decision states must be found in the source, so a citation can open it."""
    doc, total = parsed.document, len(parsed.lines)

    def outside(span: tuple[int, int]) -> bool:
        return not 1 <= span[0] <= span[1] <= total

    for fact in _LOCATED_FACTS:
        span = doc.fact_lines.get(fact)
        if span is None and getattr(doc, fact):
            yield doc.id, f"fact_lines[{fact}]", "not found in the source"
        elif span is not None and outside(span):
            yield doc.id, f"fact_lines[{fact}]", f"outside the source's {total} lines: {span}"
    for clause in parsed.clauses:
        if clause.source_lines is None:
            yield clause.id, "source_lines", "not found in the source"
        elif outside(clause.source_lines):
            yield clause.id, "source_lines", f"outside the source's {total} lines: {clause.source_lines}"
    for entry in parsed.entries:
        if outside(entry.source_lines):
            yield entry.id, "source_lines", f"outside the source's {total} lines: {entry.source_lines}"


def text_problems(value: str | None) -> list[str]:
    """What is wrong with one text value: HTML, tabs, page headers, page-number or URL lines."""
    if not value:
        return []
    problems = []
    if tag := _HTML_TAG.search(value):
        problems.append(f"HTML tag left: {tag.group()!r}")
    if entity := _HTML_ENTITY.search(value):
        problems.append(f"HTML entity left: {entity.group()!r}")
    if "\t" in value:
        problems.append("tab character (layout debris)")
    flat = " ".join(value.split())
    problems += [f"page-header words {w!r} (layout debris)" for w in _HEADER_WORDS if w in flat]
    for line in value.splitlines():
        if _PAGE_NUMBER.match(line):
            problems.append(f"line that is only a page number: {line.strip()!r}")
        elif _URL_LINE.match(line):
            problems.append(f"stray URL line: {line.strip()!r}")
    return problems


def _counted(declared: DeclaredCount, entries: list[CatalogueEntry]) -> int:
    """How many entries fall under a declared count (its group and/or sector)."""
    return sum(
        1
        for e in entries
        if (declared.group is None or e.group == declared.group)
        and (declared.sector is None or fold_key(e.sector) == fold_key(declared.sector))
    )


def _declared_count_problems(parsed: ParsedDocument) -> Iterator[str]:
    for declared in parsed.declared_counts:
        found = _counted(declared, parsed.entries)
        if found != declared.count:
            scope = " ".join(x for x in (declared.group, declared.sector) if x) or "whole table"
            yield f"{scope} declares {declared.count} (line {declared.line}), {found} parsed"
