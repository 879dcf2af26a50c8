"""Candidates from retrieval: each document's best records for a query, with the raw evidence of each.

The retriever is the candidate generator and the main evidence (DESIGN-assistant: retrieval first). For every
document a question may be about, the rows of that document (entries and clauses together) are ranked by the
fused score, and each of the best `JUDGED` is described by a feature row of raw signals — its BM25 score and gap
to the document's best other record, its cosine and gap, whether the dense side ranks it first, its fused rank,
how much of the question's topic its name and body hold, and how much of the topic no record holds at all.
`assistant.abstain` turns a row into a calibrated probability; the planner takes the most probable candidate
(a second stage over the retriever's top records) and refuses when even that one is below the threshold.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.matching import CatalogueIndex, query_terms
from corpus.text import fold_accents
from index.analyze import gloss_expansions, synonym_expansions
from index.evidence import RawScores, raw_scores
from index.retriever import Retriever

log = logging.getLogger(__name__)

# The names of a feature row, in order (the calibration file stores coefficients in this order).
FEATURES = (
    "bm25_log",  # log(1 + raw BM25 of the candidate)
    "bm25_gap",  # (candidate − best other record of the document) / document's best, raw BM25
    "cosine",  # raw cosine of the candidate
    "cosine_gap",  # candidate − best other cosine of the document
    "agree",  # 1 when the dense side ranks the candidate first in the document
    "fused_rank",  # the candidate's rank by fused score in the document (0 = first)
    "name_cover",  # share of the topic's (known) weight in the entry's name (a clause: 0)
    "name_precision",  # share of the entry name's own weight that the question mentions (a clause: 0)
    "body_cover",  # share found anywhere in the record
    "missing_rare",  # rarity of the rarest topic word that the candidate lacks (0: it holds them all)
    "unknown",  # share of the topic's weight in words that no record holds
    "name_elsewhere",  # best share of the topic's weight in the name of an entry of another document
    "topic_words",  # log(1 + number of topic words)
    "clause",  # 1 when the candidate is a decision clause
)
# How many of a document's best records (by fused score) are judged; the most probable one is chosen.
JUDGED = 3


@dataclass(frozen=True)
class Candidate:
    """One record of one document, ranked by fused retrieval score inside that document."""

    id: str
    kind: str  # "entry" or "clause"
    document_id: str
    rank: int
    fused: float
    bm25: float
    cosine: float


@dataclass(frozen=True)
class DocumentEvidence:
    """A document's ranked candidates, the feature row of each judged one, and which of them is chosen."""

    document_id: str
    entries: list[Candidate]
    clauses: list[Candidate]
    judged: list[Candidate]  # the best records, entries and clauses together, by fused score
    rows: list[dict[str, float]]  # one feature row per judged candidate
    chosen: int = 0

    @property
    def best(self) -> Candidate | None:
        """The chosen candidate (the fused first until a model has chosen)."""
        return self.judged[self.chosen] if self.judged else None

    @property
    def features(self) -> dict[str, float]:
        """The chosen candidate's features (all zero without candidates)."""
        return self.rows[self.chosen] if self.rows else dict.fromkeys(FEATURES, 0.0)

    @property
    def top_entry(self) -> Candidate | None:
        """The best entry (None when the document has none among the candidates)."""
        return self.entries[0] if self.entries else None

    @property
    def top_clause(self) -> Candidate | None:
        """The best decision clause."""
        return self.clauses[0] if self.clauses else None

    def row(self, i: int | None = None) -> list[float]:
        """A feature row in `FEATURES` order (the chosen candidate's by default)."""
        values = self.rows[self.chosen if i is None else i] if self.rows else dict.fromkeys(FEATURES, 0.0)
        return [values[name] for name in FEATURES]


class CandidateGenerator:
    """Ranks a query's candidates per document from one retrieval pass.

    Args:
        retriever: the hybrid (or BM25 / dense) retriever over entries and clauses; None for none.
        index: the catalogue's word statistics, for the topic-coverage features.
    """

    def __init__(self, retriever: Retriever | None, index: CatalogueIndex, depth: int = 5) -> None:
        self.retriever = retriever
        self.index = index
        self.depth = depth
        self._rows = list(getattr(retriever, "rows", []))
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._max_weight = index.weight("\x00never a term\x00")  # the weight of a word no record holds
        self._doc_mask: dict[str, np.ndarray] = {}
        self._recent: OrderedDict[str, RawScores] = OrderedDict()
        self._lock = threading.Lock()

    def raw(self, query: str) -> RawScores | None:
        """The retrievers' raw scores of every row, or None without a retriever (the last 64 queries are kept:
        one question asks the same query of several documents)."""
        if self.retriever is None or not self._rows:
            return None
        with self._lock:
            if query in self._recent:
                self._recent.move_to_end(query)
                return self._recent[query]
        try:
            scores = raw_scores(self.retriever, query)
        except Exception:  # an embedder or index failure must cost this answer its evidence, not the request
            log.exception("retrieval failed; answering without candidates")
            return None
        with self._lock:
            self._recent[query] = scores
            while len(self._recent) > 64:
                self._recent.popitem(last=False)
        return scores

    def _mask(self, document: str, kind: str) -> np.ndarray:
        key = f"{document}|{kind}"
        if key not in self._doc_mask:
            self._doc_mask[key] = np.array(
                [r.document_id == document and r.kind == kind for r in self._rows], dtype=bool
            )
        return self._doc_mask[key]

    def for_document(
        self, raw: RawScores | None, document: str, topic: Sequence[str], *, only: set[str] | None = None
    ) -> DocumentEvidence:
        """The document's best entries and clauses, and the feature rows of its `JUDGED` best records.

        Args:
            raw: the query's raw scores (`raw`), or None without a retriever.
            document: the document id.
            topic: the question's topic words (for the coverage features).
            only: restrict the candidates to these record ids (a follow-up inside a listed set).
        """
        if raw is None:
            return DocumentEvidence(document, [], [], [], [])
        entries = self._ranked(raw, document, ("entry",), only)
        clauses = self._ranked(raw, document, ("clause",), only)
        ranked = self._ranked(raw, document, ("entry", "clause"), only)
        judged = ranked[:JUDGED]
        # The dense side's own first record is judged too when the fusion ranks it lower: a question in words of
        # its own ("người bác hy sinh … an táng ở đâu") is often read right by the model and wrong by BM25.
        dense_first = self._dense_first(raw, document, only)
        if dense_first is not None and all(c.id != dense_first for c in judged):
            judged += [c for c in ranked if c.id == dense_first] or self._ranked_ids(raw, document, only, dense_first)
        rows = self._features(raw, judged, topic, document, only)
        return DocumentEvidence(document, entries, clauses, judged, rows)

    def _dense_first(self, raw: RawScores, document: str, only: set[str] | None) -> str | None:
        """The record of the document the dense side ranks first (None without a dense side)."""
        if raw.cosine is None:
            return None
        mask = self._kind_mask(document, ("entry", "clause"), only)
        if not mask.any():
            return None
        return self._rows[int(np.argmax(np.where(mask, raw.cosine, -np.inf)))].id

    def _ranked_ids(self, raw: RawScores, document: str, only: set[str] | None, record: str) -> list[Candidate]:
        """The candidate for one record, ranked by fused score among the document's records."""
        mask = self._kind_mask(document, ("entry", "clause"), only)
        fused = raw.fused(mask)
        order = [int(i) for i in np.argsort(-fused, kind="stable") if np.isfinite(fused[i])]
        i = self._row_of[record]
        return [
            Candidate(id=record, kind=self._rows[i].kind, document_id=document, rank=order.index(i),
                      fused=float(fused[i]), bm25=float(raw.bm25[i]) if raw.bm25 is not None else 0.0,
                      cosine=float(raw.cosine[i]) if raw.cosine is not None else 0.0)
        ]  # fmt: skip

    def _kind_mask(self, document: str, kinds: tuple[str, ...], only: set[str] | None) -> np.ndarray:
        mask = np.zeros(len(self._rows), dtype=bool)
        for kind in kinds:
            mask |= self._mask(document, kind)
        if only is not None:
            mask &= np.array([r.id in only for r in self._rows], dtype=bool)
        return mask

    def _ranked(
        self, raw: RawScores | None, document: str, kinds: tuple[str, ...], only: set[str] | None
    ) -> list[Candidate]:
        if raw is None:
            return []
        mask = self._kind_mask(document, kinds, only)
        if not mask.any():
            return []
        fused = raw.fused(mask)
        order = [int(i) for i in np.argsort(-fused, kind="stable")[: self.depth] if np.isfinite(fused[i])]
        return [
            Candidate(
                id=self._rows[i].id,
                kind=self._rows[i].kind,
                document_id=document,
                rank=r,
                fused=float(fused[i]),
                bm25=float(raw.bm25[i]) if raw.bm25 is not None else 0.0,
                cosine=float(raw.cosine[i]) if raw.cosine is not None else 0.0,
            )
            for r, i in enumerate(order)
        ]

    def _features(
        self,
        raw: RawScores | None,
        judged: list[Candidate],
        topic: Sequence[str],
        document: str,
        only: set[str] | None,
    ) -> list[dict[str, float]]:
        mask = self._kind_mask(document, ("entry", "clause"), only)
        index = self._row_of

        def best_other(scores: np.ndarray | None, row: int) -> float:
            if scores is None:
                return 0.0
            others = np.where(mask, scores, -np.inf)
            others[row] = -np.inf
            top = float(others.max()) if np.isfinite(others).any() else 0.0
            return top if np.isfinite(top) else 0.0

        bm25_max = float(np.max(np.where(mask, raw.bm25, -np.inf))) if raw is not None and raw.bm25 is not None else 0.0
        dense_top = (
            self._rows[int(np.argmax(np.where(mask, raw.cosine, -np.inf)))].id
            if raw is not None and raw.cosine is not None and mask.any()
            else None
        )
        # The official term of an everyday word the user wrote ("án tích" → lý lịch tư pháp) counts as asked.
        said = " ".join(topic)
        official = [w for term in [*synonym_expansions(said), *gloss_expansions(said)] for w in term.split()]
        known, unknown = self._split_topic([*topic, *official])
        words = [_word(k) for k in known]
        entry_scores = {s.id: s for s in self.index.score_entries(words, [document])} if words else {}
        clause_scores = {s.id: s for s in self.index.score_clauses(words, [document])} if words else {}
        total = sum(self.index.weight(k) for k in known) + sum(self.index.weight(k) for k in unknown)
        # A database that another province lists under the words asked, and this one does not: a near miss.
        others = [d for d in self.index.documents if d != document]
        elsewhere = max((s.name_cover for s in self.index.score_entries(words, others)), default=0.0) if words else 0.0
        shared = {
            "unknown": sum(self.index.weight(k) for k in unknown) / total if total else 1.0,
            "name_elsewhere": elsewhere,
            "topic_words": math.log1p(len(topic)),
        }
        rows = []
        for c in judged:
            i = index[c.id]
            hit = entry_scores.get(c.id) if c.kind == "entry" else None
            covered = clause_scores.get(c.id) if c.kind == "clause" else hit
            bm25_other = best_other(raw.bm25 if raw is not None else None, i)
            cos_other = best_other(raw.cosine if raw is not None else None, i)
            held = self._terms(c)
            missing = [self.index.weight(k) for k in known if k not in held]
            rows.append({
                "bm25_log": math.log1p(max(c.bm25, 0.0)),
                "bm25_gap": (c.bm25 - bm25_other) / bm25_max if bm25_max > 0 else 0.0,
                "cosine": c.cosine,
                "cosine_gap": c.cosine - cos_other if raw is not None and raw.cosine is not None else 0.0,
                "agree": 1.0 if dense_top in (None, c.id) else 0.0,
                "fused_rank": float(c.rank),
                "name_cover": hit.name_cover if hit else 0.0,
                "name_precision": hit.name_precision if hit else 0.0,
                "body_cover": covered.body_cover if covered else 0.0,
                "missing_rare": max(missing, default=0.0) / self._max_weight,
                **shared,
                "clause": 1.0 if c.kind == "clause" else 0.0,
            })  # fmt: skip
        return rows

    def _terms(self, candidate: Candidate) -> frozenset[str]:
        """Every key the candidate's text can be matched by."""
        if candidate.kind == "entry":
            return self.index.entries[candidate.id].body_terms
        return self.index.clauses[candidate.id][1]

    def _split_topic(self, topic: Sequence[str]) -> tuple[list[str], list[str]]:
        """(query keys some record holds, keys no record holds): a word no record has is no evidence for any."""
        unigrams, _ = query_terms(list(topic))
        known = [k for k in unigrams if self.index.document_frequency(k) > 0]
        unknown = [k for k in unigrams if self.index.document_frequency(k) == 0]
        return known, unknown


def _word(key: str) -> str:
    """A query key back to a topic word ('~dat' → 'dat'; accented keys are words already)."""
    return key[1:] if key.startswith("~") else key


def folded(word: str) -> str:
    """Accents and case removed (for comparing topic words)."""
    return fold_accents(word).lower()
