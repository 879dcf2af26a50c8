"""A learned prior over the column a question asks, read from the words that are not the database's name.

Users ask for a column in their own words ("chứa những loại dữ liệu gì", "lấy số liệu ở đâu", "theo những đợt
nào"); a fixed cue list cannot hold them all. This model (`assistant.text_model`: TF-IDF weighted folded words and
word pairs, multinomial logistic regression) reads the question's *aspect* — the folded question without the words
of the entry's name and of the provinces. It is fitted by `eval/fit_fields.py` on gold turns whose right column is
known from where their expected strings stand in the record, reported leave-one-batch-out, and stored as data in
`field_model.json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.cues import Field
from assistant.lexicon import fold
from assistant.text_model import TextClassifier, load_text_model

FIELD_MODEL_FILE = Path(__file__).with_name("field_model.json")


# Words of every database's name ("cơ sở dữ liệu", "hệ thống") say how a column is asked too ("gồm dữ liệu gì",
# "lấy từ hệ thống nào"): they stay in the aspect.
_GENERIC_NAME_WORDS = frozenset("co so du lieu he thong".split())


def aspect_text(question: str, name: str, places: frozenset[str]) -> str:
    """The question's folded words without those of the entry's name (but its generic words) and of the
    provinces."""
    drop = (set(fold(name).split()) - _GENERIC_NAME_WORDS) | places
    return " ".join(w for w in fold(question).split() if w not in drop)


@dataclass(frozen=True)
class FieldPrior:
    """P(column | aspect) for the columns a question about one entry can ask."""

    model: TextClassifier

    def probabilities(self, aspect: str) -> dict[Field, float]:
        """Column → probability (they sum to 1) for an aspect text (`aspect_text`)."""
        return {Field(c): p for c, p in self.model.probabilities(aspect).items()}

    def best(self, aspect: str) -> tuple[Field, float]:
        """The most probable column and its probability."""
        probs = self.probabilities(aspect)
        field = max(probs, key=probs.__getitem__)
        return field, probs[field]


def load_field_prior(path: Path = FIELD_MODEL_FILE) -> FieldPrior:
    """The fitted field prior; raises `TextModelError` when the file is missing or malformed."""
    return FieldPrior(load_text_model(path))
