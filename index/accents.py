"""Diacritic restoration for questions typed without them, from the corpus's own syllables and bigrams.

The multilingual embedder reads "co so du lieu ve dan cu" poorly; "cơ sở dữ liệu về dân cư" it reads well. Each
syllable without diacritics is replaced by the accented syllable that makes the most frequent bigrams in the
indexed records (a Viterbi pass over the corpus's document frequencies); unknown words are left as typed.

>>> # AccentRestorer.from_bm25(bm25).restore("co so du lieu ve dan cu") == "cơ sở dữ liệu về dân cư"
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from corpus.text import fold_accents
from index.analyze import FOLD_PREFIX

_WORD = re.compile(r"\w+")
# A bigram seen in the corpus outweighs any unigram preference; unseen bigrams cost nothing extra.
_BIGRAM_WEIGHT = 3.0


class AccentRestorer:
    """Chooses accented spellings for unaccented syllables from syllable and bigram document frequencies."""

    def __init__(self, unigrams: Mapping[str, int], bigrams: Mapping[tuple[str, str], int]) -> None:
        self._unigrams = dict(unigrams)
        self._bigrams = dict(bigrams)
        self._candidates: dict[str, list[str]] = defaultdict(list)
        for syllable in self._unigrams:
            self._candidates[fold_accents(syllable)].append(syllable)

    @classmethod
    def from_bm25(cls, vocab: Mapping[str, int], document_frequency: np.ndarray) -> AccentRestorer:
        """Build from a BM25 vocabulary (token → column) and each column's document frequency."""
        unigrams: dict[str, int] = {}
        bigrams: dict[tuple[str, str], int] = {}
        for token, column in vocab.items():
            if not token or token.startswith(FOLD_PREFIX) or column >= len(document_frequency):
                continue
            parts = token.split(" ")
            if len(parts) == 1 and "_" not in token:
                unigrams[token] = int(document_frequency[column])
            elif len(parts) == 2:
                bigrams[(parts[0], parts[1])] = int(document_frequency[column])
        return cls(unigrams, bigrams)

    def restore(self, text: str) -> str:
        """The text with each unaccented known syllable given its likeliest diacritics; the rest unchanged."""
        if has_diacritics(text):
            return text  # already typed with diacritics: trust the user
        matches = list(_WORD.finditer(text))
        if not matches:
            return text
        words = [m.group(0) for m in matches]
        best = self._viterbi([w.lower() for w in words])
        out, last = [], 0
        for m, word, choice in zip(matches, words, best, strict=True):
            out.append(text[last : m.start()])
            out.append(_same_case(word, choice))
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def _viterbi(self, words: list[str]) -> list[str]:
        """The candidate sequence with the highest unigram + weighted bigram log-frequency."""
        lattice = [self._candidates.get(w) or [w] for w in words]
        scores = [self._unigram(c) for c in lattice[0]]
        back: list[list[int]] = []
        for prev_column, column in zip(lattice, lattice[1:], strict=False):
            new_scores, pointers = [], []
            for cand in column:
                options = [
                    scores[j] + _BIGRAM_WEIGHT * math.log1p(self._bigrams.get((p, cand), 0))
                    for j, p in enumerate(prev_column)
                ]
                j = int(np.argmax(options))
                new_scores.append(options[j] + self._unigram(cand))
                pointers.append(j)
            scores = new_scores
            back.append(pointers)
        i = int(np.argmax(scores))
        path = [i]
        for pointers in reversed(back):
            i = pointers[i]
            path.append(i)
        path.reverse()
        return [lattice[n][k] for n, k in enumerate(path)]

    def _unigram(self, syllable: str) -> float:
        return math.log1p(self._unigrams.get(syllable, 0))


def has_diacritics(text: str) -> bool:
    """True when the text carries a Vietnamese diacritic or đ ("Hà Tĩnh"), False for "ha tinh" or "GPLX"."""
    return fold_accents(text) != text


def _same_case(original: str, replacement: str) -> str:
    """Carry the original's capitalisation over ("Ha" → "Hà", "GPLX" stays "GPLX")."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
