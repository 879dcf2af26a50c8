"""Turns that continue a conversation: a position in the last list, a pick inside it, a relation of the focus
database to another, and every turn that names no database of its own — asked of the focus, moved to a newly
named province by searching that province for the focus's counterpart.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answering import field_value
from assistant.candidates import folded
from assistant.clauses import pick_clause
from assistant.cues import RELATION_CUE, Field, Meta
from assistant.fields import EVIDENCE_FIELDS, asked_field, best_evidenced
from assistant.lexicon import fold
from assistant.matching import content_words
from assistant.plan import Plan
from assistant.planning import FOLLOW_UP_PRIOR, PlannerBase, certain, sharing_mode_of
from assistant.question import Question
from assistant.session import Focus
from assistant.sets import topic_set


class FocusPlanning(PlannerBase):
    """The planner's part for follow-ups."""

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
        return Plan("entry", documents=[doc], entries=[certain(entry_id)], fields=fields, focus_words=q.words)

    def _inside_list(self, q: Question, focus: Focus) -> Plan | None:
        """A turn that picks one of the entries just listed by naming it ("cái về viễn thông …")."""
        only = set(focus.listed)
        for doc in dict.fromkeys(self.index.entries[e].entry.document_id for e in focus.listed):
            ev = self.evidence(" ".join(q.topic), doc, q.topic, only=only)
            chosen = self.choose(ev)
            top = chosen.best if chosen is not None else ev.top_entry if ev.features["name_cover"] > 0 else None
            if top is not None and top.kind == "entry":
                fields = self._fields(top.id, q.fields, q)
                return Plan("entry", documents=[doc], entries=[certain(top.id)], fields=fields, focus_words=q.words)
        return None

    def _related_column(self, q: Question, focus: Focus) -> Field | None:
        """The focus entry's column that names the database the turn relates it to ("có liên kết CSDL dân cư
        không", "có lấy dữ liệu từ TABMIS không"): a relation asked, and every topic word held by that column."""
        if focus.kind not in ("entry", "compare") or len(focus.entries) != 1 or not RELATION_CUE.search(q.folded):
            return None
        relation = set(RELATION_CUE.sub(" ", q.folded).split())
        said = [folded(w) for w in q.topic if len(w) > 1 and folded(w) in relation and not self.index.is_generic(w)]
        if not said:
            return None
        entry = self.index.entries[focus.entries[0]].entry
        for fld in EVIDENCE_FIELDS:
            column = f" {fold(field_value(entry, fld) or '')} "
            if all(f" {w} " in column for w in said):
                return fld
        return None

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
                                elsewhere=[certain(e) for e in focus.entries])  # fmt: skip
                ids = [c.id for c in found]
            else:
                ids = [e for e in focus.entries if not docs or self.index.entries[e].entry.document_id in docs]
                ids = ids or list(focus.entries)
            best = best_evidenced(self.index, ids[0], q.words, q.text)
            asked = asked_field(self.index, ids[0], q.text, self.field_prior, floor=FOLLOW_UP_PRIOR)
            # "Còn ở X thì sao?" asks the same columns of X; other words of a turn may ask another column.
            guessed = [] if q.follow_up else list(dict.fromkeys(f for f in (asked, best) if f is not None))
            chosen = self._fields(ids[0], cue, q) if cue else guessed
            return Plan("entry", documents=switched or docs or list(focus.documents), entries=[certain(i) for i in ids],
                        fields=chosen or [Field(f) for f in focus.fields], topic=list(focus.topic),
                        focus_words=q.words)  # fmt: skip
        if focus.kind in ("list", "count", "totals") and q.fields and len(focus.entries) == 1 and not switched:
            # a column asked of "nó" after a list that came to one database (a successor's note may list more):
            # that database's column
            entry = focus.entries[0]
            fields = self._fields(entry, q.fields, q)
            return Plan("entry", documents=docs or list(focus.documents), entries=[certain(entry)], fields=fields,
                        topic=list(focus.topic), focus_words=q.words)  # fmt: skip
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
                sharing_mode=sharing_mode_of(f.get("sharing_mode")),
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
                widened = replace(q, text=f"{said} {q.text}", words=[*content_words(said), *q.words])
                raw = self.generator.raw(widened.text)
                firsts = [self.generator.for_document(raw, d, widened.words).top_clause for d in switched]
                picked = [s for c in firsts if c is not None for s in pick_clause(self.index, widened, c.id)]
                if picked:
                    return Plan("clause", documents=switched, clauses=picked, topic=q.topic)
            # The decision's clause the model accepts for the turn (an accepted entry answers no question about it).
            accepted = [ev for ev in self._judge(q.text, targets, q.words) if ev.best and ev.best.kind == "clause"]
            if q.agency or accepted:
                retrieved = accepted[0].best.id if accepted and accepted[0].best else None
                doc = targets[0]
                picked = pick_clause(self.index, q, retrieved or f"{doc}/dieu-2")
                if picked and self.index.clauses.get(picked[0].id):
                    return Plan("clause", documents=targets, clauses=picked, topic=q.topic)
            if not set(q.fields) - {Field.AGENCY}:  # about this decision's text (who, what), which does not say it
                return Plan("not_found", documents=targets, topic=q.topic, reason="no-match")
        return Plan("clarify", reason="no-context")
