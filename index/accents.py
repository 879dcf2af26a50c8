"""Diacritic restoration for questions typed without them.

The multilingual embedder reads "co so du lieu ve dan cu" poorly; "cơ sở dữ liệu về dân cư" it reads well. Each
syllable typed without diacritics becomes the accented syllable of the best path through a lattice of its
spellings (Viterbi), scored by:
- the indexed records' syllable and adjacent-pair document frequencies (the catalogues' own words: "hộ tịch");
- general Vietnamese (`index.vietnamese`): running-text syllable and pair counts, and pairs that occur inside one
  dictionary word ("buôn bán", "an táng") — the words users put around a database's name;
- the function words of questions ("nào", "có", "đâu", "bao nhiêu"), which neither source weighs enough.
The weights were chosen on the diacritic-bearing questions of eval/gold/dev.jsonl, test.jsonl and blind batches
01–08, and are reported on the later batches by eval/benchmarks/bench_accents.py (syllables restored right on
batches 09–27: 0.828 with the catalogues' words alone, 0.936 with all three). Unknown words are left as typed.

>>> # AccentRestorer.from_bm25(vocab, df).restore("co so du lieu ve dan cu") == "cơ sở dữ liệu về dân cư"
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from corpus.text import fold_accents
from index.analyze import FOLD_PREFIX
from index.vietnamese import FUNCTION_WORDS, LanguageStatistics

_WORD = re.compile(r"\w+")
# Weights of the path score (see the module docstring for how they were chosen).
CORPUS_UNIGRAM = 0.5  # × log(1 + records holding the syllable)
LANGUAGE_UNIGRAM = 0.5  # × log(1 + running-text count)
CORPUS_BIGRAM = 3.0  # × log(1 + records holding the pair): a pair of the catalogues outweighs a frequent syllable
LANGUAGE_BIGRAM = 2.0  # × log(1 + running-text count of the pair)
DICTIONARY_PAIR = 2.0  # the pair occurs inside one dictionary word
FUNCTION_WORD = 3.0  # a function word of questions
GENERAL_SPELLINGS = 6  # spellings kept per folded syllable besides the catalogues' own


class AccentRestorer:
    """Chooses accented spellings for unaccented syllables (catalogue and general Vietnamese statistics).

    Args:
        unigrams: accented syllable → how many indexed records hold it.
        bigrams: (syllable, next syllable) → how many indexed records hold the pair.
        language: general Vietnamese statistics (`index.vietnamese.general_vietnamese()`); empty by default.
    """

    def __init__(
        self,
        unigrams: Mapping[str, int],
        bigrams: Mapping[tuple[str, str], int],
        language: LanguageStatistics | None = None,
    ) -> None:
        self._unigrams = dict(unigrams)
        self._bigrams = dict(bigrams)
        self._language = language or LanguageStatistics()
        self._function_words = FUNCTION_WORDS if language is not None else frozenset()
        spellings = set(self._unigrams) | {s for s in self._language.syllables if s.isalpha()}
        if language is not None:
            spellings |= FUNCTION_WORDS
        self._score = {s: self._syllable_score(s) for s in spellings}
        candidates: dict[str, list[str]] = defaultdict(list)
        for syllable in sorted(spellings, key=lambda s: (-self._score[s], s)):
            candidates[fold_accents(syllable)].append(syllable)
        # Every spelling of the catalogues is kept; of the other spellings only the likeliest few (a folded syllable
        # such as "a" has 18): the lattice stays small and the accuracy is the same (bench_accents.py).
        self._candidates = {
            folded: [s for i, s in enumerate(group) if s in self._unigrams or i < GENERAL_SPELLINGS]
            for folded, group in candidates.items()
        }

    @classmethod
    def from_bm25(
        cls, vocab: Mapping[str, int], document_frequency: np.ndarray, language: LanguageStatistics | None = None
    ) -> AccentRestorer:
        """Build from a BM25 vocabulary (token → column), each column's document frequency and, optionally,
        general Vietnamese statistics."""
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
        return cls(unigrams, bigrams, language)

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
        """The candidate sequence with the highest sum of syllable and pair scores."""
        lattice = [self._candidates.get(w) or [w] for w in words]
        scores = [self._score.get(c, 0.0) for c in lattice[0]]
        back: list[list[int]] = []
        for prev_column, column in zip(lattice, lattice[1:], strict=False):
            new_scores, pointers = [], []
            for cand in column:
                options = [scores[j] + self._pair_score(p, cand) for j, p in enumerate(prev_column)]
                j = int(np.argmax(options))
                new_scores.append(options[j] + self._score.get(cand, 0.0))
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

    def _syllable_score(self, syllable: str) -> float:
        score = CORPUS_UNIGRAM * math.log1p(self._unigrams.get(syllable, 0))
        score += LANGUAGE_UNIGRAM * math.log1p(self._language.unigrams.get(syllable, 0))
        return score + (FUNCTION_WORD if syllable in self._function_words else 0.0)

    def _pair_score(self, first: str, second: str) -> float:
        pair = (first, second)
        score = CORPUS_BIGRAM * math.log1p(self._bigrams.get(pair, 0))
        if self._language.bigrams:
            score += LANGUAGE_BIGRAM * math.log1p(self._language.bigrams.get(pair, 0))
        return score + (DICTIONARY_PAIR if pair in self._language.dictionary_pairs else 0.0)


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
