"""Retrieval quality and latency on the gold set: BM25, dense and hybrid side by side, with their variants.

Questions: every turn of eval/gold/dev.jsonl with exactly one gold id that can be asked on its own (the first turn
of a follow-up conversation, not the later ones). Each is asked as written and with its diacritics removed, with
no filter ("raw") and with the document filter the assistant derives from the province it names ("detected").

    .venv/bin/python eval/benchmarks/bench_retrieval.py [--gold eval/gold/dev.jsonl]

Writes eval/benchmarks/results/bench_retrieval.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from api.settings import Settings  # noqa: E402
from corpus.build import load_or_build  # noqa: E402
from corpus.store import Corpus  # noqa: E402
from corpus.text import fold_accents  # noqa: E402
from eval.gold import Kind, load_gold  # noqa: E402
from eval.metrics import hit_at_k, latency_summary, recall_at_k  # noqa: E402
from index.analyze import Analyzer  # noqa: E402
from index.bm25 import Bm25Retriever  # noqa: E402
from index.dense import DenseRetriever  # noqa: E402
from index.embedder import Embedder, load_embedder  # noqa: E402
from index.hybrid import DEFAULT_DEPTH, Fusion, HybridRetriever  # noqa: E402
from index.manifest import library_versions  # noqa: E402
from index.provinces import detect_documents  # noqa: E402
from index.retriever import Hit  # noqa: E402
from index.rows import Representation  # noqa: E402

RESULTS = ROOT / "eval" / "benchmarks" / "results"
ANALYZERS = {
    "syllables": Analyzer(bigrams=False),
    "syllables+bigrams": Analyzer(),
    "segmented words": Analyzer(bigrams=False, segment=True),
    "bigrams+segmented": Analyzer(segment=True),
    "bigrams+stopwords": Analyzer(stopwords=True),
    "bigrams, no folded copies": Analyzer(fold=False),
    "bigrams, no abbreviations": Analyzer(abbreviations=False),
}
WEIGHTS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

Search = Callable[[str, str | None], list[Hit]]


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    q: str
    gold: str


def single_gold_questions(gold_file: Path) -> list[Question]:
    """Turns with one gold id that stand on their own."""
    out: list[Question] = []
    for item in load_gold(gold_file):
        for n, turn in enumerate(item.turns):
            if len(turn.gold_ids) != 1 or (item.kind is Kind.FOLLOWUP and n > 0):
                continue
            out.append(Question(f"{item.id}#{n}", item.kind.value, turn.q, turn.gold_ids[0]))
    return out


class CachedQueries:
    """An embedder that remembers query vectors, so that variants share one encoding per question."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.model_id = embedder.model_id
        self.dim = embedder.dim
        self._cache: dict[str, np.ndarray] = {}

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self._cache]
        if missing:
            for t, v in zip(missing, self.inner.encode_queries(missing), strict=True):
                self._cache[t] = v
        return np.stack([self._cache[t] for t in texts])

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return self.inner.encode_documents(texts)


def scores(search: Search, questions: list[Question], corpus: Corpus) -> dict[str, dict[str, float]]:
    """hit@1 and recall@5 as written / without diacritics, raw / with the detected document filter."""
    out: dict[str, dict[str, float]] = {}
    for spelling in ("accented", "folded"):
        for mode in ("raw", "detected"):
            hits1, recalls = [], []
            for question in questions:
                q = question.q if spelling == "accented" else fold_accents(question.q)
                docs = detect_documents(q, corpus) if mode == "detected" else []
                ranked = [h.id for h in search(q, docs[0] if len(docs) == 1 else None)]
                hits1.append(hit_at_k(ranked, [question.gold], 1))
                recalls.append(recall_at_k(ranked, [question.gold], 5))
            out[f"{spelling}/{mode}"] = {
                "hit@1": round(float(np.mean(hits1)), 4),
                "recall@5": round(float(np.mean(recalls)), 4),
            }
    return out


def failures(search: Search, questions: list[Question], corpus: Corpus) -> list[dict[str, str]]:
    """Questions whose gold id is not first with the default pipeline (detected filter, as written)."""
    out = []
    for question in questions:
        docs = detect_documents(question.q, corpus)
        ranked = [h.id for h in search(question.q, docs[0] if len(docs) == 1 else None)]
        if not ranked or ranked[0] != question.gold:
            out.append({"id": question.id, "q": question.q, "gold": question.gold, "top": ranked[:3]})  # type: ignore[dict-item]
    return out


def latency(hybrid: HybridRetriever, questions: list[Question], corpus: Corpus) -> dict[str, float]:
    """Milliseconds per question for detect + analyse + embed + search + fuse (uncached embedder)."""
    for question in questions[:5]:
        hybrid.search(question.q, 10)
    timings = []
    for question in questions:
        started = time.perf_counter()
        docs = detect_documents(question.q, corpus)
        hybrid.search(question.q, 10, document=docs[0] if len(docs) == 1 else None)
        timings.append((time.perf_counter() - started) * 1000)
    return {k: round(v, 2) for k, v in latency_summary(timings).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold" / "dev.jsonl")
    parser.add_argument("--out", type=Path, default=RESULTS / "bench_retrieval.json")
    args = parser.parse_args()
    settings = Settings()
    corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
    questions = single_gold_questions(args.gold)
    started = time.perf_counter()
    embedder = load_embedder(settings.embedder, settings.models_dir)
    if embedder is None:
        print("an embedder is needed (CSDL_QA_EMBEDDER is 'none')", file=sys.stderr)
        return 1
    print(f"{len(questions)} questions; embedder {embedder.model_id} loaded in {time.perf_counter() - started:.1f} s")
    cached = CachedQueries(embedder)
    results: dict[str, object] = {}

    bm25s: dict[str, Bm25Retriever] = {}
    for name, analyzer in ANALYZERS.items():
        bm25s[name] = Bm25Retriever.build(corpus, analyzer)
        results[f"bm25 [{name}]"] = scores(lambda q, d, r=bm25s[name]: r.search(q, 10, document=d), questions, corpus)
        print(f"bm25 [{name}]: {results[f'bm25 [{name}]']}")
    bm25 = bm25s["syllables+bigrams"]

    denses: dict[Representation, DenseRetriever] = {}
    for representation in Representation:
        t0 = time.perf_counter()
        denses[representation] = DenseRetriever.build(corpus, cached, representation=representation)  # type: ignore[arg-type]
        dense = denses[representation]
        key = f"dense [{representation.value}]"
        results[key] = scores(lambda q, d, r=dense: r.search(q, 10, document=d), questions, corpus)
        print(f"{key} ({time.perf_counter() - t0:.0f} s to embed): {results[key]}")
        # What the hybrid's dense side sees: the question with its diacritics restored from the BM25 vocabulary.
        key = f"dense [{representation.value}, accents restored]"
        results[key] = scores(
            lambda q, d, r=dense: r.search(bm25.restore_accents(q), 10, document=d), questions, corpus
        )
        print(f"{key}: {results[key]}")
        for fusion, weights in [(Fusion.RRF, (0.5, 0.5)), *[(Fusion.WEIGHTED, (w, 1 - w)) for w in WEIGHTS]]:
            hybrid = HybridRetriever(bm25, dense, fusion=fusion, weights=weights)
            key = f"hybrid [{representation.value}, {fusion.value} {weights[0]:.1f}/{weights[1]:.1f}]"
            results[key] = scores(lambda q, d, r=hybrid: r.search(q, 10, document=d), questions, corpus)
            print(f"{key}: {results[key]}")

    from index.build import DEFAULT_REPRESENTATION
    from index.hybrid import DEFAULT_FUSION, DEFAULT_WEIGHTS

    default = HybridRetriever(bm25, denses[DEFAULT_REPRESENTATION])
    default_failures = failures(lambda q, d: default.search(q, 10, document=d), questions, corpus)
    default.dense.embedder = embedder  # latency is timed with real query encoding, not the cache
    report = {
        "benchmark": "bench_retrieval",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "parameters": {
            "gold": str(args.gold.relative_to(ROOT)) if args.gold.is_relative_to(ROOT) else str(args.gold),
            "questions": len(questions),
            "kinds": sorted({q.kind for q in questions}),
            "embedder": embedder.model_id,
            "default": {
                "analyzer": bm25.analyzer.version,
                "representation": DEFAULT_REPRESENTATION.value,
                "fusion": DEFAULT_FUSION.value,
                "weights": DEFAULT_WEIGHTS,
                "depth": DEFAULT_DEPTH,
            },
            "corpus": {"entries": len(corpus.entries()), "clauses": len(corpus.clauses())},
        },
        "versions": library_versions(),
        "load_average": os.getloadavg(),
        "results": results,
        "default_failures": default_failures,
        "latency_ms": latency(default, questions, corpus),
        "targets": {"hit@1": 0.95, "recall@5": 0.99, "p50_ms": 50, "p95_ms": 100},
    }
    print(f"latency (detect+analyse+embed+search+fuse): {report['latency_ms']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
