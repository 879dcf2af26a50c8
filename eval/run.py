"""The harness: every gold item is one conversation (one session); every turn is asked, timed and scored.

Retrieval is measured separately on the same questions with the retriever alone (`search(q, k=10)`), for the
turns that stand on their own: the first turn of each item, when it has gold ids. Later turns of a
conversation ("Còn ở Hà Tĩnh thì sao?") name no database, so ranking them without the session is meaningless.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eval.gold import GoldItem
from eval.metrics import AnswerLike, TurnScore, retrieval_metrics, score_turn


class Asker(Protocol):
    """What the harness needs of an assistant: `Assistant`, `RemoteAssistant` or a test's fake."""

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> AnswerLike: ...


class HitLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def score(self) -> float: ...


Search = Callable[[str, int], Sequence[HitLike]]


@dataclass(frozen=True)
class TurnRecord:
    """One asked turn: the gold, what came back, its score and how long it took."""

    item_id: str
    kind: str
    turn: int
    question: str
    expect_status: str
    gold_ids: tuple[str, ...]
    must_contain: tuple[str, ...]
    status: str
    answer: str
    cited: tuple[str, ...]
    score: TurnScore
    latency_ms: float
    error: str | None = None

    @property
    def correct(self) -> bool:
        return self.error is None and self.score.correct

    @property
    def key(self) -> str:
        """Stable id of the turn across runs, for paired comparisons."""
        return f"{self.item_id}#{self.turn}"


@dataclass
class RunResult:
    """Everything one run over a gold file produced."""

    name: str
    records: list[TurnRecord] = field(default_factory=list)
    retrieval: dict[str, float] = field(default_factory=dict)
    retrieval_ms: list[float] = field(default_factory=list)


_ERROR_SCORE = TurnScore(False, False, False, False, (), ())


def run_items(
    items: Sequence[GoldItem],
    assistant: Asker,
    *,
    name: str,
    search: Search | None = None,
    progress: Callable[[str], None] | None = None,
) -> RunResult:
    """Ask every item as one conversation and score each turn; measure retrieval when `search` is given.

    An exception raised by `ask` (a bug, a dead server) fails that turn with the error recorded; the
    conversation goes on with the session it had.
    """
    result = RunResult(name=name)
    for n, item in enumerate(items, 1):
        session: str | None = None
        for t, turn in enumerate(item.turns, 1):
            start = time.perf_counter()
            try:
                answer = assistant.ask(turn.q, session_id=session)
            except Exception as exc:  # noqa: BLE001 — one failing turn must not stop the evaluation
                elapsed = (time.perf_counter() - start) * 1000
                result.records.append(_record(item, t, None, _ERROR_SCORE, elapsed, f"{type(exc).__name__}: {exc}"))
                continue
            elapsed = (time.perf_counter() - start) * 1000
            session = getattr(answer, "session_id", None) or session
            score = score_turn(turn, answer, single_answer=item.single_answer(turn))
            result.records.append(_record(item, t, answer, score, elapsed, None))
        if progress and n % 50 == 0:
            progress(f"{name}: {n}/{len(items)} câu")
    if search is not None:
        result.retrieval, result.retrieval_ms = measure_retrieval(items, search)
    return result


def _record(
    item: GoldItem, t: int, answer: AnswerLike | None, score: TurnScore, ms: float, error: str | None
) -> TurnRecord:
    turn = item.turns[t - 1]
    return TurnRecord(
        item_id=item.id,
        kind=str(item.kind),
        turn=t,
        question=turn.q,
        expect_status=turn.expect_status,
        gold_ids=tuple(turn.gold_ids),
        must_contain=tuple(turn.must_contain),
        status=str(answer.status) if answer is not None else "error",
        answer=answer.text if answer is not None else "",
        cited=tuple(c.id for c in answer.citations) if answer is not None else (),
        score=score,
        latency_ms=ms,
        error=error,
    )


def standalone_queries(items: Sequence[GoldItem]) -> dict[str, tuple[str, list[str]]]:
    """Turn key → (question, gold ids) for the turns retrieval is measured on (first turns with gold ids)."""
    return {f"{i.id}#1": (i.turns[0].q, list(i.turns[0].gold_ids)) for i in items if i.turns[0].gold_ids}


def measure_retrieval(items: Sequence[GoldItem], search: Search, k: int = 10) -> tuple[dict[str, float], list[float]]:
    """ranx metrics of `search` over the standalone turns, and the time of each search in milliseconds."""
    queries = standalone_queries(items)
    runs: dict[str, list[tuple[str, float]]] = {}
    times: list[float] = []
    for key, (question, _) in queries.items():
        start = time.perf_counter()
        hits = search(question, k)
        times.append((time.perf_counter() - start) * 1000)
        runs[key] = [(h.id, float(h.score)) for h in hits]
    qrels = {key: gold for key, (_, gold) in queries.items()}
    return retrieval_metrics(qrels, runs), times
