"""`csdl-qa eval check GOLD`: verify a gold file against the corpus and the source documents.

Checks: schema (via `load_gold`), unique item ids, every gold id exists, every `must_contain` string occurs in
the cited records or the source text, and list/count gold recomputed from the corpus where an item carries a
`check` filter. An item may list strings that the answer must contain but the source cannot (the source leaves
a field blank, so the answer must *say* it is blank) in the extra field `not_in_source`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpus import ids
from corpus.errors import UnknownIdError
from corpus.manifest import read_manifest
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.store import Corpus
from corpus.text import normalize
from eval.gold import GoldItem, Kind, load_gold
from eval.metrics import normalize_text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a gold item, located by file line."""

    line: int
    item_id: str
    message: str

    def render(self, source: str) -> str:
        return f"{source}:{self.line}: {self.item_id}: {self.message}"


def record_text(record: Document | CatalogueEntry | DecisionClause) -> str:
    """Every string field of a record, joined, for must_contain look-ups."""
    values = record.model_dump(mode="json").values()
    parts: list[str] = []
    for value in values:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    return "\n".join(parts)


def source_texts(sources_dir: Path) -> dict[str, str]:
    """Document id → its source text in comparison form (PDF look-alike letters fixed, HTML removed)."""
    manifest = read_manifest(sources_dir)
    out: dict[str, str] = {}
    for entry in manifest.documents:
        raw = (sources_dir / entry.file).read_text(encoding="utf-8")
        out[entry.id] = normalize_text(normalize(raw) or "")
    return out


class GoldChecker:
    """Checks gold items against one corpus and its source texts."""

    def __init__(self, corpus: Corpus, sources: dict[str, str]) -> None:
        self.corpus = corpus
        self.sources = sources

    def check_items(self, items: list[GoldItem]) -> list[Problem]:
        """All problems of all items, in file order."""
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for item in items:
            if item.id in seen:
                problems.append(Problem(item.line, item.id, f"id trùng với dòng {seen[item.id]}"))
            seen.setdefault(item.id, item.line)
            problems.extend(Problem(item.line, item.id, msg) for msg in self.check_item(item))
        return problems

    def check_item(self, item: GoldItem) -> list[str]:
        """Problems of one item as messages."""
        out: list[str] = []
        exempt = {normalize_text(s) for s in _string_list(getattr(item, "not_in_source", None))}
        for n, turn in enumerate(item.turns, 1):
            where = f"lượt {n}"
            if item.kind is Kind.OOS and (turn.gold_ids or turn.expect_status != "not_found"):
                out.append(f"{where}: câu ngoài phạm vi phải có gold_ids rỗng và expect_status not_found")
            records = []
            for gold_id in turn.gold_ids:
                if not (ids.is_entry_id(gold_id) or ids.is_clause_id(gold_id)):
                    out.append(f"{where}: '{gold_id}' không phải mã mục hay mã điều khoản (CONTRACT §1)")
                    continue
                try:
                    records.append(self.corpus.get(gold_id))
                except UnknownIdError:
                    out.append(f"{where}: mã '{gold_id}' không có trong kho dữ liệu")
            cited = normalize_text("\n".join(record_text(r) for r in records))
            docs = {ids.document_of(g) for g in turn.gold_ids} or set(self.sources)
            for s in turn.must_contain:
                needle = normalize_text(s)
                if needle in exempt or item.kind is Kind.COUNT:
                    continue  # counts are verified by recomputation below
                if needle not in cited and not any(needle in self.sources.get(d, "") for d in docs):
                    out.append(f"{where}: chuỗi '{s}' không có trong bản ghi được dẫn hay văn bản nguồn")
        if item.check is not None:
            out.extend(self._recompute(item))
        return out

    def _recompute(self, item: GoldItem) -> list[str]:
        assert item.check is not None
        if len(item.turns) != 1:
            return ["check chỉ dùng cho câu hỏi một lượt"]
        turn = item.turns[0]
        found = [e.id for e in self.corpus.entries(**item.check.model_dump(exclude_none=True))]
        if item.kind is Kind.COUNT:
            numbers = [int(s) for s in turn.must_contain if re.fullmatch(r"\d+", s.strip())]
            if numbers != [len(found)]:
                return [f"số đếm lại từ kho dữ liệu là {len(found)}, gold ghi {numbers}"]
            return []
        missing = sorted(set(found) - set(turn.gold_ids))
        extra = sorted(set(turn.gold_ids) - set(found))
        if missing or extra:
            return [f"danh sách lọc lại từ kho dữ liệu khác gold: thiếu {missing}, thừa {extra}"]
        return []


def _string_list(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def check_file(path: Path, corpus: Corpus, sources_dir: Path) -> list[Problem]:
    """Load and check one gold file; schema errors raise `GoldError` from `load_gold`."""
    items = load_gold(path)
    return GoldChecker(corpus, source_texts(sources_dir)).check_items(items)
