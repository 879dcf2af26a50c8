"""Turns about what the decisions require of bodies: the tasks of the body the conversation's last answer named
(a database's agency, a clause's addressee, the decision's proposer), and the duties of a kind of body ("nơi
chưa có cơ sở dữ liệu thuộc danh mục thì thực hiện gì") asked in words the calibrated model does not accept alone.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.clauses import addressed_clause, family, pick_clause
from assistant.cues import Meta
from assistant.lexicon import fold
from assistant.matching import Scored
from assistant.plan import Plan
from assistant.planning import PlannerBase, certain
from assistant.question import Question
from assistant.session import Focus

# How the decisions address the bodies that manage a listed database (Hà Tĩnh and Hải Dương Điều 2 khoản 2,
# Quảng Ninh Điều 2 khoản 3, all following Decree 47/2020's model): said with a turn, it steers retrieval to that
# clause. A decision worded otherwise still gets the clause its own words retrieve first.
MANAGER_OF_LISTED = "các đơn vị quản lý, có cơ sở dữ liệu thuộc Danh mục cơ sở dữ liệu dùng chung có trách nhiệm"


class DutyPlanning(PlannerBase):
    """The planner's part for what the decisions require of bodies."""

    def _focus_agency_tasks(self, q: Question, focus: Focus, docs: list[str]) -> Plan | None:
        """The clause of the conversation's decision that tasks the body the last answer named — the focus
        database's agency, the body a focus clause addresses, the body that proposed the decision — narrowed to
        the point the turn's words pick; None when the conversation names no such body."""
        referred = self._referred_agency(focus)
        if referred is None or (docs and referred[1] not in docs):
            return None
        agency, document = referred
        if addressed_clause(self.index, agency, document) is not None:
            picked = pick_clause(self.index, replace(q, agency=agency), f"{document}/dieu-2")
            return Plan("clause", documents=[document], clauses=picked, topic=q.topic)
        if focus.kind not in ("entry", "compare"):
            return None
        # No clause names the database's agency: it is tasked as a manager of a listed database — the decision's
        # clause that the turn's words, said of such a body, retrieve first.
        said = f"{q.text} {MANAGER_OF_LISTED}"
        ranked = self.generator.for_document(self.generator.raw(said), document, q.words).clauses
        # All of a manager's duties: the first clause (or a point's clause) with its points, not a whole article.
        within = [family(c.id) for c in ranked if "." in family(c.id).split("/dieu-", 1)[1]]
        if not within:
            return None
        return Plan("clause", documents=[document], clauses=[certain(within[0])], topic=q.topic)

    def _counterpart_tasks(self, q: Question, focus: Focus, docs: list[str]) -> Plan | None:
        """Another province named after a clause that tasks a body: in each named decision, the clause tasking the
        same body, else the clause tasking a body that the focus clause's text retrieves first among the clauses
        that task a named body (the counterpart in that decision); None when the focus clause tasks no body."""
        referred = self._referred_agency(focus)
        if referred is None or q.names_database or q.agency:  # a body of its own: not the focus clause's
            return None
        agency, _ = referred
        said = " ".join(t for c in focus.clauses if c in self.index.clauses for t in [self.index.clauses[c][0].text])
        picked: list[Scored] = []
        raw = self.generator.raw(f"{said} {q.text}")
        for doc in docs:
            tasking = self.addressees.get(doc, {})
            body = agency if addressed_clause(self.index, agency, doc) is not None else None
            if body is None:
                only = {cid for cid in self.index.clauses if family(cid) in tasking}
                first = self.generator.for_document(raw, doc, q.words, only=only).top_clause
                body = tasking.get(family(first.id)) if first is not None else None
            if body is not None:  # the body's clause, narrowed to a point when the turn's words single one out
                picked.extend(pick_clause(self.index, replace(q, agency=body), f"{doc}/dieu-2"))
        return Plan("clause", documents=docs, clauses=picked, topic=q.topic) if picked else None

    def _duties(self, q: Question, docs: list[str]) -> Plan | None:
        """What a named province's decision requires of a kind of body, in words the model does not accept on
        their own ("nơi chưa có cơ sở dữ liệu … văn bản buộc thực hiện gì"): the clause retrieval ranks first in every
        named document, when in each of them a clause outranks every entry."""
        raw = self.generator.raw(q.text)
        firsts = [self.generator.for_document(raw, d, q.topic).best for d in docs]
        if not all(f is not None and f.kind == "clause" for f in firsts):
            return None
        picked = [s for f in firsts if f is not None for s in pick_clause(self.index, q, f.id)]
        return Plan("clause", documents=docs, clauses=picked, topic=q.topic)

    def _referred_agency(self, focus: Focus) -> tuple[str, str] | None:
        """(folded agency, document) of the body the conversation's last answer named, if it named one."""
        if focus.kind in ("entry", "compare") and len(focus.entries) == 1:
            entry = self.index.entries[focus.entries[0]].entry
            return fold(entry.agency_name or entry.agency), entry.document_id
        if focus.kind == "clause" and focus.clauses:
            root, document = family(focus.clauses[0]), focus.clauses[0].split("/", 1)[0]
            agency = self.addressees.get(document, {}).get(root)
            return (agency, document) if agency else None
        if focus.kind == "meta" and Meta.PROPOSER.value in focus.meta and len(focus.documents) == 1:
            proposal = self.index.corpus.document(focus.documents[0]).proposal or ""
            agency = self.index.find_agency(fold(proposal))
            return (agency, focus.documents[0]) if agency else None
        return None
