"""Questions asked with today's names: the bodies and the province of 2025, answered from the catalogues held.

Three small steps around the planner (hooks in `assistant.assistant.Assistant.ask`):
- `move_places`: a province merged in 2025 ("Hải Phòng") is answered from the catalogue held for its area (Hải
  Dương's), instead of being refused as a province without a catalogue;
- `plan` + `respond`: a list or count of an agency's databases counts the body, not a spelling (registry ids:
  "Sở GTVT" and "Sở Giao thông Vận tải" are one body; the page-broken B-11 cell is Sở Nông nghiệp và Môi
  trường), and shows apart the rows filed under the bodies it took over ("Sở Tài chính Hà Tĩnh": its own rows,
  then Sở Kế hoạch và Đầu tư's) or, in a later catalogue, who took over the body asked about;
- `explain`: an answer that names a body which no longer exists says who has its duties since 2025, and a
  record of a merged province says which province it is part of now — each with the legal basis of
  `corpus/succession.json`. Where duties were split, every candidate is named and none chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer import AnswerStatus
from assistant.answering import entry_line
from assistant.citing import Citations
from assistant.cues import Field
from assistant.lexicon import fold
from assistant.matching import CatalogueIndex
from assistant.plan import Plan
from assistant.question import Question
from assistant.responder import Reply
from assistant.succession_text import (
    capitalised,
    catalogue_of,
    department_sentence,
    moved_sentence,
    province_sentence,
)
from corpus.agencies import load_registry
from corpus.records import CatalogueEntry, Document
from corpus.succession import DepartmentSuccession, ProvinceUnit, load_succession, province_units
from corpus.text import fold_key

MAX_LISTED = 60


@dataclass(frozen=True)
class Moved:
    """A province the question named that is now part of a province whose area a held catalogue covers."""

    asked: str
    unit: ProvinceUnit
    held: list[Document]


@dataclass
class AgencyRows:
    """One document's rows for a body: its own, its predecessors' (filed before they merged) and its successor's."""

    document: Document
    own: list[CatalogueEntry]
    before: list[tuple[DepartmentSuccession, list[CatalogueEntry]]] = field(default_factory=list)
    after: DepartmentSuccession | None = None  # the body had ceased when this catalogue was issued
    after_rows: list[CatalogueEntry] = field(default_factory=list)  # its single successor's rows there

    @property
    def related(self) -> bool:
        return bool(self.before) or self.after is not None


class Succession:
    """Registry and succession data over one corpus (read once; `province_units` is cached per process)."""

    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index
        self.corpus = index.corpus
        self.registry = load_registry()
        self.data = load_succession()
        self.units = province_units()
        spellings = {fold(text): body for text, body in self.registry.spellings() if fold(text)}
        self._spellings = sorted(spellings.items(), key=lambda item: -len(item[0]))
        self._by_phrase = spellings

    # ---- places --------------------------------------------------------------------------------------------
    def unit_of(self, province: str) -> ProvinceUnit | None:
        return self.units.get(fold_key(province))

    def move_places(self, q: Question) -> list[Moved]:
        """Move each named province that a held catalogue covers since the 2025 merger from `foreign_provinces`
        to `documents` (in place); returns what was moved, for `explain`."""
        moved = []
        for name in list(q.foreign_provinces):
            unit = self.unit_of(name)
            held = [d for d in self.corpus.documents() if unit is not None and self.unit_of(d.province) is unit]
            if unit is None or not held:
                continue
            q.foreign_provinces.remove(name)
            q.documents.extend(d.id for d in held if d.id not in q.documents)
            moved.append(Moved(name, unit, held))
        return moved

    # ---- agencies ------------------------------------------------------------------------------------------
    def body_named(self, folded_text: str) -> tuple[str, str] | None:
        """(body id, folded spelling) of the longest registry spelling the folded text names as whole words."""
        padded = f" {folded_text} "
        return next(((body, p) for p, body in self._spellings if f" {p} " in padded), None)

    def body_of(self, agency: str | None) -> str | None:
        """The body a plan's folded agency phrase is exactly a spelling of (a prefix such as 'so nong nghiep'
        names no single body)."""
        return self._by_phrase.get(agency or "")

    def rows(self, body: str, document: Document) -> AgencyRows:
        entries = self.corpus.entries(document=document.id)
        out = AgencyRows(document, [e for e in entries if body in e.agency_ids])
        issued = document.date or ""
        for row in self.data.predecessors(body):
            filed = [e for e in entries if row.from_ in e.agency_ids]
            if filed and issued < row.effective:
                out.before.append((row, filed))
        ceased = self.data.of(body)
        if ceased is not None and issued >= ceased.effective and not out.own:
            out.after = ceased
            if not ceased.split:
                out.after_rows = [e for e in entries if ceased.to[0].body in e.agency_ids]
        return out

    def _takes_over(self, plan: Plan, body: str) -> bool:
        """True when counting the body differs from matching the spelling: rows of predecessors or successors,
        or rows the spelling misses (another spelling, a repaired cell)."""
        for doc_id in plan.documents:
            rows = self.rows(body, self.corpus.document(doc_id))
            spelled = {e.id for e in self.index.entries_of_agency(plan.agency or "", doc_id)}
            if rows.related or spelled != {e.id for e in rows.own}:
                return True
        return False

    def plan(self, q: Question, *, document: str | None = None) -> Plan | None:
        """A list or count of one body's databases, when counting the body answers differently from the planner's
        spelling match (or the body is named only by a short form the catalogues do not use: "STNMT")."""
        if not (q.wants_list or q.wants_count):
            return None
        if q.sector or q.group or q.sharing_mode or q.status or q.within or q.wants_other or q.refers_back:
            return None
        if (document and q.documents and document not in q.documents) or (q.foreign_provinces and not q.documents):
            return None
        found = self.body_named(q.folded)
        if found is None:
            return None
        body, phrase = found
        rest = [w for w in q.topic if fold(w) not in phrase.split()]
        if rest and not self.index.topic_is_generic(rest):
            return None  # "Sở TN&MT quản lý CSDL đất đai nào": a database of the body, not its set
        docs = [document] if document else list(q.documents) or [d.id for d in self.corpus.documents()]
        plan = Plan("count" if q.wants_count else "list", documents=docs, agency=fold(self.registry.body(body).name))
        return plan if q.agency is None or self._takes_over(plan, body) else None

    def handles(self, plan: Plan) -> str | None:
        """The body whose set `respond` writes for this plan, or None when the responder's answer is the same."""
        if plan.kind not in ("list", "count") or not plan.agency or plan.entries or plan.exclude:
            return None
        if plan.sector or plan.group or plan.sharing_mode or plan.status:
            return None
        body = self.body_of(plan.agency)
        return body if body is not None and self._takes_over(plan, body) else None

    def respond(self, plan: Plan) -> Reply | None:
        """The reply for a list or count of one body's databases across the reorganisation (None: not such a
        plan, or one the responder answers the same)."""
        body = self.handles(plan)
        if body is None:
            return None
        cites = Citations(self.corpus)
        name = self.registry.body(body).name
        parts = []
        for doc_id in plan.documents:
            rows = self.rows(body, self.corpus.document(doc_id))
            if rows.own or rows.related or len(plan.documents) == 1:
                parts.append(self._block(rows, name, cites, alone=len(plan.documents) == 1))
        status = AnswerStatus.ANSWERED if cites.items else AnswerStatus.NOT_FOUND
        return Reply(status, "\n\n".join(parts), cites)

    def _block(self, rows: AgencyRows, name: str, cites: Citations, *, alone: bool) -> str:
        doc = rows.document
        lines = [f"Danh mục của {doc.province} có {len(rows.own)} CSDL do {name} quản lý" + (":" if rows.own else ".")]
        lines += [self._line(cites, e) for e in rows.own[:MAX_LISTED]]
        if rows.before and not rows.own:
            lines[0] = f"{capitalised(catalogue_of(doc))} không có CSDL nào ghi {name} là cơ quan quản lý."
        merged = 0
        for row, filed in rows.before:
            former = self.registry.body(row.from_).name
            tail = "; danh mục không ghi CSDL nào thuộc sở nào" if row.split else ""
            lines.append(f"Theo {catalogue_of(doc)}, {former} quản lý {len(filed)} CSDL; "
                         f"{department_sentence(row, self.data, self.registry)}{tail}:")  # fmt: skip
            lines += [self._line(cites, e) for e in filed[:MAX_LISTED]]
            merged += 0 if row.split else len(filed)
        if merged and rows.own:
            lines.append(f"Tính cả CSDL của các sở đã hợp nhất vào {name}: {len(rows.own) + merged} CSDL.")
        if rows.after is not None:
            sentence = department_sentence(rows.after, self.data, self.registry)
            lines[0] = f"{capitalised(catalogue_of(doc))} không ghi {name}: {sentence}."
            if rows.after_rows and alone:
                successor = self.registry.body(rows.after.to[0].body).name
                lines.append(f"{successor} quản lý {len(rows.after_rows)} CSDL trong danh mục này:")
                lines += [self._line(cites, e) for e in rows.after_rows[:MAX_LISTED]]
        return "\n".join(lines)

    @staticmethod
    def _line(cites: Citations, entry: CatalogueEntry) -> str:
        line = entry_line(cites, entry, with_agency=len(entry.agency_ids) > 1)
        return f"{line} (văn bản nguồn ghi: «{entry.agency}»)" if entry.agency_repair else line

    # ---- notes on any answer -------------------------------------------------------------------------------
    def explain(self, plan: Plan, reply: Reply, moved: list[Moved]) -> Reply:
        """The reply with the 2025 changes it depends on: a merged province answered from a held catalogue (first),
        the successor of every former body the answer names, a repaired agency cell, the province a record's
        province is part of now (last)."""
        cited = [self.corpus.entry(c.id) for c in reply.cites.items if c.kind == "entry"]
        shows_agency = (plan.kind in ("entry", "compare") and (not plan.fields or Field.AGENCY in plan.fields)) or (
            plan.kind in ("list", "count") and bool(plan.agency)
        )
        notes: list[str] = []
        if shows_agency and self.handles(plan) is None:
            for body, doc in dict.fromkeys((b, e.document_id) for e in cited for b in e.agency_ids):
                row = self.data.of(body)
                if row is not None and (self.corpus.document(doc).date or "") < row.effective:
                    notes.append(capitalised(department_sentence(row, self.data, self.registry)) + ".")
            notes += [f"Văn bản nguồn ghi «{e.agency}»; đọc là {e.agency_name}: {e.agency_repair}"
                      for e in cited if e.agency_repair and plan.kind in ("entry", "compare")]  # fmt: skip
        notes = list(dict.fromkeys(notes))
        explained = {d.province for m in moved for d in m.held}
        if notes or (self.handles(plan) is not None):
            for province in dict.fromkeys(self.corpus.document(e.document_id).province for e in cited):
                unit = self.unit_of(province)
                if unit is not None and unit.merged and province not in explained:
                    notes.append(capitalised(province_sentence(province, unit, self.data)) + ".")
        text = reply.text
        if moved and reply.status is not AnswerStatus.CLARIFY:
            text = "\n".join(moved_sentence(m.unit, m.held, self.data) for m in moved) + "\n\n" + text
        if notes:
            text += "\n\n" + "\n".join(notes)
        return Reply(reply.status, text, reply.cites)
