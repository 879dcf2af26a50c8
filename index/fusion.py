"""Fusion of ranked lists: reciprocal-rank fusion and weighted fusion of min-max normalised scores."""

from __future__ import annotations

from collections.abc import Sequence

from index.retriever import Hit

RRF_K = 60


def _kinds(rankings: Sequence[Sequence[Hit]]) -> dict[str, Hit]:
    first: dict[str, Hit] = {}
    for ranking in rankings:
        for hit in ranking:
            first.setdefault(hit.id, hit)
    return first


def _ranked(scores: dict[str, float], first: dict[str, Hit], k: int | None) -> list[Hit]:
    order = {hit_id: i for i, hit_id in enumerate(first)}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], order[item[0]]))
    return [Hit(hit_id, first[hit_id].kind, score) for hit_id, score in ranked[:k]]


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Hit]], *, weights: Sequence[float] | None = None, k: int | None = None, c: int = RRF_K
) -> list[Hit]:
    """Σ weight / (c + rank) over the lists (Cormack et al. 2009); ties keep first-seen order.

    >>> a, b = Hit("x", "entry", 9.0), Hit("y", "entry", 1.0)
    >>> [h.id for h in reciprocal_rank_fusion([[a, b], [b]])]
    ['y', 'x']
    """
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, hit in enumerate(ranking, start=1):
            scores[hit.id] = scores.get(hit.id, 0.0) + weight / (c + rank)
    return _ranked(scores, _kinds(rankings), k)


def min_max(hits: Sequence[Hit]) -> dict[str, float]:
    """Scores scaled to [0, 1] within the list; a list whose scores are all equal scales to 1."""
    if not hits:
        return {}
    low = min(h.score for h in hits)
    high = max(h.score for h in hits)
    span = high - low
    return {h.id: (h.score - low) / span if span > 0 else 1.0 for h in hits}


def weighted_fusion(rankings: Sequence[Sequence[Hit]], weights: Sequence[float], *, k: int | None = None) -> list[Hit]:
    """Σ weight × min-max normalised score over the lists; a record missing from a list gets 0 there.

    >>> a, b = Hit("x", "entry", 9.0), Hit("y", "entry", 1.0)
    >>> c = Hit("y", "entry", 0.9)
    >>> [(h.id, round(h.score, 2)) for h in weighted_fusion([[a, b], [c]], [0.7, 0.3])]
    [('x', 0.7), ('y', 0.3)]
    """
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for hit_id, norm in min_max(ranking).items():
            scores[hit_id] = scores.get(hit_id, 0.0) + weight * norm
    return _ranked(scores, _kinds(rankings), k)
