"""Calibrated abstention: the probability that a document's best record is what the question asks about.

A logistic model over the raw evidence of `assistant.candidates.FEATURES` and their pairwise products
(standardise → degree-2 polynomial → standardise → logistic, as scikit-learn's pipeline computes it), fitted out
of fold by
`eval/calibrate.py` (scikit-learn, k-fold grouped by gold item) on blind gold and generated negatives, and loaded
here as data: `calibration.json` holds the standardisation, the coefficients, the threshold chosen on out-of-fold
predictions for the stated operating point, and the SHA-256 of the data it was fitted on. Nothing is hand-set.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")


class CalibrationError(ValueError):
    """The calibration file is missing, malformed, or fitted on other features than the code computes."""


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic model and its operating threshold."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    powers: tuple[tuple[int, ...], ...] = ()  # polynomial terms (exponent per feature); () = the features as they are
    mean2: tuple[float, ...] = ()
    scale2: tuple[float, ...] = ()
    info: dict[str, Any] = field(default_factory=dict)

    def probability(self, row: Sequence[float]) -> float:
        """P(the candidate is right) for one feature row in `features` order."""
        mean, scale, powers, mean2, scale2, coef = self._arrays()
        if len(row) != len(mean):
            raise CalibrationError(f"a feature row of {len(row)} values for a model of {len(mean)} features")
        z = (np.asarray(row, dtype=float) - mean) / scale
        if self.powers:
            z = (np.prod(z[None, :] ** powers, axis=1) - mean2) / scale2
        logit = self.intercept + float(coef @ z)
        return 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))

    def _arrays(self) -> tuple[np.ndarray, ...]:
        """The parameters as NumPy arrays, built once (a zero scale counts as 1, as in the fit)."""
        cached = self.__dict__.get("_cached_arrays")
        if cached is None:
            def safe(values: Sequence[float]) -> np.ndarray:
                return np.where(np.asarray(values, dtype=float) == 0, 1.0, np.asarray(values, dtype=float))

            cached = (
                np.asarray(self.mean, dtype=float), safe(self.scale), np.asarray(self.powers, dtype=float),
                np.asarray(self.mean2, dtype=float), safe(self.scale2), np.asarray(self.coef, dtype=float),
            )  # fmt: skip
            object.__setattr__(self, "_cached_arrays", cached)
        return cached

    def accepts(self, row: Sequence[float]) -> bool:
        """True when the probability reaches the fitted threshold."""
        return self.probability(row) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
            "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold,
            "powers": [list(p) for p in self.powers], "mean2": list(self.mean2), "scale2": list(self.scale2),
            **self.info,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any], expected: Sequence[str]) -> Calibration:
        """Read a model; raises `CalibrationError` when its features are not `expected`."""
        try:
            features = tuple(data["features"])
            model = cls(
                features=features,
                mean=tuple(float(x) for x in data["mean"]),
                scale=tuple(float(x) for x in data["scale"]),
                coef=tuple(float(x) for x in data["coef"]),
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                powers=tuple(tuple(int(e) for e in p) for p in data.get("powers", [])),
                mean2=tuple(float(x) for x in data.get("mean2", [])),
                scale2=tuple(float(x) for x in data.get("scale2", [])),
                info={k: v for k, v in data.items() if k not in cls.__dataclass_fields__},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationError(f"calibration malformed: {exc}") from exc
        terms = len(model.powers) or len(features)
        shapes_ok = len(model.mean) == len(model.scale) == len(features) and len(model.coef) == terms
        if model.powers:
            shapes_ok = shapes_ok and len(model.mean2) == len(model.scale2) == terms
            shapes_ok = shapes_ok and all(len(p) == len(features) for p in model.powers)
        if features != tuple(expected) or not shapes_ok:
            raise CalibrationError(f"calibration fitted on {features}, the code computes {tuple(expected)}")
        return model


def load_calibration(name: str, expected: Sequence[str], path: Path = CALIBRATION_FILE) -> Calibration:
    """The model `name` ("entry") from the calibration file; raises `CalibrationError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CalibrationError(f"cannot read {path}: {exc}") from exc
    if name not in data:
        raise CalibrationError(f"{path} has no model '{name}'")
    return Calibration.from_json(data[name], expected)
