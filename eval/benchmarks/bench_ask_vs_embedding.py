"""`/api/ask`'s work against one query embedding, measured in the same run (issue: p50 ≤ 1.5 × one embedding).

For every distinct question of the blind batches, interleaved so that machine load hits both alike: one
`Assistant.ask` (a fresh session each time, so nothing is served from the conversation; the assistant's own cache
of raw retrieval scores is cleared first) and one query embedding of the same question by the served embedder.

Run: `.venv/bin/python eval/benchmarks/bench_ask_vs_embedding.py`. Writes
eval/benchmarks/results/bench_ask_vs_embedding.json; exits 1 when the ratio of p50s is above 1.5.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TARGET = 1.5


def main() -> int:
    from api.settings import Settings
    from assistant.runtime import open_assistant
    from eval.gold import load_gold

    settings = Settings()
    assistant = open_assistant(
        sources_dir=settings.sources_dir, data_dir=settings.data_dir, embedder=settings.embedder,
        retriever="hybrid", sessions_db=None,
    )  # fmt: skip
    embedder = assistant.retriever.dense.embedder  # type: ignore[union-attr]
    questions = list(
        dict.fromkeys(
            t.q for p in sorted((ROOT / "eval/gold/blind").glob("*.jsonl")) for i in load_gold(p) for t in i.turns
        )
    )
    for q in questions[:10]:  # warm-up: model, caches of the analyser
        assistant.ask(q)
        embedder.encode_queries([q])
    ask_ms: list[float] = []
    embed_ms: list[float] = []
    for q in questions:
        assistant.generator._recent.clear()
        start = time.perf_counter()
        assistant.ask(q)
        ask_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        embedder.encode_queries([q])
        embed_ms.append((time.perf_counter() - start) * 1000)
    p50_ask, p50_embed = statistics.median(ask_ms), statistics.median(embed_ms)
    result = {
        "benchmark": "ask_vs_embedding",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
        "questions": len(questions),
        "embedder": embedder.model_id,
        "ask_ms": {"p50": p50_ask, "p95": sorted(ask_ms)[int(0.95 * (len(ask_ms) - 1))]},
        "embedding_ms": {"p50": p50_embed, "p95": sorted(embed_ms)[int(0.95 * (len(embed_ms) - 1))]},
        "ratio_p50": p50_ask / p50_embed,
        "target_ratio": TARGET,
    }
    out = ROOT / "eval" / "benchmarks" / "results" / "bench_ask_vs_embedding.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0 if result["ratio_p50"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
