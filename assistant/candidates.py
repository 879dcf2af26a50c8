"""Candidates from retrieval: each document's best records for a query, with the raw evidence of each.

The retriever is the candidate generator and the main evidence (DESIGN-assistant: retrieval first). For every
document a question may be about, the rows of that document are ranked by the fused score, and the top entry is
described by a feature row of raw signals — BM25 score and its gap to the runner-up, cosine and its gap,
whether both retrievers agree, how much of the question's topic the record's name and body hold, and how much
of the topic no record holds at all. `assistant.abstain` turns a feature row into a calibrated probability.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from assistant.matching import CatalogueIndex, query_terms
from corpus.text import fold_accents
from index.evidence import RawScores, raw_scores
from index.retriever import Retriever

# The names of a feature row, in order (the calibration file stores coefficients in this order).
FEATURES = (
    "bm25_log",  # log(1 + raw BM25 of the document's best record)
    "bm25_gap",  # (best − runner-up) / best, raw BM25 over the document's records
    "cosine",  # raw cosine of the best record
    "cosine_gap",  # best − runner-up cosine
    "agree",  # 1 when the dense side ranks the same record first
    "name_cover",  # share of the topic's (known) weight in the entry's name (a clause: 0)
    "name_precision",  # share of the entry name's own weight that the question mentions (a clause: 0)
    "body_cover",  # share found anywhere in the record
    "unknown",  # share of the topic's weight in words that no record holds
    "topic_words",  # log(1 + number of topic words)
    "clause",  # 1 when the best record is a decision clause
)


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
    """A document's ranked candidates, its best record (entry or clause, by fused score) and its feature row."""

    document_id: str
    entries: list[Candidate]
    clauses: list[Candidate]
    best: Candidate | None
    features: dict[str, float]

    @property
    def top_entry(self) -> Candidate | None:
        """The best entry (None when the document has none among the candidates)."""
        return self.entries[0] if self.entries else None

    @property
    def top_clause(self) -> Candidate | None:
        """The best decision clause."""
        return self.clauses[0] if self.clauses else None

    def row(self) -> list[float]:
        """The feature row in `FEATURES` order."""
        return [self.features[name] for name in FEATURES]


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
        scores = raw_scores(self.retriever, query)
        with self._lock:
            self._recent[query] = scores
            while len(self._recent) > 64:
                self._recent.popitem(last=False)
        return scores

    def _mask(self, document: str, kind: str) -> np.ndarray:
        key = f"{document}|{kind}"
        if key not in self._doc_mask:
            self._doc_mask[key] = np.array([r.document_id == document and r.kind == kind for r in self._rows])
        return self._doc_mask[key]

    def for_document(
        self, raw: RawScores | None, document: str, topic: Sequence[str], *, only: set[str] | None = None
    ) -> DocumentEvidence:
        """The document's best entries and clauses, its best record and that record's feature row.

        Args:
            raw: the query's raw scores (`raw`), or None without a retriever.
            document: the document id.
            topic: the question's topic words (for the coverage features).
            only: restrict the candidates to these record ids (a follow-up inside a listed set).
        """
        entries = self._ranked(raw, document, ("entry",), only)
        clauses = self._ranked(raw, document, ("clause",), only)
        both = self._ranked(raw, document, ("entry", "clause"), only)
        best = both[0] if both else None
        return DocumentEvidence(document, entries, clauses, best, self._features(raw, best, topic, document, only))

    def _kind_mask(self, document: str, kinds: tuple[str, ...], only: set[str] | None) -> np.ndarray:
        mask = np.zeros(len(self._rows), dtype=bool)
        for kind in kinds:
            mask |= self._mask(document, kind)
        if only is not None:
            mask &= np.array([r.id in only for r in self._rows])
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
        top: Candidate | None,
        topic: Sequence[str],
        document: str,
        only: set[str] | None,
    ) -> dict[str, float]:
        mask = self._kind_mask(document, ("entry", "clause"), only)
        bm25 = np.sort(raw.bm25[mask])[::-1] if raw is not None and raw.bm25 is not None else np.zeros(2)
        cos = np.sort(raw.cosine[mask])[::-1] if raw is not None and raw.cosine is not None else np.zeros(2)
        dense_top = (
            self._rows[int(np.argmax(np.where(mask, raw.cosine, -np.inf)))].id
            if raw is not None and raw.cosine is not None and mask.any()
            else None
        )
        b1, b2 = (float(bm25[0]), float(bm25[1])) if len(bm25) > 1 else (float(bm25[0]) if len(bm25) else 0.0, 0.0)
        c1, c2 = (float(cos[0]), float(cos[1])) if len(cos) > 1 else (float(cos[0]) if len(cos) else 0.0, 0.0)
        name_cover = body_cover = precision = 0.0
        known, unknown = self._split_topic(topic)
        if top is not None and known:
            words = [_word(k) for k in known]
            if top.kind == "entry":
                scored = {s.id: s for s in self.index.score_entries(words, [document])}
                if top.id in scored:
                    hit = scored[top.id]
                    name_cover, body_cover, precision = hit.name_cover, hit.body_cover, hit.name_precision
            else:
                clauses = {s.id: s for s in self.index.score_clauses(words, [document])}
                body_cover = clauses[top.id].body_cover if top.id in clauses else 0.0
        total = sum(self.index.weight(k) for k in known) + sum(self.index.weight(k) for k in unknown)
        return {
            "bm25_log": math.log1p(max(top.bm25 if top else 0.0, 0.0)),
            "bm25_gap": (b1 - b2) / b1 if b1 > 0 else 0.0,
            "cosine": top.cosine if top else 0.0,
            "cosine_gap": c1 - c2,
            "agree": 1.0 if top is not None and dense_top in (None, top.id) else 0.0,
            "name_cover": name_cover,
            "name_precision": precision,
            "body_cover": body_cover,
            "unknown": sum(self.index.weight(k) for k in unknown) / total if total else 1.0,
            "topic_words": math.log1p(len(topic)),
            "clause": 1.0 if top is not None and top.kind == "clause" else 0.0,
        }

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
