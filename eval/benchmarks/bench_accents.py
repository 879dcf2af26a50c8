"""Diacritic restoration (`index.accents`): how many syllables of real questions come back right, and how fast.

Every gold question typed with diacritics is folded (accents and đ removed) and restored; a syllable is right when
it equals the question's own, lower case. The weights of `index.accents` were chosen on the *fit* questions (dev,
the old test split and blind batches 01–08); the figure that counts is on the *held-out* ones (blind batches 09
onwards), which no weight was chosen on. Two restorers side by side: the catalogues' words alone (as before) and
with general Vietnamese (`index.vietnamese`). Also: restoration time per question.

Run: `.venv/bin/python eval/benchmarks/bench_accents.py`. Writes eval/benchmarks/results/bench_accents.json.
"""

from __future__ import annotations

import json
import platform
import re
import statistics
import sys
import time
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
FIT_BATCHES = 8  # blind batches 01–08 are fit data; later ones are held out
_WORD = re.compile(r"\w+")


def questions(paths: list[Path]) -> list[str]:
    """The distinct questions of the gold files that carry diacritics, NFC."""
    from corpus.text import fold_accents
    from eval.gold import load_gold

    out = [unicodedata.normalize("NFC", t.q) for p in paths for item in load_gold(p) for t in item.turns]
    return list(dict.fromkeys(q for q in out if fold_accents(q) != q))


def accuracy(restore: object, data: list[str]) -> dict[str, float]:
    """Share of syllables, and of whole questions, restored exactly (lower case)."""
    from corpus.text import fold_accents

    right = total = whole = 0
    for q in data:
        gold = [w.lower() for w in _WORD.findall(q)]
        out = [w.lower() for w in _WORD.findall(restore(fold_accents(q)))]  # type: ignore[operator]
        if len(out) != len(gold):
            total += len(gold)
            continue
        hits = sum(g == o for g, o in zip(gold, out, strict=True))
        right, total, whole = right + hits, total + len(gold), whole + (hits == len(gold))
    return {"syllables": round(right / max(total, 1), 4), "questions": round(whole / max(len(data), 1), 4)}


def main() -> int:
    from api.settings import Settings
    from corpus.build import load_or_build
    from index.accents import AccentRestorer
    from index.bm25 import Bm25Retriever
    from index.build import load_retriever
    from index.vietnamese import general_vietnamese

    settings = Settings()
    corpus = load_or_build(settings.sources_dir, settings.data_dir / "corpus")
    bm25 = load_retriever(corpus, settings.data_dir / "index", embedder=None, kind="bm25")
    assert isinstance(bm25, Bm25Retriever)
    vocab = bm25._model.vocab_dict  # type: ignore[attr-defined]
    df = np.diff(np.asarray(bm25._model.scores["indptr"]))  # type: ignore[attr-defined]
    catalogue = AccentRestorer.from_bm25(vocab, df)
    full = AccentRestorer.from_bm25(vocab, df, general_vietnamese())
    blind = sorted((ROOT / "eval/gold/blind").glob("batch-*.jsonl"))
    fit = questions([ROOT / "eval/gold/dev.jsonl", ROOT / "eval/gold/test.jsonl", *blind[:FIT_BATCHES]])
    held = questions(blind[FIT_BATCHES:])
    from corpus.text import fold_accents

    timings = []
    for q in held:
        typed = fold_accents(q)
        start = time.perf_counter()
        full.restore(typed)
        timings.append((time.perf_counter() - start) * 1000)
    result = {
        "benchmark": "accents",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "questions": {"fit": len(fit), "held_out": len(held)},
        "catalogue_words_only": {
            "fit": accuracy(catalogue.restore, fit),
            "held_out": accuracy(catalogue.restore, held),
        },
        "with_general_vietnamese": {"fit": accuracy(full.restore, fit), "held_out": accuracy(full.restore, held)},
        "restore_ms": {"p50": round(statistics.median(timings), 3), "p95": round(float(np.percentile(timings, 95)), 3)},
    }
    out = ROOT / "eval/benchmarks/results/bench_accents.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
