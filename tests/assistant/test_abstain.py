"""Calibrated abstention: the shipped model is data, computes what scikit-learn fitted, and meets its target."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.abstain import CALIBRATION_FILE, Calibration, CalibrationError, load_calibration
from assistant.candidates import FEATURES


def test_logistic_without_polynomial_terms_is_the_sigmoid_of_the_standardised_sum() -> None:
    model = Calibration(("a", "b"), (1.0, 0.0), (2.0, 1.0), (1.0, -1.0), 0.5, 0.5)
    z = 0.5 + (3.0 - 1.0) / 2.0 - (1.0 - 0.0) / 1.0
    assert model.probability([3.0, 1.0]) == pytest.approx(1 / (1 + np.exp(-z)))


def test_probability_matches_the_scikit_learn_pipeline_it_was_read_from() -> None:
    from eval.calibrate import pipeline

    rng = np.random.default_rng(7)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] * x[:, 1] + x[:, 2] > 0).astype(int)
    fitted = pipeline(2).fit(x, y)
    scaler, poly, scaler2, logistic = (step for _, step in fitted.steps)
    model = Calibration(
        ("a", "b", "c"), tuple(scaler.mean_), tuple(scaler.scale_), tuple(logistic.coef_[0]),
        float(logistic.intercept_[0]), 0.5, tuple(map(tuple, poly.powers_)), tuple(scaler2.mean_),
        tuple(scaler2.scale_),
    )  # fmt: skip
    expected = fitted.predict_proba(x[:20])[:, 1]
    assert [model.probability(row) for row in x[:20]] == pytest.approx(list(expected), abs=1e-9)


def test_a_model_fitted_on_other_features_is_refused() -> None:
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))["hybrid"]
    with pytest.raises(CalibrationError):
        Calibration.from_json(data, ["bm25_log"])


@pytest.mark.parametrize("kind", ["hybrid", "bm25", "dense"])
def test_shipped_model_meets_its_operating_point_out_of_fold(kind: str) -> None:
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))[kind]
    load_calibration(kind, FEATURES)
    assert data["out_of_fold"]["answerable_refused"] <= data["max_refused"] + 1e-9
    assert len(data["data_sha256"]) == 64
