"""Lists and counts: a question that asks for a set of databases, by filters (agency, sector, group, sharing mode,
status, notes) or by a topic whose parts are united (`assistant.sets`), and a set that comes to one database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.candidates import DocumentEvidence, folded
from assistant.cues import Field
from assistant.lexicon import STOP_SYLLABLES, fold
from assistant.matching import Scored, query_terms
from assistant.plan import Plan
from assistant.planning import ABOUT_CUE, ACT_NUMBER, PlannerBase, certain, sharing_mode_of
from assistant.question import Question
from assistant.routing_cues import BODY_MANAGES
from assistant.session import Focus
from assistant.sets import Evidence, planned_entries, topic_set
from corpus.records import CatalogueEntry


class SetPlanning(PlannerBase):
    """The planner's part for lists and counts."""

    def _set(self, q: Question, focus: Focus, docs: list[str], own_topic: bool) -> Plan:
        if q.refers_to_agency and (q.wants_list or q.wants_other) and focus.entries:
            agency = fold(self.index.entries[focus.entries[0]].entry.agency)
            exclude = list(focus.entries) if q.wants_other else []
            return Plan("list", documents=docs or focus.documents, agency=agency, exclude=exclude)
        kind = "count" if q.wants_count else "list"
        if q.agency is None and BODY_MANAGES.search(q.folded):
            return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")
        in_set = focus.kind in ("list", "count", "totals")
        if (q.within or in_set) and not docs and focus.documents:
            docs = list(focus.documents)  # "trong đó …", "kể tên …": inside what the conversation just counted
        targets = docs or self.all_documents
        noted = self._noted(q, targets) if Field.NOTES in q.fields else None
        if q.status and self._status(q, targets) is None:
            # A status these catalogues never state filters nothing: a yes/no question about it asks the notes.
            q.status = None
            q.fields = list(dict.fromkeys([*q.fields, Field.NOTES]))
        if noted:  # "những CSDL nào có ghi chú …": the notes column holds what is asked
            entries = [certain(e.id) for e in noted]
            return Plan(kind, documents=targets, entries=entries, topic=q.topic, by_notes=True, reason="noted")
        names_entry = any(self._name_matches(part, targets) for part in q.topic_parts)
        if kind == "list" and own_topic and not q.has_filter and not names_entry:  # a filter or a name: databases
            accepted = self._judge(q.text, targets, q.asked_topic)
            if accepted and all(ev.best is not None and ev.best.kind == "clause" for ev in accepted):
                return self._by_retrieval(q, docs, focus)  # a "which … must do what" list is a decision clause
        # Entry names are matched by the topic's words that names use (verbs of inclusion name no database);
        # retrieval reads every topic word, so a set described in the user's own words is still found.
        query_topic, query_parts = list(q.topic), [list(p) for p in q.topic_parts]
        q.topic = [w for w in q.topic if self._in_names(w)]
        q.topic_parts = [p for p in ([w for w in part if self._in_names(w)] for part in q.topic_parts) if p]
        own_topic = bool(q.topic) and not self.index.topic_is_generic(q.topic)
        if not q.has_filter and not own_topic and len(query_topic) >= 2:
            # Words no entry name uses can still describe a database ("gia đình thu nhập thấp"): retrieval decides.
            parts = query_parts or [query_topic]
            found = topic_set(self.index, [], parts, targets, self._set_evidence(q, parts), self.accepted)
            if found:
                plan = Plan(kind, documents=targets, entries=found, topic=query_topic)
                return self._single(q, plan) or plan
        if not q.has_filter and not own_topic:
            if in_set and focus.listed and (q.within or not q.documents):
                return Plan(kind, documents=list(focus.documents), entries=[certain(e) for e in focus.listed])
            if in_set and docs and focus.filters:
                return self._from_focus(q, focus, docs)
            if q.wants_compare or (kind == "count" and len(docs) != 1):
                return Plan("totals", documents=targets)
            return Plan(kind, documents=targets)
        if q.has_filter:
            inherited = focus.filters if in_set and not q.documents else {}
            plan = Plan(
                kind, documents=targets, agency=q.agency or inherited.get("agency"),
                sector=q.sector or inherited.get("sector"), group=q.group or inherited.get("group"),
                sharing_mode=q.sharing_mode or sharing_mode_of(inherited.get("sharing_mode")),
                status=self._status(q, targets),
            )  # fmt: skip
            plan.by_notes = plan.status is not None
            narrowed = self._narrowed(q, plan, targets) if q.agency and kind == "list" else None
            if narrowed is not None:  # "<sở> có những CSDL nào về <chủ đề>": the agency's databases on the topic
                return self._single(q, narrowed) or narrowed
            # "trong số ấy, những … nào", or "… nào" after a comparison: the filter inside the set just given
            compared = focus.kind == "compare" and not q.documents and len(focus.entries) > 1
            if (q.within and focus.listed) or compared:
                listed = set(focus.listed if q.within and focus.listed else focus.entries)
                plan.within = True
                everything = [e for d in targets for e in self.index.corpus.entries(document=d)]
                plan.exclude = [e.id for e in everything if e.id not in listed]
            if q.sector and q.sector_words and not any(self._has_sectors(d) for d in targets):
                # Hà Tĩnh and Hải Dương have no sector column: "lĩnh vực giáo dục" is read from the names.
                # The department of a sector carries its name ("ngành giáo dục" ↔ Sở Giáo dục và Đào tạo).
                named = [s for s in self.index.score_entries(q.sector_words, targets) if s.name_cover >= 0.99]
                department = fold(" ".join(q.sector_words))
                named += [certain(e.id) for d in targets for e in self.index.entries_of_agency(department, d)]
                if named:
                    kept = {s.id: s for s in named}
                    order = {e.id: i for i, e in enumerate(self.index.corpus.entries())}
                    named = sorted(kept.values(), key=lambda s: order[s.id])
                    plan = Plan(kind, documents=targets, entries=named, topic=q.sector_words)
            return self._single(q, plan) or plan
        named = self._named_with_more(query_topic, targets, asks_column=bool(q.fields)) if kind == "list" else []
        if named:
            # The question names a database by (nearly) its whole name and asks a list that is one of its columns
            # (the systems it connects with, the data it holds).
            fields = self._fields(named[0].id, q.fields, q)
            return Plan("entry", documents=targets, entries=named, fields=fields, topic=query_topic,
                        focus_words=q.words)  # fmt: skip
        # A part with a word that no record holds names no database by its name ("giá vàng" is not "Giá").
        unknown = {w for w in query_topic if self._unknown(w)}
        parts = query_parts or [query_topic]
        by_name = [s for full in parts if not unknown & set(full) for s in self._name_matches(full, targets)]
        found = topic_set(self.index, by_name, parts, targets, self._set_evidence(q, parts), self.accepted)
        if found:
            plan = Plan(kind, documents=targets, entries=found, topic=q.topic)
            return self._single(q, plan) or plan
        if kind == "count":  # a number of databases is never a clause: no database has the topic
            return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")
        q.topic, q.topic_parts = query_topic, query_parts  # retrieval judges the question as asked
        return self._by_retrieval(q, docs, focus)

    def _narrowed(self, q: Question, plan: Plan, targets: list[str]) -> Plan | None:
        """The filtered set's entries that the question's own topic retrieves, judged among that set only (None
        when the question has no topic beyond the filter, or the model accepts none of them)."""
        # What the set is about is said after "về" / "liên quan đến" ("… có những CSDL nào về <chủ đề>"); other words of
        # such a question describe the agency or frame the request ("chịu trách nhiệm quản lý những …").
        # … said after the agency: "liên quan đến đầu tư, Sở KH&ĐT giữ những CSDL nào" describes the agency.
        named_at = q.folded.find(q.agency or "\x00")
        about = ABOUT_CUE.search(q.folded, named_at + len(q.agency or "")) if named_at >= 0 else None
        after = set(q.folded[about.end() :].split()) if about else set()
        asked = [w for w in q.asked_topic if folded(w) in after and not self.index.is_generic(w)]
        if not asked or self.index.topic_is_generic(asked):
            return None
        only = {e.id for d in targets for e in planned_entries(self.index, plan, d)}
        picked = [
            certain(c.id) for d in targets for c in self.accepted(self.evidence(q.text, d, q.asked_topic, only=only))
            if c.kind == "entry"
        ]  # fmt: skip
        if not picked:
            return None
        return replace(plan, entries=picked, topic=asked)

    def _set_evidence(self, q: Question, parts: list[list[str]]) -> Evidence:
        """Evidence for a set's topic parts: a topic in one part is judged on the question as asked (as the
        calibration was fitted), the parts of a union each on its own words."""

        def evidence(query: str, document: str, topic: Sequence[str]) -> DocumentEvidence:
            if len(parts) == 1:
                return self.evidence(q.text, document, q.asked_topic)
            return self.evidence(query, document, list(topic))

        return evidence

    def _named_with_more(self, topic: list[str], documents: list[str], *, asks_column: bool = False) -> list[Scored]:
        """The entries (at most one per document) whose name the topic holds nearly whole, when the topic also has
        words of its own beyond that name or the question asks one of its columns ("CSDL X chia sẻ với những hệ
        thống nào"); [] otherwise."""
        pairs = query_terms(topic)[1]
        named = [
            s for s in self.index.score_entries(topic, documents)
            if s.name_precision >= 0.8 and self.index.says_a_name_pair(s.id, pairs)
        ]  # fmt: skip
        if not named or len({self.index.entries[s.id].entry.document_id for s in named}) != len(named):
            return []
        keys = query_terms(topic)[0]
        names = set().union(*(self.index.entries[s.id].name_terms for s in named))
        more = [k for k in keys if k not in names and not self.index.is_generic(k.lstrip("~"))]
        chosen = {s.id for s in named}
        if more and any(set(more) <= p.name_terms for i, p in self.index.entries.items() if i not in chosen):
            return []  # "quan trắc môi trường" holds «CSDL môi trường» whole, but its other words name other databases
        return named if more or asks_column else []

    def _noted(self, q: Question, documents: list[str]) -> list[CatalogueEntry]:
        """Entries whose notes hold every topic word and every act number the question cites ("2913/QĐ-BNNMT");
        with neither, the entries that have notes at all — only when the question names the notes column ("ghi
        chú") or cites an act: a status asked of a topic ("… về X, đã vận hành chưa?") selects nothing here."""
        acts = [fold(a) for a in ACT_NUMBER.findall(q.text)]
        if not acts and "ghi chu" not in q.folded:
            return []
        # What the notes must say follows "ghi chú" ("có ghi chú thời gian thực hiện"); an act's number says it all.
        said = q.folded.split("ghi chu", 1)[1] if "ghi chu" in q.folded else ""
        keys = [] if acts else [w for w in said.split() if w not in STOP_SYLLABLES and not w.isdigit()]
        out = []
        for d in documents:
            for e in self.index.corpus.entries(document=d):
                notes = f" {fold(e.notes or '')} "
                if e.notes and all(f" {k} " in notes for k in keys) and all(a in notes for a in acts):
                    out.append(e)
        return out

    def _status(self, q: Question, documents: list[str]) -> str | None:
        """The status a set is filtered by, when some target catalogue's notes state it at all ("Văn phòng UBND
        đang vận hành những hệ thống nào" asks what it runs, of a catalogue with no status column)."""
        if q.status is None:
            return None
        stated = any(q.status in fold(e.notes or "") for d in documents for e in self.index.corpus.entries(document=d))
        return q.status if stated else None

    def _name_matches(self, part: list[str], documents: list[str]) -> list[Scored]:
        """Entries whose name holds every word of the part that entry names use.

        The words no name uses must be the lesser part of the part's weight, or the entry's name must be (nearly)
        all asked: "quản lý vốn vay công" selects no name with "quản lý … công" ("vốn vay" is what it asks), while
        "riêng cho mảng du lịch" selects «CSDL về du lịch». A part of common words alone selects nothing.
        """
        kept = [w for w in part if self._in_names(w)]
        if not kept or self.index.topic_is_generic(kept):
            return []
        keys, dropped = query_terms(part)[0], set(query_terms([w for w in part if w not in kept])[0])
        total = sum(self.index.weight(k) for k in keys)
        lost = sum(self.index.weight(k) for k in keys if k in dropped)
        scored = self.index.score_entries(kept, documents)
        pairs = query_terms(kept)[1]
        whole = [  # the name, (nearly) all said, and as a phrase
            s for s in scored
            if s.name_precision >= 0.8 and s.name_cover >= 0.5 and self.index.says_a_name_pair(s.id, pairs)
        ]  # fmt: skip
        if lost > total / 2:
            return whole
        return [s for s in scored if s.name_cover >= 0.99 or s in whole]

    def _single(self, q: Question, plan: Plan) -> Plan | None:
        """A list that comes to one database is a question about it: its asked (or evidenced) columns."""
        if plan.kind != "list":
            return None
        selected = [e for d in plan.documents for e in planned_entries(self.index, plan, d)]
        if len(selected) != 1:
            return None
        entry = selected[0]
        fields = self._fields(entry.id, q.fields, q)
        return Plan("entry", documents=[entry.document_id], entries=[certain(entry.id)], fields=fields,
                    topic=q.topic, focus_words=q.words)  # fmt: skip

    def _has_sectors(self, document: str) -> bool:
        """True when the document's catalogue fills the sector ('LĨNH VỰC …') of its entries."""
        return any(e.sector for e in self.index.corpus.entries(document=document))
