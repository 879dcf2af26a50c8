"""Fit the scope model (`assistant/scope_model.json`): does a question ask about the catalogues at all?

    python -m eval.fit_scope            # report leave-one-batch-out, pick the threshold, refit on all, write

Users ask a portal's widget about public services too ("làm hộ chiếu cần giấy tờ gì", "lệ phí … bao nhiêu");
such a question can share every word with a database's name and still not be about the database. Labels: a first
turn that expects `not_found`, is of kind oos and names no database, data, system, catalogue or decision is
*outside*; every other first turn (answerable or not) is about the catalogues. The public-service topics of the
generated negatives (`eval.generate`, their phrases alone, without the question templates) are outside too. Data:
dev and every blind batch with its first-sight row. The threshold is the lowest at which at most `MAX_FALSE` of
the catalogue questions are called outside out of fold (each held-out source read by a model fitted without it).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from assistant.lexicon import fold
from assistant.scope import SCOPE_MODEL_FILE
from assistant.text_model import export, terms
from eval.fit_fields import training_files
from eval.generate import _OUTSIDE_TOPICS
from eval.gold import load_gold

REPO = Path(__file__).resolve().parents[1]
C = 10.0  # inverse regularisation (1 and 10 compared leave-one-batch-out: 10 recalls more at the same false rate)
MAX_FALSE = 0.0025  # share of catalogue questions the gate may refuse out of fold
_ABOUT_CATALOGUE = re.compile(r"co so du lieu|he thong|du lieu|danh muc|quyet dinh|uy ban nhan dan")


def scope_rows(files: list[Path]) -> list[tuple[str, str, int]]:
    """(source, folded question, 1 when outside the catalogues) for every first turn of the files."""
    rows = []
    for path in files:
        for item in load_gold(path):
            turn = item.turns[0]
            text = fold(turn.q)
            outside = turn.expect_status == "not_found" and item.kind == "oos" and not _ABOUT_CATALOGUE.search(text)
            rows.append((path.stem, text, int(outside)))
    return rows


def _model() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(analyzer=terms, sublinear_tf=True),
        LogisticRegression(C=C, max_iter=5000, class_weight="balanced"),
    )


def _fit(rows: list[tuple[str, str, int]]) -> Any:
    extra = [("generated", fold(t), 1) for t in _OUTSIDE_TOPICS]
    data = rows + extra
    return _model().fit([r[1] for r in data], [r[2] for r in data])


def out_of_fold(rows: list[tuple[str, str, int]]) -> np.ndarray:
    """P(outside) of each row from a model fitted without its source."""
    p = np.zeros(len(rows))
    for source in sorted({r[0] for r in rows}):
        held = [i for i, r in enumerate(rows) if r[0] == source]
        model = _fit([r for r in rows if r[0] != source])
        p[held] = model.predict_proba([rows[i][1] for i in held])[:, 1]
    return p


def threshold_for(p: np.ndarray, y: np.ndarray, max_false: float = MAX_FALSE) -> float:
    """The lowest threshold at which at most `max_false` of the catalogue rows reach it."""
    inside = np.sort(p[y == 0])[::-1]
    allowed = int(np.floor(max_false * inside.size))
    return float(max(inside[allowed] + 1e-6, 0.5)) if inside.size > allowed else 0.5


def main() -> int:
    """Report out of fold, pick the threshold, refit on all rows, write the model."""
    files = training_files()
    rows = scope_rows(files)
    y = np.array([r[2] for r in rows])
    p = out_of_fold(rows)
    threshold = threshold_for(p, y)
    report = {
        "threshold": threshold,
        "outside_rows": int(y.sum()),
        "catalogue_rows": int((y == 0).sum()),
        "outside_recalled": float(np.mean(p[y == 1] >= threshold)),
        "catalogue_refused": float(np.mean(p[y == 0] >= threshold)),
    }
    digest = hashlib.sha256(b"".join(f.name.encode() + f.read_bytes() for f in files)).hexdigest()
    data = {**export(_fit(rows)), "threshold": threshold, "C": C, "files": [str(f.relative_to(REPO)) for f in files],
            "data_sha256": digest, "out_of_fold": report}  # fmt: skip
    SCOPE_MODEL_FILE.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
