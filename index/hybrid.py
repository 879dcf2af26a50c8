"""Hybrid retrieval: BM25 and dense results fused (weighted min-max by default, reciprocal-rank as option)."""

from __future__ import annotations

from enum import StrEnum

from corpus.records import SharingMode
from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.fusion import reciprocal_rank_fusion, weighted_fusion
from index.retriever import Hit
from index.rows import RowFilter


class Fusion(StrEnum):
    """How the two ranked lists are combined."""

    WEIGHTED = "weighted"
    RRF = "rrf"


# Chosen by eval/benchmarks/bench_retrieval.py on the gold set (see the README's retrieval figures).
DEFAULT_FUSION = Fusion.WEIGHTED
DEFAULT_WEIGHTS = (0.8, 0.2)
# Each retriever contributes this many candidates before fusion.
DEFAULT_DEPTH = 50


class HybridRetriever:
    """Composes a `Bm25Retriever` and a `DenseRetriever` over the same rows."""

    def __init__(
        self,
        bm25: Bm25Retriever,
        dense: DenseRetriever,
        *,
        fusion: Fusion | str = DEFAULT_FUSION,
        weights: tuple[float, float] = DEFAULT_WEIGHTS,
        depth: int = DEFAULT_DEPTH,
    ) -> None:
        if [r.id for r in bm25.rows] != [r.id for r in dense.rows]:
            raise ValueError("the BM25 and dense indexes hold different records")
        self.bm25 = bm25
        self.dense = dense
        self.rows = bm25.rows
        self.fusion = Fusion(fusion)
        self.weights = weights
        self.depth = depth

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        document: str | None = None,
        agency: str | None = None,
        sector: str | None = None,
        sharing_mode: SharingMode | str | None = None,
    ) -> list[Hit]:
        """The k best records for the query inside the filters, by fused score."""
        depth = max(self.depth, k)
        weights = self.weights
        lexical = self.bm25.search(
            query, depth, document=document, agency=agency, sector=sector, sharing_mode=sharing_mode
        )
        if weights[1] <= 0:  # the dense side would not count: skip the query encoding
            return weighted_fusion([lexical], weights[:1], k=k)
        # multilingual-e5 reads Vietnamese without diacritics poorly: it gets the question with them restored.
        query_vector = self.dense.embedder.encode_queries([self.bm25.restore_accents(query)])
        semantic = self.dense.search_vector(query_vector, depth, RowFilter(document, agency, sector, sharing_mode))
        if self.fusion is Fusion.RRF:
            return reciprocal_rank_fusion([lexical, semantic], weights=weights, k=k)
        return weighted_fusion([lexical, semantic], weights, k=k)
