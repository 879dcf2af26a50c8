"""A small text classifier stored as data: TF-IDF weighted folded words and word pairs, then logistic regression.

The models of `assistant.field_prior` (which column a question asks) and `assistant.scope` (whether it asks about
the catalogues at all) are fitted with scikit-learn by scripts in `eval/` and written to JSON; inference here is
plain Python, term for term what scikit-learn's `TfidfVectorizer(analyzer=terms, sublinear_tf=True)` (l2 norm) and
`LogisticRegression.predict_proba` compute (binary: one coefficient row, softmax over [−z, z]).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.lexicon import fold


class TextModelError(ValueError):
    """A model file is missing or malformed."""


def terms(text: str) -> list[str]:
    """The model's terms of a text: folded words and adjacent word pairs ('nguon', 'lay du', …)."""
    words = fold(text).split()
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class TextClassifier:
    """P(class | text) for a fitted TF-IDF + logistic model."""

    classes: tuple[str, ...]
    vocabulary: dict[str, tuple[int, float]]  # term → (column of the coefficient rows, idf)
    coef: tuple[tuple[float, ...], ...]  # one row per class (one row in all for two classes)
    intercept: tuple[float, ...]
    info: dict[str, Any]

    def probabilities(self, text: str) -> dict[str, float]:
        """Class → probability (they sum to 1)."""
        counts = Counter(t for t in terms(text) if t in self.vocabulary)
        x = {self.vocabulary[t][0]: (1.0 + math.log(n)) * self.vocabulary[t][1] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in x.values())) or 1.0
        rows = zip(self.coef, self.intercept, strict=True)
        logits = [b + sum(row[j] * v / norm for j, v in x.items()) for row, b in rows]
        if len(self.classes) == 2 and len(logits) == 1:
            p = 1.0 / (1.0 + math.exp(-max(min(logits[0], 50.0), -50.0)))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextClassifier:
        """Read a fitted model; raises `TextModelError` when it is malformed."""
        try:
            classes = tuple(str(c) for c in data["classes"])
            pairs = zip(data["terms"], data["idf"], strict=True)
            vocabulary = {str(t): (i, float(w)) for i, (t, w) in enumerate(pairs)}
            coef = tuple(tuple(float(v) for v in row) for row in data["coef"])
            intercept = tuple(float(v) for v in data["intercept"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TextModelError(f"text model malformed: {exc}") from exc
        rows = 1 if len(classes) == 2 else len(classes)
        if len(coef) != rows or len(intercept) != rows or any(len(r) != len(vocabulary) for r in coef):
            raise TextModelError("text model malformed: shapes of classes, terms and coefficients disagree")
        info = {k: v for k, v in data.items() if k not in ("classes", "terms", "idf", "coef", "intercept")}
        return cls(classes, vocabulary, coef, intercept, info)


def load_text_model(path: Path) -> TextClassifier:
    """A fitted model from its JSON file; raises `TextModelError` when missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TextModelError(f"cannot read {path}: {exc}") from exc
    return TextClassifier.from_json(data)


def export(pipeline: Any) -> dict[str, Any]:
    """A fitted scikit-learn (TfidfVectorizer, LogisticRegression) pipeline as data for `TextClassifier`."""
    vectorizer, logistic = pipeline.steps[0][1], pipeline.steps[-1][1]
    vocabulary = vectorizer.vocabulary_
    return {
        "classes": [str(c) for c in logistic.classes_],
        "terms": sorted(vocabulary, key=vocabulary.__getitem__),
        "idf": vectorizer.idf_.tolist(),
        "coef": logistic.coef_.tolist(),
        "intercept": logistic.intercept_.tolist(),
    }
