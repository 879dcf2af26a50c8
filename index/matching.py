"""A ranked result *set* for a query: every row that matches it, in the retriever's order.

`Retriever.search` answers the k best rows; a lookup list needs every row that matches, ranked. Membership is
`index.terms` (the query's terms on the BM25 index, CKAN's minimum-should-match); the order is the served
retriever's own (`/api/search` ranks with the same object).
"""

from __future__ import annotations

import numpy as np

from index.bm25 import Bm25Retriever
from index.hybrid import DEFAULT_DEPTH
from index.retriever import Hit, Retriever
from index.rows import Row
from index.terms import minimum_match, query_terms, term_counts


def lexical_side(retriever: Retriever) -> Bm25Retriever | None:
    """The BM25 retriever itself, or the lexical half of a hybrid one; None for a dense-only retriever."""
    if isinstance(retriever, Bm25Retriever):
        return retriever
    bm25 = getattr(retriever, "bm25", None)
    return bm25 if isinstance(bm25, Bm25Retriever) else None


def matching_mask(retriever: Retriever, query: str) -> np.ndarray | None:
    """Boolean array over the retriever's rows: True where the row holds enough of the query's terms.

    Returns:
        The mask, or None when the retriever has no lexical index (dense only: every row then counts).
    """
    bm25 = lexical_side(retriever)
    if bm25 is None:
        return None
    terms = query_terms(query)
    if not terms:
        return np.zeros(len(bm25.rows), dtype=bool)
    counts = term_counts(terms, len(bm25.rows), bm25.rows_with)
    result: np.ndarray = counts >= minimum_match(len(terms))
    return result


def ranked_matches(retriever: Retriever, query: str) -> list[Hit]:
    """Every row matching the query, best first by the retriever's score.

    The retriever is asked for as many rows as `/api/search` fuses (its candidate depth, 50): the matches among
    them come in exactly `/api/search`'s order — asking deeper would change the hybrid's min-max normalisation
    and so the order (measured: the first ten differ for 141 of 223 entry-name queries). Matches beyond the
    candidates follow by BM25 score, without a second query embedding; under a hybrid retriever their score is 0
    (fusion gives 0 to a row outside both candidate lists).

    Args:
        retriever: the served retriever (BM25, dense or hybrid).
        query: the cleaned query text.

    Returns:
        Hits of entries and clauses; with a dense-only retriever, every row the retriever ranks.
    """
    rows: list[Row] = getattr(retriever, "rows", [])
    bm25 = lexical_side(retriever)
    mask = matching_mask(retriever, query)
    if bm25 is None or mask is None:
        return retriever.search(query, max(len(rows), 1))
    if not mask.any():
        return []
    position = {row.id: i for i, row in enumerate(rows)}
    kept = [h for h in retriever.search(query, getattr(retriever, "depth", DEFAULT_DEPTH)) if mask[position[h.id]]]
    rest = mask.copy()
    rest[[position[h.id] for h in kept]] = False
    if not rest.any():
        return kept
    lexical = bm25.scores(query)
    tail = np.flatnonzero(rest)
    tail = tail[np.lexsort((tail, -lexical[tail]))]
    own = retriever is bm25
    return kept + [Hit(rows[i].id, rows[i].kind, float(lexical[i]) if own else 0.0) for i in tail]
