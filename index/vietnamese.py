"""General Vietnamese word statistics, read from the resources the underthesea package ships (no download).

Restoring diacritics from the catalogues' own words alone fails on the words users add around a database's
name — question words ("nào", "gì", "có"), everyday words ("buôn bán", "an táng") — which the three decisions
never use. Two resources of the installed underthesea package fill that gap:

- `corpus/data/Viet74K.txt`: a dictionary of 74,000 Vietnamese words and compounds; two syllables that follow
  each other inside one entry ("buôn bán", "hy sinh") are a plausible pair;
- the VLSP 2013 test sentences of its part-of-speech model (`pipeline/pos_tag/models/*/test_output.txt`, one token
  per line, a blank line between sentences, ~88,000 syllables of legal and news text): running-text syllable and
  pair counts.

A missing file (another underthesea release) leaves its statistics empty: restoration then falls back on the
catalogues' words alone, as before.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

_SYLLABLE = re.compile(r"[^\W\d_]+")

# The function words of Vietnamese questions, accented: what users type around a topic ("… có … không?", "… nào",
# "ở đâu", "bao nhiêu", "cho tôi hỏi", "ạ"). The decisions rarely use them, so restoration must know them a priori.
# Left out: those whose unaccented form is as often a content word ("nằm"/"năm", "mà"/"mã", "nhờ"/"nhỏ",
# "chỉ"/"chi", "cả"/"cá", "tất"), which the bonus would wrongly prefer.
FUNCTION_WORDS = frozenset(
    """
    ai gì nào sao thế như bao nhiêu mấy là có không chưa đã được bị đó nó ấy kia này những các mọi một
    của về ở tại trong cho với và hay hoặc thì mà để từ đến theo trên dưới ra vào lên lại còn nữa
    xin hỏi biết muốn cần tìm hiểu giúp tôi mình vui lòng ạ nhé ơi gồm xem đâu vậy nhỉ chứ đấy hả ư à
    phải nên đang sẽ rồi cũng vẫn
    """.split()
)


@dataclass(frozen=True)
class LanguageStatistics:
    """Syllable statistics of general Vietnamese (lower case, NFC).

    Attributes:
        syllables: every syllable of the dictionary and the running text.
        dictionary_pairs: (syllable, next syllable) inside one dictionary entry.
        unigrams: running-text syllable counts.
        bigrams: running-text counts of adjacent syllables within a sentence.
    """

    syllables: frozenset[str] = frozenset()
    dictionary_pairs: frozenset[tuple[str, str]] = frozenset()
    unigrams: Counter[str] = field(default_factory=Counter)
    bigrams: Counter[tuple[str, str]] = field(default_factory=Counter)


def _syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(unicodedata.normalize("NFC", text).lower())


def read_dictionary(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """(syllables, adjacent pairs) of a word list with one word or compound per line."""
    syllables: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = _syllables(line)
        syllables.update(parts)
        pairs.update(zip(parts, parts[1:], strict=False))
    return syllables, pairs


def read_token_lines(path: Path) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """(syllable counts, pair counts) of a CoNLL-style file: a token first on each line, blank lines between
    sentences; a token of several syllables ("thông tin") counts its inner pairs too."""
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    sentence: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        token = line.split("\t", 1)[0].strip()
        if token:
            sentence.extend(_syllables(token))
            continue
        unigrams.update(sentence)
        bigrams.update(zip(sentence, sentence[1:], strict=False))
        sentence = []
    return unigrams, bigrams


@cache
def general_vietnamese() -> LanguageStatistics:
    """The statistics of the installed underthesea's resources (read once per process, ~0.3 s)."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("underthesea")
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        log.warning("underthesea not found: diacritics are restored from the catalogues' words only")
        return LanguageStatistics()
    root = Path(spec.origin).parent  # located, not imported: its __init__ loads pipelines we do not need here
    syllables: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    dictionary = root / "corpus" / "data" / "Viet74K.txt"
    if dictionary.is_file():
        syllables, pairs = read_dictionary(dictionary)
    else:
        log.warning("%s missing: no dictionary for diacritic restoration", dictionary)
    texts = sorted((root / "pipeline" / "pos_tag" / "models").glob("*/test_output.txt"))
    for text in texts[-1:]:  # the newest model's sentences
        unigrams, bigrams = read_token_lines(text)
    if not texts:
        log.warning("no tagged sentences under %s: no running-text counts for diacritic restoration", root)
    return LanguageStatistics(frozenset(syllables | set(unigrams)), frozenset(pairs), unigrams, bigrams)
