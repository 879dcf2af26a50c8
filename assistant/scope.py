"""Whether a question asks about the catalogues at all, or about a public service they do not hold.

"Làm hộ chiếu cần giấy tờ gì?", "Lệ phí cấp đổi giấy phép lái xe bao nhiêu?" share words with databases' names
(dân cư, giấy phép lái xe) but ask a procedure, a fee, a time: no catalogue answers them. A text model
(`assistant.text_model`) fitted by `eval/fit_scope.py` reads the question's words; its threshold is chosen out of
fold so that at most a quarter of a percent of catalogue questions are turned away (`scope_model.json` records
the figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.text_model import TextClassifier, load_text_model

SCOPE_MODEL_FILE = Path(__file__).with_name("scope_model.json")


@dataclass(frozen=True)
class ScopeModel:
    """P(the question is outside the catalogues) and the fitted threshold."""

    model: TextClassifier
    threshold: float

    def outside(self, question: str) -> bool:
        """True when the question asks about something no catalogue holds."""
        return self.model.probabilities(question).get("1", 0.0) >= self.threshold


def load_scope_model(path: Path = SCOPE_MODEL_FILE) -> ScopeModel:
    """The fitted scope model; raises `TextModelError` when the file is missing or malformed."""
    model = load_text_model(path)
    return ScopeModel(model, float(model.info.get("threshold", 0.5)))
