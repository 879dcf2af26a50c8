"""From an understood question and the conversation's focus to a plan: what to answer, from which records.

The decisions that matter are here: whether the catalogues hold the answer at all (calibrated
coverage of the question by a record, entity matches, the retriever's agreement), which documents
a follow-up refers to, and when a question must be asked back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answering import DEFAULT_FIELDS, field_value
from assistant.lexicon import fold
from assistant.matching import CatalogueIndex, Scored, content_words, folded_pairs, query_terms, record_terms
from assistant.question import Field, Meta, Question
from assistant.session import Focus
from corpus.records import SharingMode

MAX_PER_DOCUMENT = 3
_ARTICLE = re.compile(r"\bdieu (\d+)(?: khoan (\d+)(?: diem ([a-z]))?)?\b")


@dataclass
class Plan:
    """What the answer will be made of."""

    kind: str  # entry, list, count, totals, compare, clause, meta, overview, not_found, clarify
    documents: list[str] = field(default_factory=list)
    entries: list[Scored] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    clauses: list[Scored] = field(default_factory=list)
    meta: list[Meta] = field(default_factory=list)
    agency: str | None = None
    sector: str | None = None
    group: str | None = None
    sharing_mode: SharingMode | None = None
    topic: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    elsewhere: list[Scored] = field(default_factory=list)  # the database in other documents (not_found)
    missing: list[str] = field(default_factory=list)  # documents that lack it (compare)
    reason: str = ""


def accepted(s: Scored, ranks: dict[str, int], *, words: int = 1, top: str | None = None) -> bool:
    """Whether an entry explains the question well enough to answer from it.

    Name evidence counts most. A match in the body alone (a paraphrase: "số liệu tàu thuyền … thuộc CSDL nào")
    needs a description of at least three words and the retriever's agreement: a word or two found in a
    long body ("CSDL hộ tịch" named as a linked source) is no evidence that the entry is the database asked for.
    """
    rank = ranks.get(s.id, 99)
    if s.score >= 0.45 or rank < 3:
        if s.name_cover >= 0.6 and s.body_cover >= 0.6:
            return True
        if s.name_cover >= 0.3 and s.body_cover >= 0.85:
            return True
    if words < 3:
        return False
    return (s.body_cover >= 0.85 and rank < 3) or (s.body_cover >= 0.5 and rank == 0 and s.id == top)


class Planner:
    """Resolves questions against the corpus and the session focus."""

    def __init__(self, index: CatalogueIndex) -> None:
        self.index = index
        self.all_documents = [d.id for d in index.corpus.documents()]

    def pick_entries(
        self, topic: list[str], documents: list[str], ranks: dict[str, int], *, by_name: bool = False
    ) -> list[Scored]:
        """Best accepted entries per document (near ties kept), documents clearly worse dropped."""
        scored = [
            Scored(
                s.id,
                s.score + (0.08 if ranks.get(s.id) == 0 else 0.04 if ranks.get(s.id, 99) < 3 else 0.0),
                s.name_cover,
                s.body_cover,
                s.name_precision,
            )
            for s in self.index.score_entries(topic, documents or None)
        ]
        scored.sort(key=lambda s: -s.score)
        words = len(dict.fromkeys(topic))
        top = scored[0].id if scored else None
        good = [s for s in scored if accepted(s, ranks, words=words, top=top) and (not by_name or s.name_cover >= 0.5)]
        if good and good[0].id != scored[0].id and good[0].name_cover < 0.3:
            good = []  # accepted on the retriever's word only, while the records' own matching prefers another
        if not good:
            return []
        best = good[0].score
        out: list[Scored] = []
        per_doc: dict[str, float] = {}
        for s in good:
            doc = self.index.entries[s.id].entry.document_id
            if doc not in per_doc:
                if s.score < 0.75 * best:
                    continue
                per_doc[doc] = s.score
                out.append(s)
            elif (
                s.score >= per_doc[doc] - 0.02
                and sum(1 for o in out if self.index.entries[o.id].entry.document_id == doc) < MAX_PER_DOCUMENT
            ):
                out.append(s)
        return out

    def plan(self, q: Question, focus: Focus, ranks: dict[str, int], document: str | None) -> Plan:
        """The plan for one question in its conversation."""
        docs = [document] if document else list(q.documents)
        if q.topic and focus.kind is not None and self.index.topic_is_generic(q.topic):
            q.topic = []  # "còn quản lý thì sao?": words every entry has say nothing new; the focus holds
        if q.foreign_provinces and not docs:
            return Plan("not_found", reason="province", topic=q.foreign_provinces)
        if document and q.documents and document not in q.documents:
            return Plan("not_found", documents=[document], reason="document")
        if q.follow_up and not docs and focus.documents and (q.topic or q.fields):
            docs = list(focus.documents)
        if q.meta == [Meta.LEGAL_BASES] and not q.topic and focus.kind in ("entry", "compare") and not docs:
            q.meta, q.fields = [], [Field.NOTES]  # "căn cứ …?" about the database in focus: its notes column
        uses_focus = not q.topic and not q.has_filter and not q.meta and focus.kind is not None
        if Meta.REPLACES in q.meta:
            q.meta = [m for m in q.meta if m not in (Meta.DATE, Meta.NUMBER)]
        if q.meta and not (Meta.LEGAL_BASES in q.meta and q.topic and self.pick_entries(q.topic, docs, ranks)):
            return Plan("meta", documents=docs or list(focus.documents) or self.all_documents, meta=q.meta)
        if q.meta and Meta.LEGAL_BASES in q.meta:
            q.fields.append(Field.NOTES)
        if q.refers_to_agency and (q.wants_list or q.wants_other) and focus.entries:
            agency = fold(self.index.entries[focus.entries[0]].entry.agency)
            return Plan(
                "list",
                documents=docs or focus.documents,
                agency=agency,
                exclude=list(focus.entries) if q.wants_other else [],
            )
        if q.wants_count or q.wants_list or (q.wants_compare and not q.topic):
            if q.has_filter or not q.topic:
                if uses_focus and focus.kind in ("list", "count", "totals") and not docs:
                    return Plan("clarify", reason="ellipsis")
                kind = "count" if q.wants_count else "list"
                targets = docs or self.all_documents
                if q.sector and q.sector_words and not any(self._has_sectors(d) for d in targets):
                    # Hà Tĩnh and Hải Dương have no sector column: "lĩnh vực giáo dục" is read from the names.
                    named = [s for s in self.index.score_entries(q.sector_words, targets) if s.name_cover >= 0.99]
                    if named:
                        return Plan(kind, documents=targets, entries=named, topic=q.sector_words)
                if q.wants_compare or (kind == "count" and not q.has_filter and len(docs) != 1):
                    kind = "totals"
                return Plan(
                    kind,
                    documents=docs or self.all_documents,
                    agency=q.agency,
                    sector=q.sector,
                    group=q.group,
                    sharing_mode=q.sharing_mode,
                )
            picked = self.index.score_entries(q.topic, docs or None)
            named = [s for s in picked if s.name_cover >= 0.99 or (s.name_cover >= 0.5 and accepted(s, ranks))]
            exact = [s for s in named if s.name_cover >= 0.99 and s.name_precision >= 0.8]
            if q.wants_list and len(exact) == 1 and len(q.topic) >= 3:
                # "Hệ thống cảnh báo thiên tai … gồm những CSDL gì?": the list asked for is that entry's content.
                return Plan("entry", documents=docs, entries=exact, fields=q.fields or [Field.CONTENT], topic=q.topic)
            if named and not q.wants_compare:
                return Plan(
                    "count" if q.wants_count else "list",
                    documents=docs or self.all_documents,
                    entries=named,
                    topic=q.topic,
                )
        if uses_focus or (q.refers_back and not self.pick_entries(q.topic, docs, ranks)):
            return self._from_focus(q, focus, docs, ranks)
        if not q.topic and q.agency:
            # "CSDL của BHXH tỉnh Hải Dương chia sẻ thế nào?": the agency's entries are the subject.
            found = [e for d in (docs or self.all_documents) for e in self.index.entries_of_agency(q.agency, d)]
            if not found:
                return Plan("list", documents=docs or self.all_documents, agency=q.agency)
            if len(found) <= MAX_PER_DOCUMENT and (q.fields or not q.wants_list):
                scored = [Scored(e.id, 1.0, 1.0, 1.0, 1.0) for e in found]
                return Plan("entry", documents=docs, entries=scored, fields=q.fields)
            return Plan("list", documents=docs or self.all_documents, agency=q.agency)
        if not q.topic:
            if q.fields or q.refers_back:
                return Plan("clarify", reason="no-topic")
            if docs:
                return Plan("overview", documents=docs)
            return Plan("not_found", reason="unrelated")
        return self._by_topic(q, docs, ranks)

    def fields_for(self, topic: list[str], entry_id: str) -> list[Field]:
        """For a question naming no field: the default fields, plus those whose text holds the other words asked.

        "CSDL hồ sơ sức khỏe … phục vụ tích hợp trên ứng dụng nào?" names no column, but "tích hợp", "ứng dụng"
        are in the entry's content, so the content is part of the answer.
        """
        profile = self.index.entries[entry_id]
        words = list(dict.fromkeys(topic))
        keys, _ = query_terms(words)
        residual = [k for k in keys if k not in profile.name_terms]
        if not residual:
            return []
        found = []
        for fld in (Field.CONTENT, Field.PURPOSE, Field.COLLECTION, Field.SCOPE, Field.SHARING, Field.NOTES):
            text = field_value(profile.entry, fld)
            if text and self.index.cover(residual, frozenset(record_terms(content_words(text)))) >= 0.5:
                found.append(fld)
        return [*DEFAULT_FIELDS, *(f for f in found if f not in DEFAULT_FIELDS)] if found else []

    def _by_topic(self, q: Question, docs: list[str], ranks: dict[str, int]) -> Plan:
        by_name = q.names_database
        named = _ARTICLE.search(q.folded)
        if named:
            ref = "dieu-" + ".".join(x for x in named.groups() if x)
            ids = [f"{d}/{ref}" for d in (docs or self.all_documents) if f"{d}/{ref}" in self.index.clauses]
            if ids and (docs or len(ids) == 1):
                return Plan("clause", documents=docs, clauses=[Scored(i, 1.0, 1.0, 1.0, 0.0) for i in ids])
        entries = self.pick_entries(q.topic, docs, ranks, by_name=by_name)
        province_words = {w for d in self.index.corpus.documents() for w in fold(d.province).split()}
        clause_words = [w for w in q.words if w not in province_words]
        clauses = self.index.score_clauses(clause_words, docs or None)
        if not entries and by_name and docs:
            others = [d for d in self.all_documents if d not in docs]
            elsewhere = self.pick_entries(q.topic, others, ranks, by_name=True)
            if elsewhere:  # a database named for a province that lacks it: say where it is, not a clause
                return Plan("not_found", documents=docs, elsewhere=elsewhere, topic=q.topic, reason="elsewhere")
        best_entry = max((s.body_cover for s in entries), default=0.0)
        if clauses and clause_words:
            top = clauses[0]
            if top.body_cover >= 0.6 and top.body_cover >= best_entry + 0.15:
                return Plan("clause", documents=docs, clauses=self._pick_clause(clauses, q), topic=q.topic)
        fields = q.fields or []
        if q.wants_compare or (not docs and len({self.index.entries[s.id].entry.document_id for s in entries}) > 1):
            if entries:
                present = {self.index.entries[s.id].entry.document_id for s in entries}
                target = docs or self.all_documents
                return Plan(
                    "compare" if q.wants_compare else "entry",
                    documents=target,
                    entries=entries,
                    fields=fields,
                    topic=q.topic,
                    missing=[d for d in target if d not in present] if q.wants_compare else [],
                )
        if entries:
            fields = fields or self.fields_for(q.topic, entries[0].id)
            return Plan("entry", documents=docs, entries=entries, fields=fields, topic=q.topic)
        if docs:
            others = [d for d in self.all_documents if d not in docs]
            elsewhere = self.pick_entries(q.topic, others, ranks, by_name=True)
            if elsewhere:
                return Plan("not_found", documents=docs, elsewhere=elsewhere, topic=q.topic, reason="elsewhere")
        return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")

    def _has_sectors(self, document: str) -> bool:
        """True when the document's catalogue fills the sector ('LĨNH VỰC …') of its entries."""
        return any(e.sector for e in self.index.corpus.entries(document=document))

    def _pick_clause(self, clauses: list[Scored], q: Question) -> list[Scored]:
        """The point (or clause without points) whose words and word pairs hold the question best.

        Points of one decision share their wording ("phối hợp … kết nối, tích hợp … về Kho"); the pairs the
        user wrote with stop words kept ("chưa có", "với Sở", "các cơ quan có CSDL") tell the addressee apart.
        When the best points of one clause stay level, the clause itself is the answer.
        """
        places = {w for d in self.index.corpus.documents() for w in fold(d.province).split()}
        asked = frozenset(p for p in folded_pairs(q.text) if not set(p) & places and p not in _FRAMING_PAIRS)
        top = clauses[0].body_cover
        leaves = [c for c in clauses if c.id in self.index.leaf_clauses and c.body_cover >= top - 0.3]
        if not asked or not leaves:
            return _best_clauses(clauses)
        rated = sorted(
            ((0.5 * c.body_cover + 0.5 * self.index.phrase_cover(asked, c.id), c) for c in leaves),
            key=lambda x: (-x[0], x[1].id),
        )
        level = [c for r, c in rated if r >= rated[0][0] - 0.02]
        parents = {c.id.rsplit(".", 1)[0] for c in level}
        if len(level) > 1 and len(parents) == 1 and "." in level[0].id.split("dieu-", 1)[1]:
            parent = parents.pop()
            return [next((c for c in clauses if c.id == parent), level[0])]
        return level[:1]

    def _from_focus(self, q: Question, focus: Focus, docs: list[str], ranks: dict[str, int]) -> Plan:
        if focus.kind is None:
            return Plan("clarify", reason="no-context")
        fields = q.fields or [Field(f) for f in focus.fields]
        switched = [d for d in docs if d not in focus.documents] if docs else []
        if focus.kind in ("entry", "compare") and focus.entries:
            if not switched:
                keep = [e for e in focus.entries if not docs or self.index.entries[e].entry.document_id in docs]
                return Plan(
                    "entry",
                    documents=docs or list(focus.documents),
                    entries=[Scored(e, 1.0, 1.0, 1.0, 1.0) for e in keep or focus.entries],
                    fields=fields,
                    topic=list(focus.topic),
                )
            found = self.pick_entries(list(focus.topic), switched, ranks)
            if found:
                return Plan("entry", documents=switched, entries=found, fields=fields, topic=list(focus.topic))
            return Plan(
                "not_found",
                documents=switched,
                topic=list(focus.topic),
                reason="elsewhere",
                elsewhere=[Scored(e, 1.0, 1.0, 1.0, 1.0) for e in focus.entries],
            )
        if focus.kind in ("list", "count", "totals"):
            f = focus.filters
            if focus.topic:
                picked = self.index.score_entries(list(focus.topic), switched or docs or None)
                named = [s for s in picked if s.name_cover >= 0.99]
                return Plan(
                    focus.kind if focus.kind != "totals" else "count",
                    documents=switched or docs,
                    entries=named,
                    topic=list(focus.topic),
                )
            return Plan(
                focus.kind,
                documents=switched or docs or list(focus.documents),
                agency=f.get("agency"),
                sector=f.get("sector"),
                group=f.get("group"),
                sharing_mode=SharingMode(f["sharing_mode"]) if f.get("sharing_mode") else None,
            )
        if focus.kind == "meta" and (docs or q.meta):
            return Plan("meta", documents=switched or docs or list(focus.documents), meta=[Meta(m) for m in focus.meta])
        if focus.kind == "clause" and switched and focus.topic:
            return self._by_topic(
                Question(text=q.text, folded=q.folded, topic=list(focus.topic), words=list(focus.topic)),
                switched,
                ranks,
            )
        return Plan("clarify", reason="no-context")


# "Theo quyết định của …" frames the question; "theo Quyết định này" closes many points: neither tells them apart.
_FRAMING_PAIRS = frozenset({("theo", "quyet"), ("quyet", "dinh"), ("dinh", "cua"), ("dinh", "nay")})


def _best_clauses(clauses: list[Scored]) -> list[Scored]:
    """The most specific clause that holds about as much of the question as the best one.

    An article's text holds its clauses and a clause its points, so the whole always matches at least as well
    as its parts; the deepest part within 0.15 of the best coverage is the precise answer. When several points
    of one clause match equally, their clause is.
    """

    def depth(cid: str) -> int:
        return cid.split("dieu-", 1)[1].count(".")

    top = clauses[0].body_cover
    near = [c for c in clauses if c.body_cover >= top - 0.15]
    deepest = max(depth(c.id) for c in near)
    level = sorted((c for c in near if depth(c.id) == deepest), key=lambda c: -c.score)
    ties = [c for c in level if c.score >= level[0].score - 0.02]
    parents = {c.id.rsplit(".", 1)[0] for c in ties}
    if len(ties) > 1 and deepest > 0 and len(parents) == 1:
        parent = parents.pop()
        return [next((c for c in clauses if c.id == parent), ties[0])]
    return ties[:1]
