"""Scoring rules, pure: the contract's turn rule, citation hits, latency percentiles, ranx retrieval metrics."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from eval.gold import GoldTurn


class CitationLike(Protocol):
    @property
    def id(self) -> str: ...


class AnswerLike(Protocol):
    """What scoring reads of an answer: `assistant.answer.Answer` or the parsed JSON of `POST /api/ask`."""

    @property
    def status(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def citations(self) -> Sequence[CitationLike]: ...


_SPACE = re.compile(r"\s+")

# ranx metric names → the report's keys.
RETRIEVAL_METRICS = {"hit_rate@1": "hit@1", "recall@5": "recall@5", "mrr": "mrr", "ndcg@10": "ndcg@10"}


def normalize_text(text: str) -> str:
    """The contract's comparison form: Unicode NFC, case folded, runs of white space collapsed to one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def contains(haystack: str, needle: str) -> bool:
    """True when `needle` occurs in `haystack` after `normalize_text` on both."""
    return normalize_text(needle) in normalize_text(haystack)


@dataclass(frozen=True)
class TurnScore:
    """How one answer fared against one gold turn; `correct` is the contract's rule."""

    status_ok: bool
    citations_ok: bool
    first_citation_ok: bool
    must_contain_ok: bool
    missing_ids: tuple[str, ...]
    missing_strings: tuple[str, ...]

    @property
    def correct(self) -> bool:
        return self.status_ok and self.citations_ok and self.must_contain_ok


def score_turn(turn: GoldTurn, answer: AnswerLike, *, single_answer: bool) -> TurnScore:
    """Score one answer: status, gold ids among the citations (first for single-answer turns), strings.

    Args:
        turn: the gold turn.
        answer: what the assistant replied.
        single_answer: the turn has one gold id that must be the first citation (see `GoldItem.single_answer`).
    """
    cited = [c.id for c in answer.citations]
    missing_ids = tuple(g for g in turn.gold_ids if g not in cited)
    first_ok = not turn.gold_ids or (bool(cited) and cited[0] == turn.gold_ids[0])
    citations_ok = not missing_ids and (first_ok or not single_answer)
    missing_strings = tuple(s for s in turn.must_contain if not contains(answer.text, s))
    return TurnScore(
        status_ok=str(answer.status) == turn.expect_status,
        citations_ok=citations_ok,
        first_citation_ok=first_ok,
        must_contain_ok=not missing_strings,
        missing_ids=missing_ids,
        missing_strings=missing_strings,
    )


def turn_correct(turn: GoldTurn, answer: AnswerLike, *, single_answer: bool) -> bool:
    """The contract's rule: status, every gold id cited (first for single-answer turns), every string present."""
    return score_turn(turn, answer, single_answer=single_answer).correct


def hit_at_k(ranked: Sequence[str], gold: Sequence[str], k: int) -> bool:
    """True when some gold id is among the first k ranked ids."""
    return bool(set(ranked[:k]) & set(gold))


def recall_at_k(ranked: Sequence[str], gold: Sequence[str], k: int) -> float:
    """Share of gold ids among the first k ranked ids (1.0 for no gold: nothing was missed)."""
    if not gold:
        return 1.0
    return len(set(ranked[:k]) & set(gold)) / len(set(gold))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """p50, p95 and mean latency in milliseconds."""
    mean = sum(milliseconds) / len(milliseconds) if milliseconds else math.nan
    return {"p50": percentile(milliseconds, 50), "p95": percentile(milliseconds, 95), "mean": mean}


def retrieval_metrics(
    qrels: Mapping[str, Sequence[str]], runs: Mapping[str, Sequence[tuple[str, float]]]
) -> dict[str, float]:
    """hit@1, recall@5, MRR and nDCG@10 over queries with gold ids, computed by ranx.

    Args:
        qrels: query id → relevant record ids (binary relevance).
        runs: query id → ranked (record id, score) pairs, best first.

    Returns:
        The four metrics under the report's keys, plus `queries`; empty when no query has gold ids.
    """
    from ranx import Qrels, Run, evaluate

    judged = {q: list(dict.fromkeys(ids)) for q, ids in qrels.items() if ids}
    if not judged:
        return {}
    qrels_dict = {q: {doc: 1 for doc in ids} for q, ids in judged.items()}
    run_dict: dict[str, dict[str, float]] = {}
    for q in judged:
        ranked = list(runs.get(q, []))
        # ranx needs strictly ordered scores; rank-based scores keep the retriever's order even on ties.
        run_dict[q] = {doc: float(len(ranked) - i) for i, (doc, _) in enumerate(ranked)} or {"__none__": 0.0}
    scores = evaluate(Qrels(qrels_dict), Run(run_dict), list(RETRIEVAL_METRICS), make_comparable=True)
    out = {RETRIEVAL_METRICS[name]: float(value) for name, value in scores.items()}
    out["queries"] = float(len(judged))
    return out
