"""Turning a `Plan` into the answer's text and citations (lists and counts computed over the records)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assistant.answer import AnswerStatus
from assistant.answering import (
    DEFAULT_FIELDS,
    MAX_FIELD_CHARS,
    SINGLE_ENTRY_FIELD_CHARS,
    describe_filters,
    entry_block,
    entry_line,
    format_date,
    shorten,
)
from assistant.citing import Citations, clause_title
from assistant.decision_facts import MISSING_META, DecisionFacts
from assistant.matching import CatalogueIndex
from assistant.plan import Plan
from assistant.question import Meta
from assistant.sets import planned_entries
from corpus.records import CatalogueEntry

MAX_LISTED = 60
NOT_FOUND = "Không tìm thấy thông tin này trong các danh mục cơ sở dữ liệu dùng chung hiện có"


@dataclass
class Reply:
    """Status, text and citations of an answer, before the session id is attached."""

    status: AnswerStatus
    text: str
    cites: Citations


class Responder:
    """Writes the answer for each kind of plan."""

    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index
        self.corpus = index.corpus
        self.facts = DecisionFacts(index.corpus)

    def _province(self, doc_id: str) -> str:
        return self.corpus.document(doc_id).province

    def _covered(self) -> str:
        return ", ".join(d.province for d in self.corpus.documents())

    def respond(self, plan: Plan) -> Reply:
        """The reply for a plan."""
        handler = getattr(self, f"_{plan.kind}")
        reply: Reply = handler(plan)
        return reply

    def _entry(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        fields = plan.fields or list(DEFAULT_FIELDS)
        docs = {self.index.entries[s.id].entry.document_id for s in plan.entries}
        blocks = [
            entry_block(
                self.corpus,
                cites,
                self.index.entries[s.id].entry,
                fields,
                score=s.score,
                label_province=len(docs) > 1,
                focus=plan.focus_words or plan.topic,
                limit=SINGLE_ENTRY_FIELD_CHARS if len(plan.entries) == 1 else MAX_FIELD_CHARS,
            )
            for s in plan.entries
        ]
        intro = "CSDL này có trong danh mục của nhiều tỉnh:\n" if len(docs) > 1 else ""
        return Reply(AnswerStatus.ANSWERED, intro + "\n\n".join(blocks), cites)

    def _compare(self, plan: Plan) -> Reply:
        reply = self._entry(plan)
        missing = [self._province(d) for d in plan.missing]
        if missing:
            reply.text += f"\n\nDanh mục của {', '.join(missing)} không có CSDL tương ứng."
        return reply

    def _filtered(self, plan: Plan, doc: str) -> list[CatalogueEntry]:
        return planned_entries(self.index, plan, doc)

    def _what(self, plan: Plan, doc: str) -> str:
        group_title = None
        if plan.group:
            titles = [e.group_title for e in self.corpus.entries(document=doc, group=plan.group) if e.group_title]
            group_title = titles[0] if titles else f"nhóm {plan.group}"
        agency = plan.agency
        if agency:
            named = self.index.entries_of_agency(agency, doc) or self.index.entries_of_agency(agency)
            # As a cell writes it; a cell naming several bodies is no name for one of them.
            agency = next((e.agency for e in named if len(e.agency) < 60), agency)
        what = describe_filters(
            agency=agency,
            sector=plan.sector,
            group_title=group_title,
            mode=plan.sharing_mode.value if plan.sharing_mode else None,
        )
        if plan.entries and plan.topic:
            what = f" có tên liên quan đến «{' '.join(plan.topic)}»"
        if plan.status or plan.reason == "noted":
            what += " (chọn theo cột ghi chú)"
        if plan.within:
            what += " trong số vừa nêu"
        elif plan.exclude:
            what += " (ngoài CSDL đã nêu)"
        return what

    def _list(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        parts: list[str] = []
        total = 0
        for doc in plan.documents:
            entries = self._filtered(plan, doc)
            if not entries and len(plan.documents) > 1:
                continue
            total += len(entries)
            head = f"Danh mục của {self._province(doc)} có {len(entries)} CSDL{self._what(plan, doc)}"
            if not entries:
                parts.append(head + ".")
                continue
            lines = [
                entry_line(cites, e, with_agency=not plan.agency, with_notes=plan.by_notes)
                for e in entries[:MAX_LISTED]
            ]
            parts.append(head + ":\n" + "\n".join(lines))
        if total == 0:
            where = ", ".join(self._province(d) for d in plan.documents) or self._covered()
            what = self._what(plan, plan.documents[0]) if plan.documents else ""
            return Reply(AnswerStatus.NOT_FOUND, f"Danh mục của {where} không có CSDL nào{what}.", cites)
        return Reply(AnswerStatus.ANSWERED, "\n\n".join(parts), cites)

    def _count(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        parts: list[str] = []
        for doc in plan.documents:
            entries = self._filtered(plan, doc)
            if not entries and len(plan.documents) > 1:
                continue
            head = f"Danh mục của {self._province(doc)} có {len(entries)} CSDL{self._what(plan, doc)}"
            # A count names what it counted (one line and one citation each), so "kể tên" is already answered;
            # a long count lists up to MAX_LISTED, one line each, which the widget shows as a compact list.
            lines = [
                entry_line(cites, e, with_agency=not plan.agency, with_notes=plan.by_notes)
                for e in entries[:MAX_LISTED]
            ]
            parts.append(f"{head}:\n" + "\n".join(lines) if lines else head)
        if not parts:
            what = self._what(plan, plan.documents[0]) if plan.documents else ""
            return Reply(AnswerStatus.NOT_FOUND, f"Danh mục không có CSDL nào{what}.", cites)
        return Reply(AnswerStatus.ANSWERED, "\n".join(parts), cites)

    def _totals(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        parts = []
        for doc in plan.documents:
            entries = self._filtered(plan, doc)
            anchor = self.facts.clause_with(doc, "ban hành") or self.facts.first_clause(doc)
            marker = cites.cite(anchor, anchor.text) if anchor else ""
            parts.append(f"- {self._province(doc)}: {len(entries)} CSDL{self._what(plan, doc)} {marker}".rstrip())
            groups = Counter(e.group for e in entries if e.group)
            if not plan.group and len(groups) > 1:  # a catalogue in groups: each group as its title reads
                for group, n in sorted(groups.items()):
                    first = next(e for e in entries if e.group == group)  # its rows carry the group's title
                    title = first.group_title or ""
                    parts.append(f"  + Nhóm {group}: {n} CSDL — «{title}» {cites.cite(first, title)}".rstrip())
        text = "Số CSDL trong danh mục dùng chung của từng tỉnh:\n" + "\n".join(parts)
        if len(plan.documents) > 1:
            total = sum(len(self._filtered(plan, doc)) for doc in plan.documents)
            text += f"\nTổng cộng: {total} CSDL."
        return Reply(AnswerStatus.ANSWERED, text, cites)

    def _clause(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        parts = []
        for s in plan.clauses:
            clause = self.corpus.clause(s.id)
            head = f"Theo {clause_title(clause)} Quyết định của {self._province(clause.document_id)}:"
            points = [
                c
                for c in self.corpus.clauses(document=clause.document_id)
                if clause.clause is not None
                and clause.point is None
                and c.article == clause.article
                and c.clause == clause.clause
                and c.point
            ]
            if not points:
                parts.append(f"{head}\n{shorten(clause.text, 1500)} {cites.cite(clause, clause.text, s.score)}")
                continue
            # A clause with points: the clause is the main evidence, each point is also cited on its own.
            lines = [head, f"{clause.text.split(chr(10), 1)[0]} {cites.cite(clause, clause.text, s.score)}"]
            for point in points:
                body = point.text.split("\n", 1)[-1]
                lines.append(f"{shorten(body, 400)} {cites.cite(point, point.text, s.score)}")
            parts.append("\n".join(lines))
        return Reply(AnswerStatus.ANSWERED, "\n\n".join(parts), cites)

    def _meta(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        parts = []
        for doc_id in plan.documents:
            doc = self.corpus.document(doc_id)
            lines = [self.facts.line(doc_id, m, cites) for m in plan.meta]
            if all(line == MISSING_META for line in lines):
                continue
            head = f"Quyết định ban hành danh mục của {doc.province}"
            parts.append(head + ":\n" + "\n".join(f"- {line}" for line in lines))
        if not parts:
            return Reply(AnswerStatus.NOT_FOUND, f"{NOT_FOUND}: {MISSING_META[0].lower()}{MISSING_META[1:]}", cites)
        return Reply(AnswerStatus.ANSWERED if cites.items else AnswerStatus.NOT_FOUND, "\n\n".join(parts), cites)

    def _overview(self, plan: Plan) -> Reply:
        plan.meta = [Meta.NUMBER, Meta.DATE, Meta.TITLE]
        reply = self._meta(plan)
        for doc in plan.documents:
            reply.text += f"\nDanh mục của {self._province(doc)} gồm {len(self.corpus.entries(document=doc))} CSDL."
        return reply

    def _not_found(self, plan: Plan) -> Reply:
        cites = Citations(self.corpus)
        if plan.reason == "province":
            return Reply(
                AnswerStatus.NOT_FOUND,
                f"{NOT_FOUND}: chưa có danh mục của {', '.join(plan.topic)}. Các danh mục hiện có: {self._covered()}.",
                cites,
            )
        where = ", ".join(self._province(d) for d in plan.documents)
        if plan.reason == "elsewhere" and plan.elsewhere:
            lines = []
            for s in plan.elsewhere[:3]:
                e = self.index.entries[s.id].entry
                marker = cites.cite(e, f"{e.name}\n{e.agency}", s.score)
                lines.append(f"«{e.name}» có trong danh mục {self._province(e.document_id)} {marker}")
            return Reply(
                AnswerStatus.NOT_FOUND, f"Danh mục của {where} không có CSDL này; " + "; ".join(lines) + ".", cites
            )
        if plan.reason == "decision":
            held = "; ".join(
                f"{d.province}: {d.number or 'số để trống'}, {format_date(d.date) or 'ngày để trống'}"
                for d in self.corpus.documents()
            )
            return Reply(
                AnswerStatus.NOT_FOUND,
                f"{NOT_FOUND}: quyết định được hỏi không phải là văn bản đang có. Các quyết định hiện có: {held}.",
                cites,
            )
        if plan.reason == "outside":
            return Reply(
                AnswerStatus.NOT_FOUND,
                f"{NOT_FOUND}: câu hỏi này không hỏi về cơ sở dữ liệu nào trong danh mục (thủ tục, lệ phí, thời gian "
                "giải quyết … không có trong danh mục). Bạn có thể hỏi CSDL nào quản lý dữ liệu liên quan, do cơ quan "
                f"nào quản lý và chia sẻ thế nào. Các danh mục hiện có: {self._covered()}.",
                cites,
            )
        if plan.reason == "unstated":
            return Reply(
                AnswerStatus.NOT_FOUND,
                f"{NOT_FOUND}: danh mục không ghi kinh phí hay mức phí của các CSDL (chỉ ghi tên, cơ "
                "quan quản lý, mục đích, phạm vi, nội dung, cơ chế thu thập, hình thức chia sẻ và ghi chú).",
                cites,
            )
        if plan.reason == "document":
            return Reply(AnswerStatus.NOT_FOUND, f"{NOT_FOUND} trong danh mục của {where}.", cites)
        scope = f" của {where}" if where else f" ({self._covered()})"
        return Reply(AnswerStatus.NOT_FOUND, f"{NOT_FOUND}{scope}.", cites)

    def _clarify(self, plan: Plan) -> Reply:
        text = (
            "Bạn muốn hỏi về cơ sở dữ liệu nào, ở tỉnh nào? Ví dụ: “CSDL hộ tịch ở Hà Tĩnh do ai quản lý?”. "
            f"Các danh mục hiện có: {self._covered()}."
        )
        return Reply(AnswerStatus.CLARIFY, text, Citations(self.corpus))

