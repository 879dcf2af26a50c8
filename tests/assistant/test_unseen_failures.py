"""The 14 turns that failed before the retrieval-first rebuild (written by people who saw only the decisions):
each is one example of a kind of failure — paraphrase, field in other words, follow-up, list, count, clause,
compare, a decision we do not hold. They run through the served configuration (hybrid, multilingual-e5-small)
and are scored by the contract's rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from eval.gold import GoldItem, load_gold
from eval.metrics import score_turn

DATA = Path(__file__).resolve().parents[1] / "data" / "unseen-failures.jsonl"
ITEMS = load_gold(DATA)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hybrid(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from assistant.runtime import open_assistant

    return open_assistant(
        sources_dir=sources_dir, data_dir=tmp_path_factory.mktemp("data"), embedder="multilingual-e5-small",
        retriever="hybrid", sessions_db=None,
    )  # fmt: skip


@pytest.mark.parametrize("item", ITEMS, ids=[f"{i.id}-{i.kind}" for i in ITEMS])
def test_unseen_failure_is_answered_right_in_every_turn(hybrid: Assistant, item: GoldItem) -> None:
    session = None
    for n, turn in enumerate(item.turns, 1):
        answer = hybrid.ask(turn.q, session_id=session)
        session = answer.session_id
        score = score_turn(turn, answer, single_answer=item.single_answer(turn))
        assert score.correct, f"turn {n} «{turn.q}»: {answer.status} {[c.id for c in answer.citations]} {score}"
