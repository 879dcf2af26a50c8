"""From an understood question and the conversation's focus to a plan: what to answer, from which records.

Order of decisions (DESIGN-assistant): deterministic refusals (a province or a decision we do not hold), then
what the conversation refers to, then the question's kind — facts of the decision, a position in the last list,
a set (list, count), a follow-up through the focus — and otherwise retrieval: every candidate document's best
record (entry or clause) is judged on its own evidence by the calibrated model (`assistant.abstain`).
"""

from __future__ import annotations

from assistant.clauses import addressed_clause, pick_clause
from assistant.cues import Field, Meta
from assistant.duty_planning import DutyPlanning
from assistant.focus_planning import FocusPlanning
from assistant.lexicon import fold, has_diacritics
from assistant.matching import Scored
from assistant.near_miss_planning import NearMissPlanning
from assistant.plan import Plan
from assistant.planning import certain
from assistant.question import Question
from assistant.routing_cues import (
    ASKS_EXISTENCE,
    DATABASE_SET,
    DUTY_CUE,
    TASKED_CUE,
    UNSTATED_AMOUNT,
    on_decision_text,
)
from assistant.session import Focus
from assistant.set_planning import SetPlanning


class Planner(SetPlanning, FocusPlanning, DutyPlanning, NearMissPlanning):
    """Resolves questions against the corpus, the retriever's evidence and the session focus."""

    def plan(self, q: Question, focus: Focus, *, document: str | None = None) -> Plan:
        """The plan for one question in its conversation."""
        docs = [document] if document else list(q.documents)
        continuing = q.refers_back or q.follow_up
        if not docs and (q.refers_to_place or q.refers_to_decision):
            docs = list(focus.documents)  # "bên đó", "quyết định đó": where the conversation is
        elif not docs and focus.kind in ("clause", "meta") and not q.foreign_provinces:
            if continuing or (len(focus.documents) == 1 and on_decision_text(q)):
                # "cơ quan đó", "còn <a body> thì …", or a further question on the text (who implements it, a
                # body's duty) in a conversation about one decision's text: that decision
                docs = list(focus.documents)
        elif not docs and q.follow_up and len(focus.documents) == 1 and not q.foreign_provinces:
            docs = list(focus.documents)  # "còn <CSDL khác> thì …" in a conversation about one province: there
        if q.foreign_provinces and not docs:
            return Plan("not_found", reason="province", topic=q.foreign_provinces)
        if document and q.documents and document not in q.documents:
            return Plan("not_found", documents=[document], reason="document")
        if self.unknown_decision(q, docs):
            return Plan("not_found", documents=docs, reason="decision")
        if UNSTATED_AMOUNT.search(q.folded):
            return Plan("not_found", documents=docs, reason="unstated")  # money, fees, frequencies: no column
        if focus.kind == "clause" and continuing and docs and not set(docs) & set(focus.documents):
            moved = self._counterpart_tasks(q, focus, docs)
            if moved is not None:  # another province, "cơ quan này / cơ quan tương ứng ở đó thì sao?"
                return moved
        own_topic = bool(q.topic) and not self.index.topic_is_generic(q.topic)
        marker = q.refers_back or q.refers_to_place or q.follow_up or q.ordinal is not None
        # Inside a conversation a turn that asks a column or a fact of the decision, or that has no topic of its
        # own (a bare request to list or name), continues it: there is nothing in it for the scope model to judge.
        continues = marker or q.within or (focus.kind is not None and (bool(q.fields or q.meta) or not own_topic))
        if self.scope is not None and not continues and self.scope.outside(q.text) and not self._only_a_name(q, docs):
            return Plan("not_found", documents=docs, reason="outside")  # a public service, not a database
        listed_by_notes = (q.wants_list or q.wants_count) and Field.NOTES in q.fields
        if q.meta and not listed_by_notes:
            return self._meta(q, focus, docs, own_topic)
        if q.ordinal is not None and focus.listed:
            return self._ordinal(q, focus)
        asks_set = q.wants_list or q.wants_count or q.wants_other
        if q.refers_to_agency and not q.names_database and not asks_set and TASKED_CUE.search(q.folded):
            tasked = self._focus_agency_tasks(q, focus, docs)
            if tasked is not None:  # "cơ quan ấy có nhiệm vụ gì?" after a database: its agency's clause
                return tasked
        about_agency = q.refers_to_agency and (q.wants_list or q.wants_count or q.wants_other)
        if q.refers_back and focus.entries and not docs and not q.names_database and not about_agency:
            return self._from_focus(q, focus, docs)  # "nó", "bên đó": the database the conversation is about
        # "cơ quan đó còn … CSDL nào khác": the body's other databases, without a list cue (not its other duties)
        named_set = bool(DATABASE_SET.search(q.folded)) and not TASKED_CUE.search(q.folded)
        other_databases = about_agency and q.wants_other and named_set
        if q.wants_count or q.wants_list or other_databases or (q.wants_compare and not own_topic) or listed_by_notes:
            typed = has_diacritics(q.text)
            q.topic = [w for w in q.topic if not self._in_title(w, typed)]
            q.topic_parts = [[w for w in p if not self._in_title(w, typed)] for p in q.topic_parts]
            q.topic_parts = [p for p in q.topic_parts if p]
            own_topic = bool(q.topic) and not self.index.topic_is_generic(q.topic)
            planned = self._set(q, focus, docs, own_topic)
            if planned.kind in ("list", "count") and Field.NOTES in q.fields:
                planned.by_notes = True  # "… đã vận hành chưa?": each listed database with what its notes say
            return planned
        if focus.kind is not None and focus.listed and own_topic and not docs:
            picked = self._inside_list(q, focus)
            if picked is not None:
                return picked
        if not own_topic and not q.agency:
            grouped = all(e.group for d in docs for e in self.index.corpus.entries(document=d))
            asks_groups = q.fields == [Field.SECTOR] and "nhom" in q.folded.split()
            if asks_groups and docs and grouped and not marker and focus.kind is None:
                return Plan("totals", documents=docs)  # which groups the catalogue has: their titles and counts
            if marker or focus.kind is not None or q.fields:
                return self._from_focus(q, focus, docs)
            return Plan("overview", documents=docs) if docs else Plan("not_found", reason="unrelated")
        if not own_topic and q.agency:
            if focus.kind == "clause" and continuing:  # "vậy <cơ quan> thì sao?" after a clause: its own tasks
                addressed = self._addressed(q, docs or list(focus.documents), require_clause=False)
                if addressed is not None:
                    return addressed
            return self._agency(q, docs)
        related = self._related_column(q, focus) if not docs else None
        if related is not None:  # "có liên kết CSDL dân cư không": what the focus's columns say of that database
            return self._from_focus(q, focus, docs, fields=[*q.fields, related])
        if focus.kind == "clause" and q.refers_to_agency and not q.names_database and set(docs) <= set(focus.documents):
            # "cơ quan đó phải …" after a clause: the body that clause tasks, asked of the decision's text
            return self._from_focus(q, focus, docs)
        about_focus = focus.kind in ("entry", "compare") and bool(focus.entries) and bool(q.fields)
        if about_focus and not self._names_any(q) and not any(self._unknown(w) for w in q.topic):
            # A column asked in words that name no database and that the catalogues hold: the focus's column (a
            # word no record holds may name a database we do not list, and goes to retrieval).
            return self._from_focus(q, focus, docs)
        plan = self._by_retrieval(q, docs, focus)
        if plan.kind == "not_found" and focus.kind is not None and plan.reason == "no-match" and not q.has_filter:
            named = self._name_matches(q.topic, docs or self.all_documents) if q.follow_up else []
            if len(named) == 1:  # "còn <tên CSDL> thì …": the one database whose name the turn says
                entry = named[0].id
                return Plan("entry", documents=docs, entries=[certain(entry)], fields=self._fields(entry, q.fields, q),
                            topic=q.topic, focus_words=q.words)  # fmt: skip
            if not any(self._unknown(w) for w in q.topic):
                return self._from_focus(q, focus, docs)  # every word is the catalogues' own: about the focus
        return plan

    def _only_a_name(self, q: Question, docs: list[str]) -> bool:
        """Whether every word of the turn's topic stands in one entry's name ("GPLX Hải Dương", "giấy phép lái xe
        hd"): a look-up of a database by its name, which the scope model must not read as a service question."""
        if not q.topic or self.index.topic_is_generic(q.topic):
            return False
        return any(s.name_cover >= 0.99 for s in self.index.score_entries(q.topic, docs or self.all_documents))

    def unknown_decision(self, q: Question, docs: list[str]) -> bool:
        """A decision number, or a decision's year, that is not one of the documents held (named ones first)."""
        if any(n not in self._numbers for n in q.decision_numbers):
            return True
        years = {self._years[d] for d in (docs or self.all_documents) if d in self._years}
        return bool(q.decision_years) and not set(q.decision_years) & years

    def _meta(self, q: Question, focus: Focus, docs: list[str], own_topic: bool) -> Plan:
        # A time or a legal basis asked of a database (not of the decision) is in its notes column: status, time,
        # legal basis.
        of_database = set(q.meta) <= {Meta.LEGAL_BASES, Meta.DATE, Meta.EFFECTIVE}
        if of_database and own_topic:
            plan = self._by_retrieval(q, docs, focus)
            if plan.kind in ("entry", "compare"):
                plan.fields = list(dict.fromkeys([*q.fields, Field.NOTES]))
                return plan
        about_focus = not own_topic and focus.kind in ("entry", "compare") and not docs
        if of_database and about_focus and (Meta.LEGAL_BASES in q.meta or not q.names_decision):
            return self._from_focus(q, focus, docs, fields=[Field.NOTES])
        meta = [m for m in q.meta if m not in (Meta.DATE, Meta.NUMBER)] if Meta.REPLACES in q.meta else q.meta
        switched = [d for d in docs if d not in focus.documents]
        return Plan("meta", documents=docs or switched or list(focus.documents) or self.all_documents, meta=meta)

    def _agency(self, q: Question, docs: list[str]) -> Plan:
        """An agency's databases are the subject: "CSDL của BHXH tỉnh Hải Dương chia sẻ thế nào?"."""
        assert q.agency is not None
        found = [e for d in (docs or self.all_documents) for e in self.index.entries_of_agency(q.agency, d)]
        if found and len(found) <= 3 and q.fields:
            return Plan("entry", documents=docs, entries=[certain(e.id) for e in found], fields=q.fields)
        return Plan("list", documents=docs or self.all_documents, agency=q.agency)

    def _by_retrieval(self, q: Question, docs: list[str], focus: Focus) -> Plan:
        targets = docs or self.all_documents
        if q.agency and not q.names_database and docs:
            addressed = self._addressed(q, docs, require_clause=bool(q.fields))
            if addressed is not None:
                return addressed
        # Judged on the question and topic as read, as the calibration was fitted (a set's filtering of the topic
        # must not change what the model sees).
        accepted = self._judge(q.text, targets, q.asked_topic)
        entry_found = any(ev.best is not None and ev.best.kind == "entry" for ev in accepted)
        if docs and q.names_database and not entry_found:
            # A database named that the named province does not list: say where it is, never answer a clause.
            others = [d for d in self.all_documents if d not in docs]
            elsewhere = [ev for ev in self._judge(q.text, others, q.asked_topic) if ev.best and ev.best.kind == "entry"]
            if elsewhere:
                scored = [Scored(ev.best.id, ev.best.fused, 0, 0, 0) for ev in elsewhere if ev.best]
                # Before saying the named province lacks it: its counterpart of what the others list, named so.
                found = self._counterparts(q, [s.id for s in scored], docs)
                own = [s for s in found if self._shares_name(s.id, scored)]
                if not own:
                    return Plan("not_found", documents=docs, elsewhere=scored, topic=q.topic, reason="elsewhere")
                fields = list(dict.fromkeys(f for s in own for f in self._fields(s.id, q.fields, q)))
                return Plan("entry", documents=docs, entries=own, fields=fields, topic=q.topic, focus_words=q.words)
        if docs and q.names_database and entry_found:
            found_ids = [ev.best.id for ev in accepted if ev.best and ev.best.kind == "entry"]
            named = self._named_elsewhere(q, docs, found_ids)
            if named:  # the question says another catalogue's database in full; the named one only a neighbour
                return Plan("not_found", documents=docs, elsewhere=named, topic=q.topic, reason="elsewhere")
        if not accepted and docs and not q.names_database and DUTY_CUE.search(q.folded):
            duties = self._duties(q, docs)
            if duties is not None:
                return duties
        if not accepted:
            return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")
        clauses = [ev for ev in accepted if ev.best is not None and ev.best.kind == "clause"]
        entries = [ev for ev in accepted if ev.best is not None and ev.best.kind == "entry"]
        if clauses and not entries and ASKS_EXISTENCE.search(q.folded) and not q.agency:
            # Whether a catalogue lists a database, when none does: the decision's text does not answer for it.
            return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")
        if clauses and (not entries or not (q.fields or q.names_database)):
            picked = [s for ev in clauses if ev.best for s in pick_clause(self.index, q, ev.best.id)]
            return Plan("clause", documents=docs, clauses=picked, topic=q.topic)
        scored = [Scored(ev.best.id, ev.best.fused, ev.features["name_cover"], 0, 0) for ev in entries if ev.best]
        if len(docs) > 1 and scored:  # two provinces named: each one's counterpart of what the other answered
            scored += self._counterparts(q, [s.id for s in scored], [d for d in docs if d not in
                                         {self.index.entries[s.id].entry.document_id for s in scored}])  # fmt: skip
        if q.wants_compare and len(q.topic_parts) > 1 and len(scored) < len(q.topic_parts):
            scored += self._compared_parts(q, targets, {s.id for s in scored})
        cue = q.fields or ([Field(f) for f in focus.fields] if q.follow_up else [])
        # Catalogues file one fact in different columns (a ministry's database is a source in one, a sharing
        # partner in another): with several entries, the union of each one's evidenced columns is shown for all.
        fields = list(dict.fromkeys(f for s in scored for f in self._fields(s.id, cue, q)))
        present = {self.index.entries[s.id].entry.document_id for s in scored}
        kind = "compare" if q.wants_compare else "entry"
        missing = [d for d in targets if d not in present] if q.wants_compare and docs else []
        return Plan(kind, documents=targets, entries=scored, fields=fields, topic=q.topic, missing=missing,
                    focus_words=q.words)  # fmt: skip

    def _counterparts(self, q: Question, found: list[str], missing: list[str]) -> list[Scored]:
        """A comparison's databases in the named provinces whose own evidence fell short: each searched as the
        counterpart of what the other provinces answered (their names with the question), as a province switch is."""
        if not missing:
            return []
        names = " ".join(self.index.entries[e].entry.name for e in found)
        accepted = self._judge(f"{names} {q.text}", missing, q.asked_topic)
        return [Scored(ev.best.id, ev.best.fused, ev.features["name_cover"], 0, 0)
                for ev in accepted if ev.best is not None and ev.best.kind == "entry"]  # fmt: skip

    def _compared_parts(self, q: Question, targets: list[str], found: set[str]) -> list[Scored]:
        """Two databases compared by name ("CSDL quan trắc định kỳ và hệ thống quan trắc tự động khác nhau …"):
        each part of the topic judged on its own words; the entries accepted that are not yet in the answer."""
        out: list[Scored] = []
        for part in q.topic_parts:
            for ev in self._judge(" ".join(part), targets, part):
                best = ev.best
                if best is not None and best.kind == "entry" and best.id not in found:
                    found.add(best.id)
                    out.append(Scored(best.id, best.fused, ev.features["name_cover"], 0, 0))
        return out

    def _addressed(self, q: Question, docs: list[str], *, require_clause: bool = True) -> Plan | None:
        """An agency named with no database: when the rest of the question retrieves a clause first, the clause
        tasking that agency (the agency's name alone would pull the entries it manages)."""
        agency_words = set((q.agency or "").split())
        rest = " ".join(w for w in q.words if fold(w) not in agency_words)
        raw = self.generator.raw(rest or q.text)
        picked: list[Scored] = []
        for doc in docs:
            ev = self.generator.for_document(raw, doc, q.topic)  # its fused first: the kind asked about
            # A question that asks no column of a database (what is the agency tasked with) is about the agency's
            # tasks; one that asks a column is about a clause only when the rest of it retrieves a clause first.
            if not require_clause or (ev.best is not None and ev.best.kind == "clause"):
                assert q.agency is not None
                named = addressed_clause(self.index, q.agency, doc)
                if named is not None:
                    picked.extend(pick_clause(self.index, q, named))
        return Plan("clause", documents=docs, clauses=picked, topic=q.topic) if picked else None
