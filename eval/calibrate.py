"""Fit the assistant's abstention (and the baseline's threshold) out of fold, and write them as data.

    python -m eval.calibrate            # refit, write assistant/calibration.json and eval/baseline.json

Data: the turns that ask about one record (kinds field, paraphrase, nodiacritics, abbrev, compare, clause, the
first turn of a follow-up, and every out-of-scope turn that names no uncovered province) of the pooled gold — dev, every
blind batch that already has its first-sight row, their surface variants and the generated negatives. Each
(turn, candidate document) pair is one row: the features of the document's best entry, labelled 1 when that entry
is a gold id. Rows are split into 5 folds grouped by gold item (a question and its variants never straddle
folds); the threshold is the highest that keeps the out-of-fold refusal of answerable slots (the right record
is among the candidates) at or below `MAX_REFUSED` (the issue's operating point: answerable refused ≤ 2 %).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.abstain import CALIBRATION_FILE
from assistant.candidates import FEATURES, CandidateGenerator
from assistant.question import understand
from eval.gold import GoldItem, Kind, load_gold
from eval.ledger import recorded_batches

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "eval" / "gold"
BASELINE_FILE = Path(__file__).with_name("baseline.json")
MAX_REFUSED = 0.02
FOLDS = 5
ENTRY_KINDS = {
    Kind.FIELD, Kind.PARAPHRASE, Kind.NODIACRITICS, Kind.ABBREV, Kind.COMPARE, Kind.FOLLOWUP, Kind.OOS, Kind.CLAUSE,
}  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One candidate document of one gold turn."""

    group: str  # the gold item it comes from (variants share their original's group)
    source: str  # file stem
    features: list[float]
    label: int
    negative_turn: bool  # the turn expects not_found
    slot: str = ""  # the (turn, document) the candidate competes in
    question: str = ""
    candidate: str = ""
    gated: bool = False  # a deterministic refusal answers the turn before the model (the baseline still sees it)


def gold_files() -> list[Path]:
    """Dev, the blind batches that have their first-sight row, and the generated files."""
    recorded = recorded_batches(GOLD / "blind" / "LEDGER.md")
    blind = [p for p in sorted((GOLD / "blind").glob("*.jsonl")) if p.stem in recorded]
    generated = sorted((GOLD / "generated").glob("*.jsonl"))
    return [GOLD / "dev.jsonl", *blind, *generated]


def rows_of(items: list[GoldItem], source: str, generator: CandidateGenerator) -> list[Row]:
    """Feature rows of the eligible turns of the items. A turn with a province that has no catalogue is left out;
    one that another deterministic refusal answers before the model (a decision number or year that is not one of
    ours, a question the scope model puts outside the catalogues) is kept — it is a negative the model should
    refuse too — and marked `gated`, so the operating point is also reported on the turns that reach the model."""
    from assistant.planner import Planner
    from assistant.scope import load_scope_model

    index = generator.index
    all_docs = [d.id for d in index.corpus.documents()]
    gates = Planner(index, generator, None)
    scope = load_scope_model()
    out: list[Row] = []
    for item in items:
        if item.kind not in ENTRY_KINDS:
            continue
        turn = item.turns[0]
        if turn.expect_status == "answered" and not turn.gold_ids:
            continue
        if turn.expect_status not in ("answered", "not_found"):
            continue
        q = understand(turn.q, index)
        if q.foreign_provinces and not q.documents:
            continue  # refused deterministically: a province with no catalogue here
        # Refused before the model: not one of our decisions, or not about the catalogues.
        gated = gates.unknown_decision(q, q.documents) or scope.outside(q.text)
        if q.wants_list or q.wants_count or q.meta:
            continue
        raw = generator.raw(q.text)
        for doc in q.documents or all_docs:
            evidence = generator.for_document(raw, doc, q.topic)
            for i, candidate in enumerate(evidence.judged):
                label = int(turn.expect_status == "answered" and _matches(candidate.id, turn.gold_ids))
                out.append(
                    Row(_group(item), source, evidence.row(i), label, turn.expect_status == "not_found",
                        f"{source}:{item.id}:{doc}", turn.q, candidate.id, gated)
                )  # fmt: skip
    return out


def _group(item: GoldItem) -> str:
    """The fold group of an item: variants with their original, generated negatives by what they were made from
    (the templates of one database and province, or of one public-service topic, never straddle folds)."""
    if item.id.startswith("gen-") and item.note:
        return "gen:" + item.note  # "… hai-duong-2022/15 asked of ha-tinh-2022" or "… outside the catalogues: <topic>"
    return item.id.split("~")[0]


def _matches(record_id: str, gold_ids: list[str]) -> bool:
    """The record is a gold id, or (a clause) of the same clause family as one: the point is picked later."""
    if record_id in gold_ids:
        return True
    if "/dieu-" not in record_id:
        return False
    from assistant.clauses import family

    return any("/dieu-" in g and family(g) == family(record_id) for g in gold_ids)


def threshold_for(probabilities: np.ndarray, labels: np.ndarray, max_refused: float = MAX_REFUSED) -> float:
    """The highest threshold at which at most `max_refused` of the positive rows fall below it."""
    positives = np.sort(probabilities[labels == 1])
    if positives.size == 0:
        return 0.5
    allowed = int(np.floor(max_refused * positives.size))
    return float(positives[allowed]) - 1e-9


def chosen_per_slot(rows: list[Row], probabilities: np.ndarray) -> np.ndarray:
    """Indices of the most probable candidate of each (turn, document) slot — what the assistant answers with."""
    best: dict[str, int] = {}
    for i, r in enumerate(rows):
        if r.slot not in best or probabilities[i] > probabilities[best[r.slot]]:
            best[r.slot] = i
    return np.array(sorted(best.values()), dtype=int)


def pipeline(degree: int) -> Any:
    """standardise → polynomial terms (degree 2: pairwise products) → standardise → logistic (C = 1, the default)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    if degree == 1:
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000))
    return make_pipeline(
        StandardScaler(), PolynomialFeatures(degree), StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)
    )


def out_of_fold(rows: list[Row], columns: list[int], degree: int = 2) -> np.ndarray:
    """Each row's probability from a model fitted on the folds that do not hold its gold item."""
    from sklearn.model_selection import GroupKFold

    x = np.array([[r.features[c] for c in columns] for r in rows], dtype=np.float64)
    y = np.array([r.label for r in rows])
    groups = np.array([r.group for r in rows])
    oof = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        oof[test] = pipeline(degree).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return oof


def fit(rows: list[Row], columns: list[int]) -> dict[str, Any]:
    """Out-of-fold probabilities, the threshold they give, the operating point, and the model fitted on all.

    One feature (the baseline) is fitted as a plain logistic; several with their pairwise products.
    """

    degree = 1 if len(columns) == 1 else 2
    x = np.array([[r.features[c] for c in columns] for r in rows], dtype=np.float64)
    y = np.array([r.label for r in rows])
    oof = out_of_fold(rows, columns, degree)
    chosen = chosen_per_slot(rows, oof)
    slot_y = y[chosen]
    slot_p = oof[chosen]
    # A slot whose right record is among its candidates is answerable: refusing it is the error bounded here.
    answerable = {r.slot for r in rows if r.label}
    slot_answerable = np.array([rows[i].slot in answerable for i in chosen])
    threshold = threshold_for(slot_p, slot_answerable.astype(int))
    model = pipeline(degree).fit(x, y)
    scaler, logistic = model.steps[0][1], model.steps[-1][1]
    negative = np.array([rows[i].negative_turn for i in chosen])
    gated = np.array([rows[i].gated for i in chosen])
    accepted = slot_p >= threshold
    operating = {
        "candidate_rows": int(len(rows)),
        "slots": int(len(chosen)),
        "answerable_slots": int(slot_answerable.sum()),
        "answerable_refused": float(np.mean(~accepted[slot_answerable])) if slot_answerable.any() else None,
        "answerable_chosen_right": float(np.mean(slot_y[slot_answerable] == 1)) if slot_answerable.any() else None,
        "answered_right": float(np.mean(slot_y[accepted & slot_answerable] == 1))
        if (accepted & slot_answerable).any()
        else None,  # noqa: E501
        "out_of_scope_refused": float(np.mean(~accepted[negative])) if negative.any() else None,
        # The same, over the out-of-scope turns that no deterministic refusal answers first (what serving sees).
        "out_of_scope_refused_reaching_model": _share(~accepted[negative & ~gated]),
        "no_right_candidate_refused": float(np.mean(~accepted[~slot_answerable & ~negative]))
        if (~slot_answerable & ~negative).any()
        else None,
    }
    fitted: dict[str, Any] = {
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "coef": logistic.coef_[0].tolist(),
        "intercept": float(logistic.intercept_[0]),
        "threshold": threshold,
        "out_of_fold": operating,
    }
    if degree > 1:
        poly, scaler2 = model.steps[1][1], model.steps[2][1]
        fitted |= {"powers": poly.powers_.tolist(), "mean2": scaler2.mean_.tolist(), "scale2": scaler2.scale_.tolist()}
    return fitted


def _share(mask: np.ndarray) -> float | None:
    """The share of True in a boolean array (None when empty)."""
    return float(np.mean(mask)) if mask.size else None


def data_sha256(files: list[Path]) -> str:
    """Hash of the pooled gold files' bytes, in order."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def main() -> int:
    """Fit one model per kind of retriever (hybrid, bm25, dense) and the baseline's threshold (hybrid)."""
    from api.settings import get_settings
    from assistant.matching import CatalogueIndex
    from corpus.build import load_or_build
    from index.build import open_retriever
    from index.embedder import load_embedder

    settings = get_settings()
    corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
    index = CatalogueIndex(corpus)
    model = load_embedder(settings.embedder, settings.models_dir)
    files = gold_files()
    info = {"data_sha256": data_sha256(files), "files": [str(f.relative_to(REPO)) for f in files],
            "embedder": settings.embedder, "max_refused": MAX_REFUSED, "folds": FOLDS}  # fmt: skip
    items = {f.stem: load_gold(f) for f in files}
    models: dict[str, Any] = {}
    report: dict[str, Any] = {}
    for kind in ("hybrid", "bm25", "dense") if model is not None else ("bm25",):
        retriever = open_retriever(corpus, settings.index_dir, embedder=model, kind=kind)
        generator = CandidateGenerator(retriever, index)
        rows = [r for name, its in items.items() for r in rows_of(its, name, generator)]
        models[kind] = {"features": list(FEATURES), **fit(rows, list(range(len(FEATURES)))), **info}
        report[kind] = models[kind]["out_of_fold"]
        if kind == "hybrid":
            # The baseline answers the fused first record: its threshold is fitted on those rows alone.
            first = [r for r in rows if r.features[FEATURES.index("fused_rank")] == 0]
            baseline = fit(first, [FEATURES.index("bm25_log")])
            BASELINE_FILE.write_text(
                json.dumps({"features": ["bm25_log"], **baseline, **info}, indent=2) + "\n", encoding="utf-8"
            )
            report["baseline"] = baseline["out_of_fold"]
    # Kinds not refitted this run (no embedder: bm25 only) keep their model.
    kept = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8")) if CALIBRATION_FILE.exists() else {}
    CALIBRATION_FILE.write_text(json.dumps({**kept, **models}, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
