"""Which columns of the chosen entry answer the question: the cue's column as a prior, the words as evidence.

Users ask about a column in their own words ("ai nhập dữ liệu" is the collection column, "lấy dữ liệu từ hệ
thống nào" the sources, "áp dụng cho những đối tượng nào" the scope). Every column of the entry is scored by the
question's words that are not the database's own name (nor the province's), each weighted by its rarity across
the catalogues; the answer gives the cue's column(s) — the default columns when no cue fired — plus the best
evidenced column when it holds a word that is not common to many entries. A learned prior
(`assistant.field_prior`) reads the column asked from the words that are not the database's name and adds its
most probable column, so a column asked in words no cue lists is still answered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from assistant.answering import DEFAULT_FIELDS, field_value
from assistant.field_prior import FieldPrior, aspect_text
from assistant.matching import CatalogueIndex, content_words, folded_pairs, query_terms, record_terms
from assistant.question import Field

# Columns that can carry the answer to a question about an entry, in the order ties are broken.
EVIDENCE_FIELDS = (
    Field.CONTENT, Field.COLLECTION, Field.SCOPE, Field.PURPOSE, Field.NOTES, Field.SHARING, Field.AGENCY,
)  # fmt: skip


def column_evidence(
    index: CatalogueIndex, entry_id: str, words: Sequence[str], question: str = ""
) -> dict[Field, float]:
    """Rarity-weighted share of the question's non-name words that each column of the entry holds.

    Args:
        index: the catalogue's word statistics.
        entry_id: the chosen entry.
        words: the question's content words (accented where typed with accents).
        question: the question as typed, for its word pairs.

    Returns:
        Column → evidence in [0, 1.5]: the rarity-weighted share of non-generic words it holds (only words some
        record holds count) plus half the share of the question's word pairs (outside the name) it holds.
    """
    profile = index.entries[entry_id]
    keys, _ = query_terms(list(words))
    residual = [k for k in keys if k not in profile.name_terms and index.document_frequency(k) > 0]
    residual = [k for k in residual if not index.is_generic(k.lstrip("~"))]
    places = index.places
    name_pairs = folded_pairs(profile.entry.name)
    asked = folded_pairs(question) if question else frozenset()
    pairs = {p: _pair_weight(index, p) for p in asked if p not in name_pairs and not set(p) & places}
    total = sum(pairs.values())
    out: dict[Field, float] = {}
    for fld in EVIDENCE_FIELDS:
        text = field_value(profile.entry, fld)
        if not text:
            out[fld] = 0.0
            continue
        terms, held = _column_keys(text)
        words_held = index.cover(residual, terms) if residual else 0.0
        # Word pairs with their function words ("từ hệ thống", "nhập dữ liệu") tell columns apart that share
        # their content words; each pair counts once, far less than a rare word.
        pairs_held = sum(w for p, w in pairs.items() if p in held) / total if total else 0.0
        out[fld] = words_held + 0.5 * pairs_held
    return out


@lru_cache(maxsize=4096)
def _column_keys(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """A column's match keys and folded word pairs (cached: the same cells are read for every question)."""
    return frozenset(record_terms(content_words(text))), folded_pairs(text)


def _pair_weight(index: CatalogueIndex, pair: tuple[str, str]) -> float:
    """Rarity of a word pair across the entries' columns: log(N / df), 0 for a pair a quarter of entries hold."""
    n, df = len(index.entries), index.column_pair_df
    seen = df.get(pair, 0)
    return 0.0 if seen > 0.25 * n else math.log((n + 1) / (seen + 1))


def best_evidenced(index: CatalogueIndex, entry_id: str, words: Sequence[str], question: str = "") -> Field | None:
    """The column that holds most of the question's non-name words, or None when none holds any."""
    evidence = column_evidence(index, entry_id, words, question)
    best = max(EVIDENCE_FIELDS, key=lambda f: evidence[f])
    return best if evidence[best] > 0 else None


def fields_for(
    index: CatalogueIndex,
    entry_id: str,
    cue_fields: Sequence[Field],
    words: Sequence[str],
    question: str = "",
    prior: FieldPrior | None = None,
) -> list[Field]:
    """The columns to answer with: the cue's (or the default ones), the prior's most probable one and the best
    evidenced one, in that order (the agency always first)."""
    chosen = list(dict.fromkeys(cue_fields)) or list(DEFAULT_FIELDS)
    if Field.AGENCY not in chosen:
        chosen.insert(0, Field.AGENCY)  # which database answers is half the answer; who manages it the other half
    asked = asked_field(index, entry_id, question, prior)
    if asked is not None and asked not in chosen:
        chosen.append(asked)
    if Field.COLLECTION in chosen and Field.CONTENT not in chosen:
        # Where data comes from is written across two columns of these catalogues: the collection mechanism and
        # the content ("Dữ liệu về … từ Hệ thống …"); a question about sources is answered from both.
        chosen.append(Field.CONTENT)
    best = best_evidenced(index, entry_id, words, question)
    if best is not None and best not in chosen:
        chosen.append(best)
    return chosen


def asked_field(
    index: CatalogueIndex, entry_id: str, question: str, prior: FieldPrior | None, floor: float = 0.0
) -> Field | None:
    """The prior's most probable column for a question about the entry, when its probability reaches `floor`."""
    if prior is None or not question:
        return None
    aspect = aspect_text(question, index.entries[entry_id].entry.name, index.places)
    field, probability = prior.best(aspect)
    return field if probability >= floor else None
