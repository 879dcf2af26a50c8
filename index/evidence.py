"""Raw retrieval evidence for every row: BM25 scores and dense cosines, computed once per query.

The assistant judges each province's best candidate on its own absolute evidence, so it needs the retrievers'
raw scores (a min-max fused score is always 1.0 at the top and says nothing about confidence) and a ranking
inside any subset of rows (one document) without searching again. Scoring all rows is cheap: BM25 already
scores every row, and a flat FAISS scan of a few thousand vectors takes about a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.hybrid import DEFAULT_WEIGHTS, HybridRetriever
from index.retriever import Retriever
from index.rows import Row, RowFilter


@dataclass(frozen=True)
class RawScores:
    """Per-row evidence for one query; arrays are aligned with `rows` (None when that retriever is absent)."""

    rows: list[Row]
    bm25: np.ndarray | None
    cosine: np.ndarray | None
    weights: tuple[float, float] = DEFAULT_WEIGHTS

    def fused(self, mask: np.ndarray) -> np.ndarray:
        """Weighted min-max fusion inside the masked rows (others -inf), as `HybridRetriever` fuses.

        Args:
            mask: boolean array over rows; the rows to rank.

        Returns:
            Array over rows: fused score in [0, 1] for masked rows, -inf elsewhere.
        """
        out = np.zeros(len(self.rows), dtype=np.float64)
        parts = [(self.bm25, self.weights[0]), (self.cosine, self.weights[1])]
        present = [(s, w) for s, w in parts if s is not None]
        total = sum(w for _, w in present) or 1.0
        for scores, weight in present:
            inside = scores[mask]
            if inside.size == 0:
                continue
            low, high = float(inside.min()), float(inside.max())
            span = high - low
            norm = (scores - low) / span if span > 0 else np.ones_like(scores)
            out += (weight / total) * norm
        out[~mask] = -np.inf
        return out


def raw_scores(retriever: Retriever, query: str) -> RawScores:
    """BM25 and cosine of every row for the query (the dense side reads the accent-restored question)."""
    if isinstance(retriever, HybridRetriever):
        bm25 = retriever.bm25.scores(query).astype(np.float64)
        vector = retriever.dense.embedder.encode_queries([retriever.bm25.restore_accents(query)])
        return RawScores(retriever.rows, bm25, _cosines(retriever.dense, vector), retriever.weights)
    if isinstance(retriever, Bm25Retriever):
        return RawScores(retriever.rows, retriever.scores(query).astype(np.float64), None, (1.0, 0.0))
    if isinstance(retriever, DenseRetriever):
        vector = retriever.embedder.encode_queries([query])
        return RawScores(retriever.rows, None, _cosines(retriever, vector), (0.0, 1.0))
    raise TypeError(f"no raw scores for {type(retriever).__name__}")


def _cosines(dense: DenseRetriever, vector: np.ndarray) -> np.ndarray:
    """Max cosine of each row's vectors (rows without a hit keep -1)."""
    out = np.full(len(dense.rows), -1.0, dtype=np.float64)
    index = {r.id: i for i, r in enumerate(dense.rows)}
    for hit in dense.search_vector(vector, len(dense.rows), RowFilter()):
        out[index[hit.id]] = hit.score
    return out
