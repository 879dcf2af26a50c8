"""What every part of the planner shares: the corpus's word statistics, the candidates of retrieval and the
calibrated judgement of them (`assistant.abstain`), and the tests of whether a word names anything we hold.

The planner is split by kind of question: `assistant.planner` (the order of decisions, retrieval, clauses),
`assistant.set_planning` (lists and counts), `assistant.focus_planning` (turns that continue a conversation),
`assistant.duty_planning` (what the decisions require of bodies).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.abstain import Calibration
from assistant.candidates import Candidate, CandidateGenerator, DocumentEvidence, folded
from assistant.clauses import addressed_clause
from assistant.cues import Field
from assistant.field_prior import FieldPrior
from assistant.fields import fields_for
from assistant.lexicon import fold, syllables
from assistant.matching import CatalogueIndex, Scored, query_terms
from assistant.plan import Plan
from assistant.question import Question
from assistant.scope import ScopeModel
from assistant.session import Focus
from assistant.sets import name_vocabulary
from corpus.records import SharingMode
from index.analyze import gloss_expansions, synonym_expansions

# An act cited by its number ("2913/QĐ-BNNMT", "45/2025/NĐ-CP").
ACT_NUMBER = re.compile(r"\d+(?:/\d{4})?/[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ]+)*")
# What a set is about, after its filters: "(CSDL nào) về …", "liên quan đến …".
ABOUT_CUE = re.compile(r"(?<![a-z])(?:ve|lien quan (?:den|toi)|thuoc linh vuc)(?![a-z])")
# A follow-up that names no column ("còn ở Hải Dương thì sao?") keeps the conversation's columns unless the learned
# prior is more sure than not that its words ask another one.
FOLLOW_UP_PRIOR = 0.5


def sharing_mode_of(value: str | None) -> SharingMode | None:
    """The sharing mode a stored filter names, if any."""
    return SharingMode(value) if value else None


def certain(record_id: str) -> Scored:
    """A record the plan names outright (no retrieval score to carry)."""
    return Scored(record_id, 1.0, 1.0, 1.0, 1.0)


class PlannerBase:
    """The planner's shared state (corpus statistics, candidate generator, calibration, priors) and judgement."""

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
        # Words every decision uses to name itself (the title's "Danh mục … dùng chung"): no topic of a set.
        titles = [set(fold(d.title or "").split()) for d in index.corpus.documents()]
        self._title_words = frozenset(set.intersection(*titles)) if titles else frozenset()
        accented = [{a for a, _ in syllables(d.title or "")} for d in index.corpus.documents()]
        self._title_accented = frozenset(set.intersection(*accented)) if accented else frozenset()
        self._name_words = name_vocabulary(index)
        # Document → clause id → the (first, sorted) folded agency the clause addresses ("Giao Sở …:", "Công an tỉnh:").
        self.addressees: dict[str, dict[str, str]] = {}
        for doc in self.all_documents:
            for agency in index.agencies:
                clause = addressed_clause(index, agency, doc)
                if clause is not None:
                    self.addressees.setdefault(doc, {}).setdefault(clause, agency)

    def _fields(self, entry_id: str, cue: list[Field], q: Question) -> list[Field]:
        """The columns of the entry that answer the question (cue, learned prior, evidence)."""
        return fields_for(self.index, entry_id, cue, q.words, q.text, self.field_prior)

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

    def _unknown(self, word: str) -> bool:
        """True when no record holds the word, even with its accents dropped (a mistyped accent is no new word)."""
        key = query_terms([word])[0][0]
        return self.index.document_frequency(key) == 0 and self.index.document_frequency(f"~{folded(word)}") == 0

    def _in_names(self, word: str) -> bool:
        """Whether some entry's name has the word (judged with its accents when typed with them)."""
        return query_terms([word])[0][0] in self._name_words

    def _in_title(self, word: str, accented: bool) -> bool:
        """Whether every decision's title has the word (with its accents in a question typed with them: "dành",
        "du" are not "danh", "dữ")."""
        return word in self._title_accented if accented else fold(word) in self._title_words

    def _names_any(self, q: Question) -> bool:
        """Whether the turn names a database of its own: "CSDL …", an agency, a word that entry names use (not a
        common one), or an everyday word the lexicon ties to an official term."""
        if q.names_database or q.agency:
            return True
        said = " ".join(q.topic)
        if synonym_expansions(said.lower()) or gloss_expansions(said):
            return True
        # Judged as typed: "giá" is one database's word although "gia" (quốc gia, gia đình) is everywhere.
        named = [w for w in q.topic if self._in_names(w) and not self.index.topic_is_generic([w])]
        return bool(named) and not self.index.topic_is_generic(named)

    # Planned in SetPlanning, FocusPlanning and Planner; declared here so that each part can call the others.
    def _by_retrieval(self, q: Question, docs: list[str], focus: Focus) -> Plan:
        raise NotImplementedError

    def _from_focus(self, q: Question, focus: Focus, docs: list[str], fields: list[Field] | None = None) -> Plan:
        raise NotImplementedError

    def _name_matches(self, part: list[str], documents: list[str]) -> list[Scored]:
        raise NotImplementedError

    def _part_evidence(self, query: str, document: str, topic: list[str]) -> DocumentEvidence:
        """One document's evidence for a part of a topic (the `topic_set` callback)."""
        return self.evidence(query, document, list(topic))
