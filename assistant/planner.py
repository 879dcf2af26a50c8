"""From an understood question and the conversation's focus to a plan: what to answer, from which records.

Order of decisions (DESIGN-assistant): deterministic refusals (a province or a decision we do not hold), then
what the conversation refers to, then the question's kind — facts of the decision, a position in the last list,
a set (list, count), a follow-up through the focus — and otherwise retrieval: every candidate document's best
record (entry or clause) is judged on its own evidence by the calibrated model (`assistant.abstain`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.abstain import Calibration
from assistant.candidates import Candidate, CandidateGenerator, DocumentEvidence, folded
from assistant.clauses import addressed_clause, pick_clause
from assistant.field_prior import FieldPrior
from assistant.fields import asked_field, best_evidenced, fields_for
from assistant.lexicon import STOP_SYLLABLES, fold, has_diacritics, syllables
from assistant.matching import CatalogueIndex, Scored, content_words, query_terms
from assistant.plan import Plan
from assistant.question import Field, Meta, Question
from assistant.scope import ScopeModel
from assistant.session import Focus
from assistant.sets import Evidence, name_vocabulary, planned_entries, topic_set
from corpus.records import CatalogueEntry, SharingMode
from index.analyze import gloss_expansions, synonym_expansions

# An act cited by its number ("2913/QĐ-BNNMT", "45/2025/NĐ-CP").
_ACT = re.compile(r"\d+(?:/\d{4})?/[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ]+)*")
# A follow-up that names no column ("còn ở Hải Dương thì sao?") keeps the conversation's columns unless the learned
# prior is more sure than not that its words ask another one.
FOLLOW_UP_PRIOR = 0.5


def _mode(value: str | None) -> SharingMode | None:
    return SharingMode(value) if value else None


def _sure(record_id: str) -> Scored:
    return Scored(record_id, 1.0, 1.0, 1.0, 1.0)


class Planner:
    """Resolves questions against the corpus, the retriever's evidence and the session focus."""

    def __init__(
        self,
        index: CatalogueIndex,
        generator: CandidateGenerator,
        calibration: Calibration | None,
        field_prior: FieldPrior | None = None,
        scope: ScopeModel | None = None,
    ) -> None:
        self.index = index
        self.field_prior = field_prior
        self.scope = scope
        self.generator = generator
        self.calibration = calibration
        self.all_documents = [d.id for d in index.corpus.documents()]
        self._numbers = {d.number.split("/")[0].strip() for d in index.corpus.documents() if d.number}
        self._years = {d.id: int(d.date[:4]) for d in index.corpus.documents() if d.date}
        # Words every decision uses to name itself ("ban hành danh mục … dùng chung"): no topic of a set.
        titles = [set(fold(d.title or "").split()) for d in index.corpus.documents()]
        self._title_words = frozenset(set.intersection(*titles)) if titles else frozenset()
        accented = [{a for a, _ in syllables(d.title or "")} for d in index.corpus.documents()]
        self._title_accented = frozenset(set.intersection(*accented)) if accented else frozenset()
        self._name_words = name_vocabulary(index)

    def _fields(self, entry_id: str, cue: list[Field], q: Question) -> list[Field]:
        """The columns of the entry that answer the question (cue, learned prior, evidence)."""
        return fields_for(self.index, entry_id, cue, q.words, q.text, self.field_prior)

    # ---- evidence ------------------------------------------------------------------------------------------
    def evidence(self, query: str, document: str, topic: list[str], only: set[str] | None = None) -> DocumentEvidence:
        """One document's evidence for a query (raw scores are computed per call: the corpus is small)."""
        return self.generator.for_document(self.generator.raw(query), document, topic, only=only)

    def choose(self, ev: DocumentEvidence) -> DocumentEvidence | None:
        """The evidence with its most probable judged candidate chosen, or None when even that one is refused."""
        if not ev.judged or self.calibration is None:
            return None
        probabilities = [self.calibration.probability(ev.row(i)) for i in range(len(ev.judged))]
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        return replace(ev, chosen=best) if probabilities[best] >= self.calibration.threshold else None

    def accepted(self, ev: DocumentEvidence) -> list[Candidate]:
        """Every judged candidate of the document that the calibrated model accepts, most probable first."""
        if not ev.judged or self.calibration is None:
            return []
        probabilities = [self.calibration.probability(ev.row(i)) for i in range(len(ev.judged))]
        order = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
        return [ev.judged[i] for i in order if probabilities[i] >= self.calibration.threshold]

    def _judge(self, query: str, documents: list[str], topic: list[str]) -> list[DocumentEvidence]:
        raw = self.generator.raw(query)
        found = [self.choose(self.generator.for_document(raw, d, topic)) for d in documents]
        return [ev for ev in found if ev is not None]

    # ---- the plan ------------------------------------------------------------------------------------------
    def plan(self, q: Question, focus: Focus, *, document: str | None = None) -> Plan:
        """The plan for one question in its conversation."""
        docs = [document] if document else list(q.documents)
        if not docs and (q.refers_to_place or q.refers_to_decision):
            docs = list(focus.documents)  # "bên đó", "quyết định đó": where the conversation is
        elif not docs and q.refers_back and focus.kind in ("clause", "meta") and not q.foreign_provinces:
            docs = list(focus.documents)  # "cơ quan đó" in a conversation about one decision's text
        if q.foreign_provinces and not docs:
            return Plan("not_found", reason="province", topic=q.foreign_provinces)
        if document and q.documents and document not in q.documents:
            return Plan("not_found", documents=[document], reason="document")
        if self.unknown_decision(q, docs):
            return Plan("not_found", documents=docs, reason="decision")
        own_topic = bool(q.topic) and not self.index.topic_is_generic(q.topic)
        marker = q.refers_back or q.refers_to_place or q.follow_up or q.ordinal is not None
        # Inside a conversation a turn that asks a column or a fact of the decision, or that has no topic of its
        # own (a bare request to list or name), continues it: there is nothing in it for the scope model to judge.
        continues = marker or q.within or (focus.kind is not None and (bool(q.fields or q.meta) or not own_topic))
        if self.scope is not None and not continues and self.scope.outside(q.text):
            return Plan("not_found", documents=docs, reason="outside")  # a public service, not a database
        listed_by_notes = (q.wants_list or q.wants_count) and Field.NOTES in q.fields
        if q.meta and not listed_by_notes:
            return self._meta(q, focus, docs, own_topic)
        if q.ordinal is not None and focus.listed:
            return self._ordinal(q, focus)
        about_agency = q.refers_to_agency and (q.wants_list or q.wants_count or q.wants_other)
        if q.refers_back and focus.entries and not docs and not q.names_database and not about_agency:
            return self._from_focus(q, focus, docs)  # "nó", "bên đó": the database the conversation is about
        if q.wants_count or q.wants_list or (q.wants_compare and not own_topic) or listed_by_notes:
            typed = has_diacritics(q.text)
            q.topic = [w for w in q.topic if not self._in_title(w, typed)]
            q.topic_parts = [[w for w in p if not self._in_title(w, typed)] for p in q.topic_parts]
            q.topic_parts = [p for p in q.topic_parts if p]
            own_topic = bool(q.topic) and not self.index.topic_is_generic(q.topic)
            return self._set(q, focus, docs, own_topic)
        if focus.kind is not None and focus.listed and own_topic and not docs:
            picked = self._inside_list(q, focus)
            if picked is not None:
                return picked
        if not own_topic and not q.agency:
            if marker or focus.kind is not None or q.fields:
                return self._from_focus(q, focus, docs)
            return Plan("overview", documents=docs) if docs else Plan("not_found", reason="unrelated")
        if not own_topic and q.agency:
            return self._agency(q, docs)
        about_focus = focus.kind in ("entry", "compare") and bool(focus.entries) and bool(q.fields)
        if about_focus and not self._names_any(q) and not any(self._unknown(w) for w in q.topic):
            # A column asked in words that name no database and that the catalogues hold: the focus's column (a
            # word no record holds may name a database we do not list, and goes to retrieval).
            return self._from_focus(q, focus, docs)
        plan = self._by_retrieval(q, docs, focus)
        if plan.kind == "not_found" and focus.kind is not None and plan.reason == "no-match" and not q.has_filter:
            if not any(self._unknown(w) for w in q.topic):
                return self._from_focus(q, focus, docs)  # every word is the catalogues' own: about the focus
        return plan

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

    def _ordinal(self, q: Question, focus: Focus) -> Plan:
        listed = focus.listed
        n = q.ordinal or 0
        if n == 0 or len(listed) < 2 or not -len(listed) <= (n - 1 if n > 0 else n) < len(listed):
            return Plan("clarify", reason="ordinal")
        entry_id = listed[n - 1] if n > 0 else listed[n]
        fields = (
            self._fields(entry_id, q.fields, q) if q.fields or q.words else list(focus.fields)
        )
        doc = self.index.entries[entry_id].entry.document_id
        return Plan("entry", documents=[doc], entries=[_sure(entry_id)], fields=fields, focus_words=q.words)

    def _inside_list(self, q: Question, focus: Focus) -> Plan | None:
        """A turn that picks one of the entries just listed by naming it ("cái về viễn thông …")."""
        only = set(focus.listed)
        for doc in dict.fromkeys(self.index.entries[e].entry.document_id for e in focus.listed):
            ev = self.evidence(" ".join(q.topic), doc, q.topic, only=only)
            chosen = self.choose(ev)
            top = chosen.best if chosen is not None else ev.top_entry if ev.features["name_cover"] > 0 else None
            if top is not None and top.kind == "entry":
                fields = self._fields(top.id, q.fields, q)
                return Plan("entry", documents=[doc], entries=[_sure(top.id)], fields=fields, focus_words=q.words)
        return None

    def _agency(self, q: Question, docs: list[str]) -> Plan:
        """An agency's databases are the subject: "CSDL của BHXH tỉnh Hải Dương chia sẻ thế nào?"."""
        assert q.agency is not None
        found = [e for d in (docs or self.all_documents) for e in self.index.entries_of_agency(q.agency, d)]
        if found and len(found) <= 3 and q.fields:
            return Plan("entry", documents=docs, entries=[_sure(e.id) for e in found], fields=q.fields)
        return Plan("list", documents=docs or self.all_documents, agency=q.agency)

    def _set(self, q: Question, focus: Focus, docs: list[str], own_topic: bool) -> Plan:
        if q.refers_to_agency and (q.wants_list or q.wants_other) and focus.entries:
            agency = fold(self.index.entries[focus.entries[0]].entry.agency)
            exclude = list(focus.entries) if q.wants_other else []
            return Plan("list", documents=docs or focus.documents, agency=agency, exclude=exclude)
        kind = "count" if q.wants_count else "list"
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
            return Plan(kind, documents=targets, entries=[_sure(e.id) for e in noted], topic=q.topic)
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
                return Plan(kind, documents=list(focus.documents), entries=[_sure(e) for e in focus.listed])
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
                sharing_mode=q.sharing_mode or _mode(inherited.get("sharing_mode")), status=self._status(q, targets),
            )  # fmt: skip
            if q.sector and q.sector_words and not any(self._has_sectors(d) for d in targets):
                # Hà Tĩnh and Hải Dương have no sector column: "lĩnh vực giáo dục" is read from the names.
                # The department of a sector carries its name ("ngành giáo dục" ↔ Sở Giáo dục và Đào tạo).
                named = [s for s in self.index.score_entries(q.sector_words, targets) if s.name_cover >= 0.99]
                department = fold(" ".join(q.sector_words))
                named += [_sure(e.id) for d in targets for e in self.index.entries_of_agency(department, d)]
                if named:
                    kept = {s.id: s for s in named}
                    order = {e.id: i for i, e in enumerate(self.index.corpus.entries())}
                    named = sorted(kept.values(), key=lambda s: order[s.id])
                    plan = Plan(kind, documents=targets, entries=named, topic=q.sector_words)
            return self._single(q, plan) or plan
        named = self._named_with_more(query_topic, targets) if kind == "list" else []
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

    def _set_evidence(self, q: Question, parts: list[list[str]]) -> Evidence:
        """Evidence for a set's topic parts: a topic in one part is judged on the question as asked (as the
        calibration was fitted), the parts of a union each on its own words."""

        def evidence(query: str, document: str, topic: Sequence[str]) -> DocumentEvidence:
            if len(parts) == 1:
                return self.evidence(q.text, document, q.asked_topic)
            return self.evidence(query, document, list(topic))

        return evidence

    def _named_with_more(self, topic: list[str], documents: list[str]) -> list[Scored]:
        """The entries (at most one per document) whose name the topic holds nearly whole, when the topic also has
        words of its own beyond that name; [] otherwise."""
        named = [s for s in self.index.score_entries(topic, documents) if s.name_precision >= 0.8]
        if not named or len({self.index.entries[s.id].entry.document_id for s in named}) != len(named):
            return []
        keys = query_terms(topic)[0]
        names = set().union(*(self.index.entries[s.id].name_terms for s in named))
        more = [k for k in keys if k not in names and not self.index.is_generic(k.lstrip("~"))]
        return named if more else []

    def _noted(self, q: Question, documents: list[str]) -> list[CatalogueEntry]:
        """Entries whose notes hold every topic word and every act number the question cites ("2913/QĐ-BNNMT");
        with neither, the entries that have notes at all."""
        acts = [fold(a) for a in _ACT.findall(q.text)]
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

    def _names_any(self, q: Question) -> bool:
        """Whether the turn names a database of its own: "CSDL …", an agency, a word that entry names use (not a
        common one), or an everyday word the lexicon ties to an official term."""
        if q.names_database or q.agency:
            return True
        said = " ".join(q.topic)
        if synonym_expansions(said.lower()) or gloss_expansions(said):
            return True
        named = [w for w in q.topic if self._in_names(w) and not self.index.is_generic(w)]
        return bool(named) and not self.index.topic_is_generic(named)

    def _in_title(self, word: str, accented: bool) -> bool:
        """Whether every decision's title has the word (with its accents in a question typed with them: "dành",
        "du" are not "danh", "dữ")."""
        return word in self._title_accented if accented else fold(word) in self._title_words

    def _name_matches(self, part: list[str], documents: list[str]) -> list[Scored]:
        """Entries whose name holds every word of the part that entry names use.

        The words no name uses must be the lesser part of the part's weight, or the entry's name must be (nearly)
        all asked: "theo dõi nợ công" selects no name with "theo dõi … công" ("nợ" is what it asks), while
        "dành riêng cho ngành du lịch" selects «CSDL về du lịch». A part of common words alone selects nothing.
        """
        kept = [w for w in part if self._in_names(w)]
        if not kept or self.index.topic_is_generic(kept):
            return []
        keys, dropped = query_terms(part)[0], set(query_terms([w for w in part if w not in kept])[0])
        total = sum(self.index.weight(k) for k in keys)
        lost = sum(self.index.weight(k) for k in keys if k in dropped)
        scored = self.index.score_entries(kept, documents)
        whole = [s for s in scored if s.name_precision >= 0.8 and s.name_cover >= 0.5]  # the name, (nearly) all said
        if lost > total / 2:
            return whole
        return [s for s in scored if s.name_cover >= 0.99 or s in whole]

    def _unknown(self, word: str) -> bool:
        """True when no record holds the word, even with its accents dropped (a mistyped accent is no new word)."""
        key = query_terms([word])[0][0]
        return self.index.document_frequency(key) == 0 and self.index.document_frequency(f"~{folded(word)}") == 0

    def _in_names(self, word: str) -> bool:
        """Whether some entry's name has the word (judged with its accents when typed with them)."""
        return query_terms([word])[0][0] in self._name_words

    def _single(self, q: Question, plan: Plan) -> Plan | None:
        """A list that comes to one database is a question about it: its asked (or evidenced) columns."""
        if plan.kind != "list":
            return None
        selected = [e for d in plan.documents for e in planned_entries(self.index, plan, d)]
        if len(selected) != 1:
            return None
        entry = selected[0]
        fields = self._fields(entry.id, q.fields, q)
        return Plan("entry", documents=[entry.document_id], entries=[_sure(entry.id)], fields=fields,
                    topic=q.topic, focus_words=q.words)  # fmt: skip

    def _part_evidence(self, query: str, document: str, topic: list[str]) -> DocumentEvidence:
        return self.evidence(query, document, list(topic))

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
                return Plan("not_found", documents=docs, elsewhere=scored, topic=q.topic, reason="elsewhere")
        if not accepted:
            return Plan("not_found", documents=docs, topic=q.topic, reason="no-match")
        clauses = [ev for ev in accepted if ev.best is not None and ev.best.kind == "clause"]
        entries = [ev for ev in accepted if ev.best is not None and ev.best.kind == "entry"]
        if clauses and (not entries or not (q.fields or q.names_database)):
            picked = [s for ev in clauses if ev.best for s in pick_clause(self.index, q, ev.best.id)]
            return Plan("clause", documents=docs, clauses=picked, topic=q.topic)
        scored = [Scored(ev.best.id, ev.best.fused, ev.features["name_cover"], 0, 0) for ev in entries if ev.best]
        if q.wants_compare and docs and scored:
            scored += self._counterparts(q, [s.id for s in scored], [d for d in docs if d not in
                                         {self.index.entries[s.id].entry.document_id for s in scored}])  # fmt: skip
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

    def _from_focus(self, q: Question, focus: Focus, docs: list[str], fields: list[Field] | None = None) -> Plan:
        """A turn that names no database of its own: about the focus, moved to a newly named province."""
        if focus.kind is None:
            return Plan("clarify", reason="no-context")
        switched = [d for d in docs if d not in focus.documents]
        if focus.kind in ("entry", "compare") and focus.entries:
            cue = fields or q.fields
            if switched:
                names = " ".join(self.index.entries[e].entry.name for e in focus.entries)
                accepted = self._judge(f"{names} {q.text}", switched, list(focus.topic) or q.topic)
                found = [ev.best for ev in accepted if ev.best is not None and ev.best.kind == "entry"]
                if not found:
                    return Plan("not_found", documents=switched, topic=list(focus.topic), reason="elsewhere",
                                elsewhere=[_sure(e) for e in focus.entries])  # fmt: skip
                ids = [c.id for c in found]
            else:
                ids = [e for e in focus.entries if not docs or self.index.entries[e].entry.document_id in docs]
                ids = ids or list(focus.entries)
            best = best_evidenced(self.index, ids[0], q.words, q.text)
            asked = asked_field(self.index, ids[0], q.text, self.field_prior, floor=FOLLOW_UP_PRIOR)
            # "Còn ở X thì sao?" asks the same columns of X; other words of a turn may ask another column.
            guessed = [] if q.follow_up else list(dict.fromkeys(f for f in (asked, best) if f is not None))
            chosen = self._fields(ids[0], cue, q) if cue else guessed
            return Plan("entry", documents=switched or docs or list(focus.documents), entries=[_sure(i) for i in ids],
                        fields=chosen or [Field(f) for f in focus.fields], topic=list(focus.topic),
                        focus_words=q.words)  # fmt: skip
        if focus.kind in ("list", "count", "totals"):
            f = focus.filters
            if focus.topic and not f:
                where = switched or docs or list(focus.documents)
                by_name = self._name_matches(list(focus.topic), where)
                found = topic_set(self.index, by_name, [focus.topic], where, self._part_evidence, self.accepted)
                return Plan("count" if focus.kind == "count" else "list", documents=where, entries=found,
                            topic=list(focus.topic))  # fmt: skip
            return Plan(
                "count" if focus.kind == "count" and q.wants_count else "list",
                documents=switched or docs or list(focus.documents),
                agency=f.get("agency"), sector=f.get("sector"), group=f.get("group"),
                sharing_mode=SharingMode(f["sharing_mode"]) if f.get("sharing_mode") else None,
            )  # fmt: skip
        if focus.kind == "meta" and (docs or q.meta or q.topic):
            targets = switched or docs or list(focus.documents)
            if q.topic and not q.meta and not switched:
                # Words of its own in a conversation about the decision (who carries it out, who is tasked): the
                # clause of that decision they retrieve first; a named province repeats the same facts of it.
                raw = self.generator.raw(q.text)
                firsts = [self.generator.for_document(raw, d, q.topic).best for d in targets]
                clauses = [c for c in firsts if c is not None and c.kind == "clause"]
                if clauses and len(clauses) == len(targets):
                    picked = [s for c in clauses for s in pick_clause(self.index, q, c.id)]
                    return Plan("clause", documents=targets, clauses=picked, topic=q.topic)
                if not docs:  # its own words, which the decision's text does not answer: not the same facts again
                    return Plan("not_found", documents=targets, topic=q.topic, reason="no-match")
            return Plan("meta", documents=targets, meta=[Meta(m) for m in focus.meta])
        if focus.kind == "clause":
            targets = switched or docs or list(focus.documents)
            if switched and focus.clauses:
                # Another province named after a clause: the same task in the other decision — its clause that the
                # focus clause's words retrieve first there.
                said = " ".join(self.index.clauses[c][0].text for c in focus.clauses if c in self.index.clauses)
                asked = replace(q, text=f"{said} {q.text}", words=[*content_words(said), *q.words])
                raw = self.generator.raw(asked.text)
                firsts = [self.generator.for_document(raw, d, asked.words).top_clause for d in switched]
                picked = [s for c in firsts if c is not None for s in pick_clause(self.index, asked, c.id)]
                if picked:
                    return Plan("clause", documents=switched, clauses=picked, topic=q.topic)
            accepted = [ev for ev in self._judge(q.text, targets, q.words) if ev.top_clause is not None]
            if q.agency or accepted:
                retrieved = accepted[0].top_clause.id if accepted and accepted[0].top_clause else None
                doc = targets[0]
                picked = pick_clause(self.index, q, retrieved or f"{doc}/dieu-2")
                if picked and self.index.clauses.get(picked[0].id):
                    return Plan("clause", documents=targets, clauses=picked, topic=q.topic)
            if not set(q.fields) - {Field.AGENCY}:  # about this decision's text (who, what), which does not say it
                return Plan("not_found", documents=targets, topic=q.topic, reason="no-match")
        return Plan("clarify", reason="no-context")

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

    def _has_sectors(self, document: str) -> bool:
        """True when the document's catalogue fills the sector ('LĨNH VỰC …') of its entries."""
        return any(e.sector for e in self.index.corpus.entries(document=document))
