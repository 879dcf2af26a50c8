"""Serving queries through ONNX Runtime changes no answer: every dev turn gets the same status, text and citations
as with sentence-transformers on torch, over the same index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.runtime import open_assistant
from eval.gold import load_gold

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, sources_dir: Path) -> tuple[Assistant, Assistant]:
    data_dir = tmp_path_factory.mktemp("onnx-vs-torch")
    opened = [
        open_assistant(
            sources_dir=sources_dir,
            data_dir=data_dir,
            embedder="multilingual-e5-small",
            retriever="hybrid",
            sessions_db=None,
            query_runtime=runtime,
        )  # fmt: skip
        for runtime in ("torch", "onnx")
    ]
    return opened[0], opened[1]


def test_every_dev_turn_gets_the_same_answer_with_onnx(both: tuple[Assistant, Assistant]) -> None:
    torch_side, onnx_side = both
    assert type(onnx_side.retriever.dense.embedder).__name__ == "OnnxEmbedder"  # type: ignore[union-attr]
    assert type(torch_side.retriever.dense.embedder).__name__ == "SentenceTransformerEmbedder"  # type: ignore[union-attr]
    differing: list[str] = []
    turns = 0
    for item in load_gold(REPO / "eval" / "gold" / "dev.jsonl"):
        sessions: dict[str, str | None] = {"torch": None, "onnx": None}
        for turn in item.turns:
            a = torch_side.ask(turn.q, session_id=sessions["torch"])
            b = onnx_side.ask(turn.q, session_id=sessions["onnx"])
            sessions = {"torch": a.session_id, "onnx": b.session_id}
            turns += 1
            if (a.status, a.text, [c.id for c in a.citations]) != (b.status, b.text, [c.id for c in b.citations]):
                differing.append(f"{item.id}: {turn.q}")
    assert turns >= 300
    assert differing == []
